// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store/store.h"

#include <optional>

namespace helios::data {

// The statements of one transaction on one pinned connection. `Connection` has
// `Result<qint64> run(const QString &sql, const QVariantList &params, Rows *rows)`.
// It keeps the first failed statement, so that the transaction is rolled back and the
// error returned even when the work function ignored it (PostgreSQL aborts the whole
// transaction at the first failure; SQLite does not, so both behave like PostgreSQL).
template <typename Connection>
class RecordingSession final : public SqlSession {
public:
    explicit RecordingSession(Connection &connection) : m_connection(connection) {}

    Result<Rows> query(const QString &sql, const QVariantList &params) override
    {
        Rows rows;
        const auto ran = remember(m_connection.run(sql, params, &rows));
        if (!ran.ok())
            return ran.error();
        return rows;
    }
    Result<qint64> exec(const QString &sql, const QVariantList &params) override
    {
        return remember(m_connection.run(sql, params, nullptr));
    }

    const std::optional<Error> &firstFailure() const { return m_failure; }

private:
    Result<qint64> remember(Result<qint64> result)
    {
        if (!result.ok() && !m_failure)
            m_failure = result.error();
        return result;
    }

    Connection &m_connection;
    std::optional<Error> m_failure;
};

} // namespace helios::data
