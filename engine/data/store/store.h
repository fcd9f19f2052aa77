// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

// The rows a query returned. Values are QVariant of: null, qint64, double, QString,
// QByteArray (bytea / blob), bool.
struct Rows {
    QStringList columns;
    QList<QVariantList> rows;

    bool isEmpty() const { return rows.isEmpty(); }
    int columnIndex(const QString &name) const { return columns.indexOf(name); }
    QVariant value(int row, const QString &column) const { return rows.at(row).value(columnIndex(column)); }
};

// Where a read may be served. Analytics reads go to DATABASE_REPLICA_URL when one is
// configured (they may lag the primary); everything else reads the primary.
enum class ReadFrom { Primary, Analytics };

// Statements run inside one transaction on one connection. Given to the function passed
// to Store::transaction(); invalid after it returns.
class SqlSession {
public:
    virtual ~SqlSession() = default;
    // SQL uses $1, $2, … placeholders on both back ends; values are always bound,
    // never spliced into the text.
    virtual Result<Rows> query(const QString &sql, const QVariantList &params = {}) = 0;
    // Returns the number of rows changed.
    virtual Result<qint64> exec(const QString &sql, const QVariantList &params = {}) = 0;
};

// The SQL store. Embedded: SQLite in WAL mode, a file in the data dir. Cluster:
// PostgreSQL through libpq with a connection pool and prepared statements.
// Thread-safe: any thread may call any method.
class Store {
public:
    virtual ~Store() = default;

    // "sqlite" or "postgresql": for status output, never for callers to branch on.
    virtual QString kind() const = 0;
    // Where it lives, secrets removed.
    virtual QString location() const = 0;

    virtual Result<Rows> query(const QString &sql, const QVariantList &params = {},
                               ReadFrom from = ReadFrom::Primary) = 0;
    virtual Result<qint64> exec(const QString &sql, const QVariantList &params = {}) = 0;

    // Runs `work` in a transaction: committed if it returns success, rolled back if it
    // returns an error (which is passed on unchanged) or a statement fails.
    virtual Result<void> transaction(const std::function<Result<void>(SqlSession &)> &work) = 0;

    // Round trip to the server (a no-op query); for readiness checks.
    virtual Result<void> ping() = 0;

    // The highest migration applied (0 for none).
    virtual Result<int> schemaVersion() = 0;
};

// Opens the Store the Config names and applies pending migrations. Fails with
// Unavailable (and the redacted URL as context) when the server cannot be reached
// within Config::connectTimeoutMs().
Result<std::unique_ptr<Store>> openStore(const Config &config);

} // namespace helios::data
