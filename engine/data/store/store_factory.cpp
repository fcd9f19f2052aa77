// SPDX-License-Identifier: Apache-2.0
#include "store.h"

#include "core/config.h"
#include "migrations.h"
#include "postgres_store.h"
#include "sqlite_store.h"

namespace helios::data {

Result<std::unique_ptr<Store>> openStore(const Config &config)
{
    std::unique_ptr<Store> store;
    SqlDialect dialect = SqlDialect::Sqlite;
    if (config.databaseUrl().isEmpty()) {
        auto sqlite = SqliteStore::open(config.dataDir());
        if (!sqlite.ok())
            return sqlite.error();
        store = std::move(*sqlite);
    } else {
        auto postgres = PostgresStore::open(config.databaseUrl(), config.databaseReplicaUrl(),
                                            config.connectTimeoutMs());
        if (!postgres.ok())
            return postgres.error();
        store = std::move(*postgres);
        dialect = SqlDialect::PostgreSql;
    }
    HELIOS_TRY(applyMigrations(*store, dialect));
    return store;
}

} // namespace helios::data
