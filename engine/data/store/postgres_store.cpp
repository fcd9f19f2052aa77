// SPDX-License-Identifier: Apache-2.0
#include "postgres_store.h"

#include "core/logging.h"
#include "migrations.h"
#include "postgres_pool.h"
#include "recording_session.h"

#include <optional>

namespace helios::data {

namespace {

// Enough for the engine's concurrency (a few worker threads) without holding many
// server processes; analytics reads are rarer still.
constexpr int PrimaryConnections = 4;
constexpr int ReplicaConnections = 2;
// How long a caller waits for a leased connection to come back before giving up.
constexpr int PoolWaitMs = 30000;

// Runs `op` on a leased connection. If it fails because the connection was lost (the
// server restarted since the connection was last used and the loss was not visible
// while idle), runs it once more on a fresh connection. Only for work that does not
// span statements: a transaction cannot be resumed on another connection.
template <typename T, typename Op>
Result<T> withRetry(PostgresPool &pool, Op op)
{
    for (int attempt = 0;; ++attempt) {
        auto lease = pool.acquire();
        if (!lease.ok())
            return lease.error();
        Result<T> result = op(lease->connection());
        if (result.ok() || attempt > 0 || !lease->connection().isBroken())
            return result;
        qCWarning(lcStore) << "connection to" << pool.target().redactedUrl
                           << "lost during a statement; retrying once on a new connection";
    }
}

} // namespace

class PostgresStore::Private {
public:
    std::unique_ptr<PostgresPool> primary;
    std::unique_ptr<PostgresPool> replica; // null when no replica is configured
};

PostgresStore::PostgresStore(std::unique_ptr<Private> d) : d(std::move(d)) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const QString &url, const QString &replicaUrl,
                                                           int connectTimeoutMs)
{
    auto primary = PostgresTarget::fromUrl(url, connectTimeoutMs);
    if (!primary.ok())
        return primary.error();
    auto d = std::make_unique<Private>();
    d->primary = std::make_unique<PostgresPool>(std::move(*primary), PrimaryConnections, PoolWaitMs);
    if (!replicaUrl.isEmpty()) {
        auto replica = PostgresTarget::fromUrl(replicaUrl, connectTimeoutMs);
        if (!replica.ok())
            return replica.error();
        d->replica = std::make_unique<PostgresPool>(std::move(*replica), ReplicaConnections, PoolWaitMs);
    }

    {
        // Fail now, with a clear reason, rather than at the first query.
        auto first = d->primary->acquire();
        if (!first.ok())
            return first.error();
    }
    if (d->replica) {
        // A replica that is down only slows analytics reads (they fall back to the
        // primary), but wrong credentials or database are a configuration error.
        auto first = d->replica->acquire();
        if (!first.ok()) {
            if (first.error().code != ErrorCode::Unavailable)
                return first.error();
            qCWarning(lcStore) << "the analytics replica is not reachable now:" << first.error().message;
        }
    }
    qCDebug(lcStore) << "opened PostgreSQL store" << d->primary->target().redactedUrl;
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(d)));
}

QString PostgresStore::kind() const { return QStringLiteral("postgresql"); }

QString PostgresStore::location() const
{
    QString where = d->primary->target().redactedUrl;
    if (d->replica)
        where += QStringLiteral(" (analytics reads: %1)").arg(d->replica->target().redactedUrl);
    return where;
}

Result<Rows> PostgresStore::query(const QString &sql, const QVariantList &params, ReadFrom from)
{
    auto read = [&](PostgresConnection &connection) -> Result<Rows> {
        Rows rows;
        HELIOS_TRY(connection.run(sql, params, &rows));
        return rows;
    };
    if (from == ReadFrom::Analytics && d->replica) {
        auto rows = withRetry<Rows>(*d->replica, read);
        if (rows.ok() || rows.error().code != ErrorCode::Unavailable)
            return rows;
        qCWarning(lcStore) << "analytics read falls back to the primary:" << rows.error().message;
    }
    return withRetry<Rows>(*d->primary, read);
}

Result<qint64> PostgresStore::exec(const QString &sql, const QVariantList &params)
{
    // Outside a transaction a statement is its own transaction: when the connection is
    // lost before its result arrives, it either never ran (the usual case: the server
    // had closed the idle connection) or committed just before the loss. The retry
    // accepts that small window in exchange for riding out server restarts.
    return withRetry<qint64>(*d->primary, [&](PostgresConnection &connection) {
        return connection.run(sql, params, nullptr);
    });
}

Result<void> PostgresStore::transaction(const std::function<Result<void>(SqlSession &)> &work)
{
    std::optional<PostgresPool::Lease> lease;
    for (int attempt = 0; !lease; ++attempt) {
        auto acquired = d->primary->acquire();
        if (!acquired.ok())
            return acquired.error();
        auto begun = acquired->connection().command("BEGIN");
        if (begun.ok())
            lease.emplace(std::move(*acquired));
        else if (attempt > 0 || !acquired->connection().isBroken())
            return begun.error(); // BEGIN alone is safe to retry: nothing ran yet
    }
    PostgresConnection &connection = lease->connection();

    RecordingSession<PostgresConnection> session(connection);
    Result<void> outcome = work(session);
    if (outcome.ok() && session.firstFailure())
        outcome = *session.firstFailure();
    if (!outcome.ok()) {
        if (!connection.isBroken()) {
            auto rolledBack = connection.command("ROLLBACK");
            if (!rolledBack.ok())
                qCWarning(lcStore) << "rollback failed:" << rolledBack.error().message;
        }
        return outcome; // a connection left in a transaction is closed, not pooled
    }
    auto committed = connection.command("COMMIT");
    if (!committed.ok()) {
        Error error = committed.error();
        if (connection.isBroken())
            error.message = QStringLiteral("the connection was lost during COMMIT, so whether the transaction "
                                           "committed is unknown: ")
                            + error.message;
        return error;
    }
    // COMMIT of a transaction the server already aborted answers ROLLBACK, not an error.
    if (*committed == "ROLLBACK")
        return makeError(ErrorCode::Conflict, QStringLiteral("the server rolled the transaction back"),
                         d->primary->target().redactedUrl);
    return {};
}

Result<void> PostgresStore::ping()
{
    HELIOS_TRY(query(QStringLiteral("SELECT 1")));
    return {};
}

Result<int> PostgresStore::schemaVersion() { return readSchemaVersion(*this); }

} // namespace helios::data
