// SPDX-License-Identifier: Apache-2.0
#include "sqlite_store.h"

#include "recording_session.h"

#include "core/logging.h"
#include "migrations.h"
#include "sql_value.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <sqlite3.h>

#include <mutex>
#include <optional>

namespace helios::data {

namespace {

// Long enough to ride out another process's write transaction, short enough that a
// stuck lock is reported instead of hanging the caller.
constexpr int BusyTimeoutMs = 5000;
// Statements are cached by SQL text; callers use fixed texts, so this bound is only a
// guard against a caller that builds SQL dynamically.
constexpr qsizetype StatementCacheLimit = 256;

ErrorCode codeFor(int rc)
{
    switch (rc) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
        return ErrorCode::AlreadyExists;
    default:
        break;
    }
    switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
        return ErrorCode::InvalidArgument;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::Timeout;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:
        return ErrorCode::Io;
    case SQLITE_TOOBIG:
        return ErrorCode::TooLarge;
    case SQLITE_AUTH:
        return ErrorCode::PermissionDenied;
    default:
        return ErrorCode::Internal;
    }
}

} // namespace

class SqliteStore::Private {
public:
    ~Private()
    {
        clearCache();
        if (db)
            sqlite3_close_v2(db);
    }

    Error failure(int rc, const QString &sql = {}) const
    {
        QString message = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        if (!sql.isEmpty())
            message += QStringLiteral(" (in: %1)").arg(sqlForMessage(sql));
        return makeError(codeFor(rc), message, path);
    }

    void clearCache()
    {
        for (sqlite3_stmt *stmt : std::as_const(statements))
            sqlite3_finalize(stmt);
        statements.clear();
    }

    Result<sqlite3_stmt *> prepare(const QString &sql)
    {
        if (sqlite3_stmt *cached = statements.value(sql))
            return cached;
        if (statements.size() >= StatementCacheLimit)
            clearCache();
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt *stmt = nullptr;
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                          &tail);
        if (rc != SQLITE_OK)
            return failure(rc, sql);
        if (!stmt)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("empty SQL statement"), path);
        const QByteArray rest = tail ? QByteArray(tail).trimmed() : QByteArray();
        if (!rest.isEmpty() && rest != QByteArrayLiteral(";")) {
            sqlite3_finalize(stmt);
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("one statement per call (in: %1)").arg(sqlForMessage(sql)), path);
        }
        statements.insert(sql, stmt);
        return stmt;
    }

    Result<void> bind(sqlite3_stmt *stmt, const QString &sql, const QVariantList &params)
    {
        const int expected = sqlite3_bind_parameter_count(stmt);
        if (expected != params.size())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the statement takes %1 parameters but %2 were given (in: %3)")
                                 .arg(expected)
                                 .arg(params.size())
                                 .arg(sqlForMessage(sql)),
                             path);
        char name[16];
        for (int i = 0; i < params.size(); ++i) {
            std::snprintf(name, sizeof name, "$%d", i + 1);
            const int index = sqlite3_bind_parameter_index(stmt, name);
            if (index == 0)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("parameter %1 is not used; write $1, $2, … in order (in: %2)")
                                     .arg(QString::fromLatin1(name), sqlForMessage(sql)),
                                 path);
            const QVariant &value = params.at(i);
            int rc = SQLITE_OK;
            switch (sqlValueKind(value)) {
            case SqlValueKind::Null:
                rc = sqlite3_bind_null(stmt, index);
                break;
            case SqlValueKind::Integer:
                rc = sqlite3_bind_int64(stmt, index, value.toLongLong());
                break;
            case SqlValueKind::Bool:
                rc = sqlite3_bind_int64(stmt, index, value.toBool() ? 1 : 0);
                break;
            case SqlValueKind::Double:
                rc = sqlite3_bind_double(stmt, index, value.toDouble());
                break;
            case SqlValueKind::Bytes: {
                // The caller's QVariantList outlives the step, so the bytes need no copy.
                const auto *bytes = static_cast<const QByteArray *>(value.constData());
                rc = sqlite3_bind_blob64(stmt, index, bytes->constData(), sqlite3_uint64(bytes->size()),
                                         SQLITE_STATIC);
                break;
            }
            case SqlValueKind::Text: {
                const QByteArray utf8 = sqlText(value).toUtf8();
                rc = sqlite3_bind_text64(stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                         SQLITE_TRANSIENT, SQLITE_UTF8);
                break;
            }
            case SqlValueKind::Unsupported:
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("parameter $%1 has type %2, which cannot be stored")
                                     .arg(i + 1)
                                     .arg(QString::fromLatin1(value.typeName())),
                                 path);
            }
            if (rc != SQLITE_OK)
                return failure(rc, sql);
        }
        return {};
    }

    // Runs one statement to completion. Rows are collected only when `rows` is given.
    Result<qint64> run(const QString &sql, const QVariantList &params, Rows *rows)
    {
        auto prepared = prepare(sql);
        if (!prepared.ok())
            return prepared.error();
        sqlite3_stmt *stmt = *prepared;
        // Leave the cached statement reset and unbound whatever happens, so it holds no
        // read lock and no pointer into the caller's values.
        struct ResetGuard {
            sqlite3_stmt *stmt;
            ~ResetGuard()
            {
                sqlite3_reset(stmt);
                sqlite3_clear_bindings(stmt);
            }
        } guard{stmt};
        HELIOS_TRY(bind(stmt, sql, params));

        const int columnCount = sqlite3_column_count(stmt);
        if (rows) {
            rows->columns.reserve(columnCount);
            for (int c = 0; c < columnCount; ++c)
                rows->columns.append(QString::fromUtf8(sqlite3_column_name(stmt, c)));
        }
        // sqlite3_changes64() keeps the count of the last INSERT/UPDATE/DELETE, so a
        // CREATE TABLE after an INSERT would report the INSERT's rows; the total moves
        // only when this statement changed something.
        const sqlite3_int64 totalBefore = sqlite3_total_changes64(db);
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return failure(rc, sql);
            if (!rows)
                continue;
            QVariantList row;
            row.reserve(columnCount);
            for (int c = 0; c < columnCount; ++c)
                row.append(column(stmt, c));
            rows->rows.append(std::move(row));
        }
        return sqlite3_total_changes64(db) == totalBefore ? qint64(0) : qint64(sqlite3_changes64(db));
    }

    static QVariant column(sqlite3_stmt *stmt, int c)
    {
        switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
            return qint64(sqlite3_column_int64(stmt, c));
        case SQLITE_FLOAT:
            return sqlite3_column_double(stmt, c);
        case SQLITE_TEXT: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
            return QString::fromUtf8(text, sqlite3_column_bytes(stmt, c));
        }
        case SQLITE_BLOB: {
            const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, c));
            const int size = sqlite3_column_bytes(stmt, c);
            return size > 0 ? QByteArray(data, size) : QByteArray("", 0);
        }
        default:
            return QVariant();
        }
    }

    Result<void> simple(const char *sql)
    {
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failure(rc, QString::fromLatin1(sql));
        return {};
    }

    void rollbackIfOpen()
    {
        // Some errors (SQLITE_FULL, IOERR, …) already rolled the transaction back.
        if (!sqlite3_get_autocommit(db) && sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK)
            qCWarning(lcStore) << "rollback failed:" << sqlite3_errmsg(db) << path;
    }

    sqlite3 *db = nullptr;
    QString path;
    // Recursive so that a transaction's work function calling the Store (rather than its
    // session) on the same thread joins the transaction instead of deadlocking.
    std::recursive_mutex mutex;
    QHash<QString, sqlite3_stmt *> statements;
};

SqliteStore::SqliteStore(std::unique_ptr<Private> d) : d(std::move(d)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data directory configured for the SQLite store"));
    if (!QDir().mkpath(dataDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the data directory"), dataDir);

    auto d = std::make_unique<Private>();
    d->path = QDir(dataDir).filePath(QStringLiteral("helios.db"));
    if (QFileInfo(d->path).isDir())
        return makeError(ErrorCode::Io, QStringLiteral("the database path is a directory"), d->path);
    // NOMUTEX: Private::mutex already serialises every use of the connection.
    const int rc = sqlite3_open_v2(QFile::encodeName(d->path).constData(), &d->db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        Error error = d->failure(rc);
        error.message = QStringLiteral("cannot open the database: ") + error.message;
        return error;
    }
    sqlite3_extended_result_codes(d->db, 1);
    sqlite3_busy_timeout(d->db, BusyTimeoutMs);

    // The first statements read the file header: a file that is not a database fails here.
    Rows mode;
    auto journal = d->run(QStringLiteral("PRAGMA journal_mode=WAL"), {}, &mode);
    if (!journal.ok()) {
        Error error = journal.error();
        error.message = QStringLiteral("cannot use the database file: ") + error.message;
        return error;
    }
    const QString modeName = mode.isEmpty() ? QString() : mode.rows.constFirst().value(0).toString();
    if (modeName.compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("the database could not be switched to WAL mode (it is in %1 mode)")
                             .arg(modeName),
                         d->path);
    HELIOS_TRY(d->simple("PRAGMA foreign_keys=ON"));
    // WAL with synchronous=NORMAL is durable across application crashes and only loses
    // the last commits on power loss, which is the trade SQLite recommends for WAL.
    HELIOS_TRY(d->simple("PRAGMA synchronous=NORMAL"));
    HELIOS_TRY(d->run(QStringLiteral("SELECT count(*) FROM sqlite_schema"), {}, nullptr));
    qCDebug(lcStore) << "opened SQLite store" << d->path;
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(d)));
}

QString SqliteStore::kind() const { return QStringLiteral("sqlite"); }
QString SqliteStore::location() const { return d->path; }

Result<Rows> SqliteStore::query(const QString &sql, const QVariantList &params, ReadFrom)
{
    // One file, no replica: analytics reads are served like any other.
    std::lock_guard lock(d->mutex);
    Rows rows;
    HELIOS_TRY(d->run(sql, params, &rows));
    return rows;
}

Result<qint64> SqliteStore::exec(const QString &sql, const QVariantList &params)
{
    std::lock_guard lock(d->mutex);
    return d->run(sql, params, nullptr);
}

Result<void> SqliteStore::transaction(const std::function<Result<void>(SqlSession &)> &work)
{
    std::lock_guard lock(d->mutex);
    // IMMEDIATE takes the write lock now, so a read-then-write transaction cannot fail
    // half way with SQLITE_BUSY because another process wrote first.
    HELIOS_TRY(d->simple("BEGIN IMMEDIATE"));
    struct RollbackGuard {
        Private &d;
        bool armed = true;
        ~RollbackGuard()
        {
            if (armed)
                d.rollbackIfOpen();
        }
    } guard{*d};

    RecordingSession<SqliteStore::Private> session(*d);
    Result<void> outcome = work(session);
    if (outcome.ok() && session.firstFailure())
        outcome = *session.firstFailure();
    if (!outcome.ok())
        return outcome; // the guard rolls back
    HELIOS_TRY(d->simple("COMMIT"));
    guard.armed = false;
    return {};
}

Result<void> SqliteStore::ping()
{
    std::lock_guard lock(d->mutex);
    HELIOS_TRY(d->run(QStringLiteral("SELECT 1"), {}, nullptr));
    return {};
}

Result<int> SqliteStore::schemaVersion() { return readSchemaVersion(*this); }

} // namespace helios::data
