// SPDX-License-Identifier: Apache-2.0
#include "migrations.h"

#include "core/logging.h"
#include "store.h"

#include <QDateTime>
#include <QSet>

namespace helios::data {

namespace {

// pg_advisory_xact_lock key: "HELIOS" in ASCII, so it is recognisable in pg_locks.
constexpr qint64 MigrationLockKey = 0x48454C494F53;

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

Result<void> lockIfShared(SqlSession &session, SqlDialect dialect)
{
    // SQLite's BEGIN IMMEDIATE already excludes other writers; PostgreSQL needs an
    // explicit lock so two starters do not both create a table or apply a migration.
    if (dialect == SqlDialect::PostgreSql)
        HELIOS_TRY(session.query(QStringLiteral("SELECT pg_advisory_xact_lock($1)"), {MigrationLockKey}));
    return {};
}

} // namespace

const char *MigrationStep::sqlFor(SqlDialect dialect) const
{
    const char *variant = dialect == SqlDialect::Sqlite ? sqlite : postgres;
    return variant ? variant : common;
}

const QList<Migration> &migrations()
{
    // Column types are in the subset both back ends agree on: TEXT, BIGINT/INTEGER,
    // DOUBLE PRECISION, BOOLEAN. Timestamps are ISO-8601 UTC text, which sorts correctly
    // and reads back the same from either back end.
    static const QList<Migration> all = {
        {1,
         "initial schema",
         {
             {"CREATE TABLE projects ("
              " id TEXT PRIMARY KEY,"
              " name TEXT NOT NULL,"
              " path TEXT NOT NULL,"
              " template TEXT NOT NULL DEFAULT '',"
              " created_at TEXT NOT NULL)"},
             {"CREATE TABLE token_sets ("
              " name TEXT NOT NULL,"
              " version INTEGER NOT NULL,"
              " content TEXT NOT NULL,"
              " created_at TEXT NOT NULL,"
              " PRIMARY KEY (name, version))"},
             {"CREATE TABLE events_seen ("
              " consumer TEXT NOT NULL,"
              " event_id TEXT NOT NULL,"
              " PRIMARY KEY (consumer, event_id))"},
         }},
        // SLATE sharing: who published a version, a hash of its content so republishing
        // the same files is recognised as "no change", and its size for listings.
        // One ADD COLUMN per statement: SQLite accepts no more.
        {2,
         "token set author, content hash and token count",
         {
             {"ALTER TABLE token_sets ADD COLUMN author TEXT NOT NULL DEFAULT ''"},
             {"ALTER TABLE token_sets ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT ''"},
             {"ALTER TABLE token_sets ADD COLUMN token_count INTEGER NOT NULL DEFAULT 0"},
         }},
        // LANDING: the role of each subject (JWT "sub") allowed to use the server. The
        // CHECK keeps the table to the roles the code knows on either back end.
        {3,
         "users and roles",
         {
             {"CREATE TABLE users ("
              " subject TEXT PRIMARY KEY,"
              " role TEXT NOT NULL CHECK (role IN ('viewer', 'developer', 'admin')),"
              " created_at TEXT NOT NULL,"
              " updated_at TEXT NOT NULL)"},
         }},
        // IGNITION records the parameters a project was made with and where its template
        // came from (a built-in name or a git URL); IGNIS keeps one row per build. Phases,
        // outputs and errors are JSON text: read whole, never queried inside.
        {4,
         "project parameters and build history",
         {
             {"ALTER TABLE projects ADD COLUMN parameters TEXT NOT NULL DEFAULT '{}'"},
             {"ALTER TABLE projects ADD COLUMN template_source TEXT NOT NULL DEFAULT ''"},
             {"CREATE TABLE builds ("
              " id TEXT PRIMARY KEY,"
              " project_id TEXT NOT NULL,"
              " project_path TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),"
              " cache TEXT NOT NULL DEFAULT 'miss',"
              " input_hash TEXT NOT NULL DEFAULT '',"
              " started_at TEXT NOT NULL,"
              " finished_at TEXT NOT NULL DEFAULT '',"
              " duration_ms BIGINT NOT NULL DEFAULT 0,"
              " output_bytes BIGINT NOT NULL DEFAULT 0,"
              " phases TEXT NOT NULL DEFAULT '[]',"
              " outputs TEXT NOT NULL DEFAULT '[]',"
              " errors TEXT NOT NULL DEFAULT '[]',"
              " image TEXT NOT NULL DEFAULT '',"
              " image_digest TEXT NOT NULL DEFAULT '')"},
             {"CREATE INDEX builds_by_project ON builds (project_id, started_at)"},
         }},
        // SPARK keeps every generated component that passed validation: versions 1, 2, 3…
        // per (project, name), the files as JSON text (read whole, never queried inside),
        // and a hash of them so that an identical regeneration is not a new version.
        {5,
         "component history",
         {
             {"CREATE TABLE components ("
              " project TEXT NOT NULL,"
              " name TEXT NOT NULL,"
              " version INTEGER NOT NULL,"
              " family TEXT NOT NULL,"
              " expert TEXT NOT NULL,"
              " prompt TEXT NOT NULL,"
              " files TEXT NOT NULL,"
              " content_sha256 TEXT NOT NULL,"
              " created_at TEXT NOT NULL,"
              " PRIMARY KEY (project, name, version))"},
         }},
        // WAYPOINT: releases (one per released build, numbered per project), deployments
        // (numbered per project so "newest" never depends on clock resolution; steps are
        // JSON text, read whole), each project's deploy policy as JSON, and what each
        // environment serves now.
        {6,
         "releases, deployments and environments",
         {
             {"CREATE TABLE releases ("
              " id TEXT PRIMARY KEY,"
              " project_id TEXT NOT NULL,"
              " project_path TEXT NOT NULL,"
              " version TEXT NOT NULL,"
              " number INTEGER NOT NULL,"
              " build_id TEXT NOT NULL,"
              " image TEXT NOT NULL,"
              " image_digest TEXT NOT NULL,"
              " image_root TEXT NOT NULL,"
              " git_commit TEXT NOT NULL DEFAULT '',"
              " changelog TEXT NOT NULL DEFAULT '[]',"
              " created_at TEXT NOT NULL,"
              " UNIQUE (project_id, version),"
              " UNIQUE (project_id, number))"},
             {"CREATE INDEX releases_by_build ON releases (build_id)"},
             {"CREATE TABLE deployments ("
              " id TEXT PRIMARY KEY,"
              " project_id TEXT NOT NULL,"
              " number BIGINT NOT NULL,"
              " environment TEXT NOT NULL,"
              " release_id TEXT NOT NULL,"
              " version TEXT NOT NULL,"
              " kind TEXT NOT NULL CHECK (kind IN ('deploy', 'promote', 'auto', 'rollback')),"
              " target TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN"
              " ('awaiting_approval', 'running', 'succeeded', 'failed', 'rolled_back')),"
              " requested_by TEXT NOT NULL,"
              " approved_by TEXT NOT NULL DEFAULT '',"
              " approved_at TEXT NOT NULL DEFAULT '',"
              " created_at TEXT NOT NULL,"
              " finished_at TEXT NOT NULL DEFAULT '',"
              " duration_ms BIGINT NOT NULL DEFAULT 0,"
              " url TEXT NOT NULL DEFAULT '',"
              " deployment_url TEXT NOT NULL DEFAULT '',"
              " rolled_back_to TEXT NOT NULL DEFAULT '',"
              " error TEXT NOT NULL DEFAULT '',"
              " steps TEXT NOT NULL DEFAULT '[]',"
              " UNIQUE (project_id, number))"},
             {"CREATE INDEX deployments_by_environment ON deployments (project_id, environment, number)"},
             {"CREATE TABLE deploy_policies ("
              " project_id TEXT PRIMARY KEY,"
              " policy TEXT NOT NULL,"
              " updated_at TEXT NOT NULL)"},
             {"CREATE TABLE environments ("
              " project_id TEXT NOT NULL,"
              " name TEXT NOT NULL,"
              " current_deployment_id TEXT NOT NULL DEFAULT '',"
              " current_release_id TEXT NOT NULL DEFAULT '',"
              " current_version TEXT NOT NULL DEFAULT '',"
              " url TEXT NOT NULL DEFAULT '',"
              " health TEXT NOT NULL DEFAULT 'none',"
              " updated_at TEXT NOT NULL,"
              " PRIMARY KEY (project_id, name))"},
         }},
        // One deployment per environment across every process that shares the Store
        // (helios serve, the workbench, helios deploy): a lease held by `holder` until
        // `expires_at` (ms since the epoch), given back when the deployment ends.
        {7,
         "environment locks across processes",
         {
             {"CREATE TABLE environment_locks ("
              " project_id TEXT NOT NULL,"
              " environment TEXT NOT NULL,"
              " holder TEXT NOT NULL,"
              " expires_at BIGINT NOT NULL,"
              " PRIMARY KEY (project_id, environment))"},
         }},
    };
    return all;
}

int latestSchemaVersion() { return migrations().isEmpty() ? 0 : migrations().constLast().version; }

Result<int> readSchemaVersion(Store &store)
{
    const auto rows = store.query(QStringLiteral("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations"));
    if (!rows.ok())
        return rows.error();
    return rows->isEmpty() ? 0 : rows->rows.constFirst().value(0).toInt();
}

Result<void> applyMigrations(Store &store, SqlDialect dialect)
{
    HELIOS_TRY(store.transaction([dialect](SqlSession &session) -> Result<void> {
        HELIOS_TRY(lockIfShared(session, dialect));
        HELIOS_TRY(session.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                               " version INTEGER PRIMARY KEY,"
                                               " name TEXT NOT NULL,"
                                               " applied_at TEXT NOT NULL)")));
        return {};
    }));

    const auto applied = store.query(QStringLiteral("SELECT version FROM schema_migrations"));
    if (!applied.ok())
        return applied.error();
    QSet<int> done;
    int highest = 0;
    for (const QVariantList &row : applied->rows) {
        const int version = row.value(0).toInt();
        done.insert(version);
        highest = std::max(highest, version);
    }
    if (highest > latestSchemaVersion())
        qCWarning(lcStore) << "the database schema is at version" << highest << "but this build knows only up to"
                           << latestSchemaVersion() << "- a newer Helios has used it";

    for (const Migration &migration : migrations()) {
        if (done.contains(migration.version))
            continue;
        bool ran = false;
        HELIOS_TRY(store.transaction([&](SqlSession &session) -> Result<void> {
            HELIOS_TRY(lockIfShared(session, dialect));
            // Another starter may have applied it while we waited for the lock.
            const auto existing = session.query(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = $1"),
                                                {migration.version});
            if (!existing.ok())
                return existing.error();
            if (!existing->isEmpty())
                return {};
            for (const MigrationStep &step : migration.steps)
                HELIOS_TRY(session.exec(QString::fromUtf8(step.sqlFor(dialect))));
            HELIOS_TRY(session.exec(
                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"),
                {migration.version, QString::fromUtf8(migration.name), nowUtc()}));
            ran = true;
            return {};
        }));
        if (ran)
            qCInfo(lcStore) << "applied migration" << migration.version << migration.name;
    }
    return {};
}

} // namespace helios::data
