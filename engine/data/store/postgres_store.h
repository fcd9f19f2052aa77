// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store.h"

#include <memory>

namespace helios::data {

// The cluster Store: PostgreSQL through libpq.
//
// A small pool of connections to the primary, each with its own prepared statements,
// and, when DATABASE_REPLICA_URL is set, a separate small pool to the replica that
// serves ReadFrom::Analytics reads. A connection the server dropped (restart, network) is
// replaced on next use; a statement that failed because its connection dropped is
// retried once on a new connection, but never inside a transaction, whose earlier
// statements died with the connection.
class PostgresStore final : public Store {
public:
    ~PostgresStore() override;

    // Checks both URLs and connects once to the primary, so a wrong URL, an unreachable
    // server (Unavailable, within Config::connectTimeoutMs()) or wrong credentials
    // (Unauthenticated) is reported here. Errors carry the redacted URL as context.
    // Does not apply migrations (openStore() does).
    static Result<std::unique_ptr<PostgresStore>> open(const QString &url, const QString &replicaUrl,
                                                       int connectTimeoutMs);

    QString kind() const override;
    QString location() const override;
    Result<Rows> query(const QString &sql, const QVariantList &params = {},
                       ReadFrom from = ReadFrom::Primary) override;
    Result<qint64> exec(const QString &sql, const QVariantList &params = {}) override;
    Result<void> transaction(const std::function<Result<void>(SqlSession &)> &work) override;
    Result<void> ping() override;
    Result<int> schemaVersion() override;

private:
    class Private;
    explicit PostgresStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace helios::data
