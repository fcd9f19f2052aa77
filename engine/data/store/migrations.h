// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QList>

namespace helios::data {

class Store;

// The SQL dialects the Store back ends speak. Only migrations may depend on it: callers
// of Store write SQL in the subset both understand.
enum class SqlDialect { Sqlite, PostgreSql };

// One statement of a migration. `common` runs on both back ends unless the dialect has its
// own variant (types that differ: BLOB vs BYTEA, AUTOINCREMENT vs IDENTITY, …).
struct MigrationStep {
    const char *common = nullptr;
    const char *sqlite = nullptr;
    const char *postgres = nullptr;

    const char *sqlFor(SqlDialect dialect) const;
};

// A numbered schema change. Versions are consecutive from 1 and never reused or edited
// once released: a later change is a new migration.
struct Migration {
    int version = 0;
    const char *name = nullptr;
    QList<MigrationStep> steps;
};

// Every migration, ordered by version.
const QList<Migration> &migrations();

// The version the newest migration brings the schema to.
int latestSchemaVersion();

// Applies each pending migration in its own transaction and records it in
// schema_migrations(version, name, applied_at). Idempotent: with nothing pending it only
// reads. On PostgreSQL concurrent starters are serialised by a transaction-scoped
// advisory lock, so two processes opening one database apply each migration once.
// A failed migration is rolled back and its error returned unchanged.
Result<void> applyMigrations(Store &store, SqlDialect dialect);

// The highest applied version, 0 when none is. Fails if schema_migrations does not exist
// (a store that has not been through applyMigrations()).
Result<int> readSchemaVersion(Store &store);

} // namespace helios::data
