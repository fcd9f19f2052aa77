// SPDX-License-Identifier: Apache-2.0
#include "postgres_connection.h"

#include "core/config.h"
#include "core/logging.h"
#include "sql_value.h"

#include <QUrl>
#include <QVarLengthArray>

#include <libpq-fe.h>

#include <cmath>
#include <poll.h>
#include <memory>

namespace helios::data {

namespace {

// Type OIDs from pg_type (stable since PostgreSQL 7).
constexpr Oid BoolOid = 16;
constexpr Oid ByteaOid = 17;
constexpr Oid Int8Oid = 20;
constexpr Oid Int2Oid = 21;
constexpr Oid Int4Oid = 23;
constexpr Oid TextOid = 25;
constexpr Oid OidOid = 26;
constexpr Oid Float4Oid = 700;
constexpr Oid Float8Oid = 701;
constexpr Oid NumericOid = 1700;

// Statement texts are fixed in callers' code; this bounds a caller that builds SQL.
constexpr qsizetype PreparedLimit = 256;

struct ResultDeleter {
    void operator()(PGresult *r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

ErrorCode codeForState(const QByteArray &state)
{
    if (state == "23505")
        return ErrorCode::AlreadyExists;
    if (state == "40001" || state == "40P01" || state == "55P03")
        return ErrorCode::Conflict;
    if (state == "42501")
        return ErrorCode::PermissionDenied;
    if (state == "57014")
        return ErrorCode::Timeout;
    if (state == "3D000")
        return ErrorCode::NotFound;
    if (state == "XX001" || state == "XX002")
        return ErrorCode::Corrupt;
    if (state == "08P01")
        return ErrorCode::InvalidArgument;
    const QByteArray cls = state.left(2);
    if (cls == "28")
        return ErrorCode::Unauthenticated;
    if (cls == "08" || cls == "53" || cls == "57")
        return ErrorCode::Unavailable;
    if (cls == "54")
        return ErrorCode::TooLarge;
    if (cls == "22" || cls == "23" || cls == "42" || cls == "0A" || cls == "21" || cls == "25" || cls == "26"
        || cls == "34" || cls == "3F" || cls == "44")
        return ErrorCode::InvalidArgument;
    return ErrorCode::Internal;
}

// libpq messages end with a newline and may span lines ("\n\tIs the server running…").
QString tidy(const char *message) { return QString::fromUtf8(message).simplified(); }

Oid typeFor(SqlValueKind kind)
{
    // Typed parameters make `SELECT $1` return the caller's type, as SQLite does.
    // Text and NULL stay "unknown" so the server takes the type from the context (a
    // json column accepts a text parameter, which a declared text type would refuse).
    switch (kind) {
    case SqlValueKind::Integer:
        return Int8Oid;
    case SqlValueKind::Bool:
        return BoolOid;
    case SqlValueKind::Double:
        return Float8Oid;
    case SqlValueKind::Bytes:
        return ByteaOid;
    default:
        return 0;
    }
}

QVariant decodeDouble(const char *text)
{
    const QByteArray value(text);
    if (value == "NaN")
        return std::nan("");
    if (value == "Infinity")
        return HUGE_VAL;
    if (value == "-Infinity")
        return -HUGE_VAL;
    return value.toDouble();
}

QVariant decode(Oid type, const char *text, int length)
{
    switch (type) {
    case Int8Oid:
    case Int4Oid:
    case Int2Oid:
    case OidOid:
        return QByteArray::fromRawData(text, length).toLongLong();
    case Float4Oid:
    case Float8Oid:
    case NumericOid:
        return decodeDouble(text);
    case BoolOid:
        return text[0] == 't';
    case ByteaOid:
        // Text-format bytea is "\x" followed by hex (bytea_output defaults to hex).
        if (length >= 2 && text[0] == '\\' && text[1] == 'x')
            return QByteArray::fromHex(QByteArray::fromRawData(text + 2, length - 2));
        else {
            size_t size = 0;
            unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
            QByteArray bytes(reinterpret_cast<const char *>(raw), qsizetype(size));
            PQfreemem(raw);
            return bytes;
        }
    default:
        return QString::fromUtf8(text, length);
    }
}

void logNotice(void *, const char *message) { qCDebug(lcStore) << "postgres:" << tidy(message); }

} // namespace

Result<PostgresTarget> PostgresTarget::fromUrl(const QString &url, int connectTimeoutMs)
{
    PostgresTarget target;
    target.url = url.toUtf8();
    target.redactedUrl = redactUrl(url);
    const QUrl parsed(url);
    const QString password = parsed.password(QUrl::FullyDecoded);
    if (!password.isEmpty())
        target.secrets << password << parsed.password(QUrl::FullyEncoded);
    target.connectTimeoutSeconds = std::max(2, (connectTimeoutMs + 999) / 1000); // libpq's minimum is 2

    if (!url.startsWith(QLatin1StringView("postgresql://")) && !url.startsWith(QLatin1StringView("postgres://")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a PostgreSQL URL starts with postgresql://"), target.redactedUrl);
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(target.url.constData(), &message);
    if (!options) {
        const QString why = message ? target.scrub(tidy(message)) : QStringLiteral("out of memory");
        PQfreemem(message);
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("malformed PostgreSQL URL: ") + why,
                         target.redactedUrl);
    }
    // libpq checks the port only when connecting, and would report it as a connection
    // failure; it is a configuration mistake.
    QString badPort;
    for (const PQconninfoOption *option = options; option->keyword; ++option) {
        if (qstrcmp(option->keyword, "port") != 0 || !option->val)
            continue;
        for (const QByteArray &port : QByteArray(option->val).split(',')) {
            bool ok = port.isEmpty();
            if (!ok) {
                const int number = port.toInt(&ok);
                ok = ok && number > 0 && number < 65536;
            }
            if (!ok)
                badPort = QString::fromUtf8(port);
        }
    }
    PQconninfoFree(options);
    if (!badPort.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("malformed PostgreSQL URL: port \"%1\" is not a number from 1 to 65535")
                             .arg(target.scrub(badPort)),
                         target.redactedUrl);
    return target;
}

QString PostgresTarget::scrub(QString text) const
{
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

PostgresConnection::PostgresConnection(PGconn *conn, const PostgresTarget &target) : m_conn(conn), m_target(target)
{
    PQsetNoticeProcessor(m_conn, &logNotice, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(m_conn); }

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::connect(const PostgresTarget &target)
{
    const QByteArray timeout = QByteArray::number(target.connectTimeoutSeconds);
    // Keywords after "dbname" override what the URL says, so the configured timeout and
    // the encoding always apply.
    const char *keywords[] = {"dbname", "connect_timeout", "client_encoding", "application_name", "keepalives",
                              "keepalives_idle", nullptr};
    const char *values[] = {target.url.constData(), timeout.constData(), "UTF8", "helios", "1", "30", nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    if (!conn)
        return makeError(ErrorCode::Internal, QStringLiteral("libpq could not allocate a connection"),
                         target.redactedUrl);
    if (PQstatus(conn) == CONNECTION_OK)
        return std::unique_ptr<PostgresConnection>(new PostgresConnection(conn, target));

    const QString why = target.scrub(tidy(PQerrorMessage(conn)));
    const bool needsPassword = PQconnectionNeedsPassword(conn);
    PQfinish(conn);
    ErrorCode code = ErrorCode::Unavailable;
    QString message = QStringLiteral("cannot connect to PostgreSQL: ") + why;
    if (needsPassword) {
        code = ErrorCode::Unauthenticated;
        message = QStringLiteral("PostgreSQL wants a password and the URL gives none: ") + why;
    } else if (why.contains(QLatin1StringView("authentication failed"))
               || why.contains(QLatin1StringView("no password supplied"))
               || (why.contains(QLatin1StringView("role \"")) && why.contains(QLatin1StringView("does not exist")))) {
        code = ErrorCode::Unauthenticated;
        message = QStringLiteral("PostgreSQL rejected the user name or password in the URL: ") + why;
    } else if (why.contains(QLatin1StringView("database \"")) && why.contains(QLatin1StringView("does not exist"))) {
        code = ErrorCode::NotFound;
    }
    return makeError(code, message, target.redactedUrl);
}

Error PostgresConnection::lostOrFailed(const QString &what) const
{
    const QString why = m_target.scrub(tidy(PQerrorMessage(m_conn)));
    if (isBroken())
        return makeError(ErrorCode::Unavailable, QStringLiteral("lost the connection to PostgreSQL: ") + why,
                         m_target.redactedUrl);
    return makeError(ErrorCode::Internal, what + QStringLiteral(": ") + why, m_target.redactedUrl);
}

namespace {
Error resultError(const PGresult *result, const QString &sql, const PostgresTarget &target, bool broken)
{
    const QByteArray state(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    QString message = tidy(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (message.isEmpty())
        message = tidy(PQresultErrorMessage(result));
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        message += QStringLiteral(" (") + tidy(detail) + QStringLiteral(")");
    ErrorCode code = state.isEmpty() ? ErrorCode::Internal : codeForState(state);
    if (broken)
        code = ErrorCode::Unavailable;
    if (!state.isEmpty())
        message += QStringLiteral(" [SQLSTATE %1]").arg(QString::fromLatin1(state));
    if (!sql.isEmpty())
        message += QStringLiteral(" (in: %1)").arg(sqlForMessage(sql));
    return makeError(code, target.scrub(message), target.redactedUrl);
}
} // namespace

Result<PostgresConnection::Prepared> PostgresConnection::prepare(const QString &key, const QString &sql,
                                                                 const QVariantList &params)
{
    if (m_prepared.size() >= PreparedLimit) {
        ResultPtr dropped(PQexec(m_conn, "DEALLOCATE ALL"));
        m_prepared.clear();
    }
    QVarLengthArray<Oid, 16> types(params.size());
    for (int i = 0; i < params.size(); ++i)
        types[i] = typeFor(sqlValueKind(params.at(i)));

    Prepared prepared;
    prepared.name = "helios_" + QByteArray::number(++m_nextStatement);
    const QByteArray text = sql.toUtf8();
    ResultPtr result(PQprepare(m_conn, prepared.name.constData(), text.constData(), int(types.size()),
                               types.constData()));
    if (result && PQresultStatus(result.get()) != PGRES_COMMAND_OK
        && QByteArray(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE)) == "42P18"
        && PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
        // A NULL or text parameter whose type the statement does not reveal ("$1 IS
        // NULL"): call it text, as SQLite would treat it.
        for (Oid &type : types) {
            if (type == 0)
                type = TextOid;
        }
        result.reset(PQprepare(m_conn, prepared.name.constData(), text.constData(), int(types.size()),
                               types.constData()));
    }
    if (!result)
        return lostOrFailed(QStringLiteral("cannot prepare a statement"));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        return resultError(result.get(), sql, m_target, isBroken());

    ResultPtr description(PQdescribePrepared(m_conn, prepared.name.constData()));
    if (!description)
        return lostOrFailed(QStringLiteral("cannot describe a statement"));
    if (PQresultStatus(description.get()) != PGRES_COMMAND_OK)
        return resultError(description.get(), sql, m_target, isBroken());
    prepared.parameterCount = PQnparams(description.get());
    m_prepared.insert(key, prepared);
    return prepared;
}

Result<qint64> PostgresConnection::run(const QString &sql, const QVariantList &params, Rows *rows)
{
    // The same text with differently typed values is a different prepared statement,
    // because parameter types are fixed when it is prepared.
    QString key;
    key.reserve(sql.size() + params.size() + 1);
    key += sql;
    key += QChar(0x1f);
    for (const QVariant &value : params) {
        const SqlValueKind kind = sqlValueKind(value);
        if (kind == SqlValueKind::Unsupported)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a parameter has type %1, which cannot be stored")
                                 .arg(QString::fromLatin1(value.typeName())),
                             m_target.redactedUrl);
        key += QChar(u'0' + int(kind));
    }

    Prepared prepared;
    if (auto found = m_prepared.constFind(key); found != m_prepared.cend()) {
        prepared = *found;
    } else {
        auto made = prepare(key, sql, params);
        if (!made.ok())
            return made.error();
        prepared = *made;
    }
    if (prepared.parameterCount != params.size())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the statement takes %1 parameters but %2 were given (in: %3)")
                             .arg(prepared.parameterCount)
                             .arg(params.size())
                             .arg(sqlForMessage(sql)),
                         m_target.redactedUrl);

    const int count = int(params.size());
    QVarLengthArray<QByteArray, 16> storage(count);
    QVarLengthArray<const char *, 16> values(count);
    QVarLengthArray<int, 16> lengths(count);
    QVarLengthArray<int, 16> formats(count);
    for (int i = 0; i < count; ++i) {
        const QVariant &value = params.at(i);
        formats[i] = 0;
        switch (sqlValueKind(value)) {
        case SqlValueKind::Null:
        case SqlValueKind::Unsupported:
            values[i] = nullptr;
            lengths[i] = 0;
            continue;
        case SqlValueKind::Integer:
            storage[i] = value.typeId() == QMetaType::ULongLong ? QByteArray::number(value.toULongLong())
                                                                 : QByteArray::number(value.toLongLong());
            break;
        case SqlValueKind::Bool:
            storage[i] = value.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
            break;
        case SqlValueKind::Double: {
            const double d = value.toDouble();
            storage[i] = std::isnan(d)   ? QByteArrayLiteral("NaN")
                         : std::isinf(d) ? (d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity"))
                                         : QByteArray::number(d, 'g', 17);
            break;
        }
        case SqlValueKind::Bytes:
            // Binary format: the bytes as they are, no escaping.
            storage[i] = *static_cast<const QByteArray *>(value.constData());
            formats[i] = 1;
            break;
        case SqlValueKind::Text:
            storage[i] = sqlText(value).toUtf8();
            break;
        }
        values[i] = storage[i].constData();
        lengths[i] = int(storage[i].size());
    }

    ResultPtr result(PQexecPrepared(m_conn, prepared.name.constData(), count, values.constData(),
                                    lengths.constData(), formats.constData(), 0));
    if (!result)
        return lostOrFailed(QStringLiteral("cannot run a statement"));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QByteArray state(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE));
        // Our statement vanished (DISCARD ALL) or its plan went stale after a schema
        // change: forget it so the next use prepares it again.
        if (state == "26000" || state == "0A000")
            m_prepared.remove(key);
        return resultError(result.get(), sql, m_target, isBroken());
    }

    if (rows) {
        const int columns = PQnfields(result.get());
        const int tuples = PQntuples(result.get());
        QVarLengthArray<Oid, 16> types(columns);
        rows->columns.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            rows->columns.append(QString::fromUtf8(PQfname(result.get(), c)));
            types[c] = PQftype(result.get(), c);
        }
        rows->rows.reserve(tuples);
        for (int r = 0; r < tuples; ++r) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result.get(), r, c))
                    row.append(QVariant());
                else
                    row.append(decode(types[c], PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
            }
            rows->rows.append(std::move(row));
        }
    }
    const char *changed = PQcmdTuples(result.get());
    return changed && *changed ? QByteArray(changed).toLongLong() : qint64(0);
}

Result<QByteArray> PostgresConnection::command(const char *sql)
{
    ResultPtr result(PQexec(m_conn, sql));
    if (!result)
        return lostOrFailed(QString::fromLatin1(sql));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        return resultError(result.get(), QString::fromLatin1(sql), m_target, isBroken());
    return QByteArray(PQcmdStatus(result.get()));
}

bool PostgresConnection::isAlive()
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        return false;
    // A server that shut down sent a FATAL notice and then closed the stream. One
    // PQconsumeInput() reads only the notice, so keep reading while the socket is readable
    // (never blocking: poll with no wait) until the end of stream marks the connection
    // bad, before any statement is sent on it. A live idle connection is not readable.
    for (int reads = 0; reads < 8; ++reads) {
        pollfd socket{PQsocket(m_conn), POLLIN, 0};
        if (socket.fd < 0 || ::poll(&socket, 1, 0) <= 0)
            break;
        if (!PQconsumeInput(m_conn))
            return false;
    }
    return PQstatus(m_conn) == CONNECTION_OK;
}

bool PostgresConnection::isBroken() const { return PQstatus(m_conn) != CONNECTION_OK; }

bool PostgresConnection::isReusable() const
{
    return PQstatus(m_conn) == CONNECTION_OK && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
}

} // namespace helios::data
