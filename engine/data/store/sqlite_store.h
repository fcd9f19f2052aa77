// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store.h"

#include <memory>

namespace helios::data {

// The embedded Store: one SQLite database file in WAL mode with foreign keys on.
//
// One connection serialised by a mutex: SQLite allows one writer at a time anyway, and a
// single connection keeps a transaction's statements on the connection that began it.
// Prepared statements are cached by SQL text. `$1, $2, …` are SQLite named parameters,
// so the same SQL text works here and on PostgreSQL.
class SqliteStore final : public Store {
public:
    ~SqliteStore() override;

    // Opens (creating if needed) `<dataDir>/helios.db`. Fails with Io when the directory
    // or file cannot be created or written, Corrupt when the file is not a database.
    // Does not apply migrations (openStore() does).
    static Result<std::unique_ptr<SqliteStore>> open(const QString &dataDir);

    QString kind() const override;
    QString location() const override;
    Result<Rows> query(const QString &sql, const QVariantList &params = {},
                       ReadFrom from = ReadFrom::Primary) override;
    Result<qint64> exec(const QString &sql, const QVariantList &params = {}) override;
    Result<void> transaction(const std::function<Result<void>(SqlSession &)> &work) override;
    Result<void> ping() override;
    Result<int> schemaVersion() override;

    class Private;

private:
    explicit SqliteStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace helios::data
