// SPDX-License-Identifier: Apache-2.0
#include "slate/token_library.h"

#include "bus/bus.h"
#include "bus/event.h"
#include "cache/cache.h"
#include "core/ids.h"
#include "core/logging.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <thread>

namespace helios::slate {

namespace {

constexpr qsizetype MaxNameLength = 200;

const QString &eventType()
{
    static const QString type = QStringLiteral("token.updated");
    return type;
}

// The stored content: the files in merge order. Token files are JSON, so UTF-8 text is
// the normal case and stays readable in the database; anything else keeps its exact
// bytes as base64.
QByteArray encodeContent(const QList<TokenFile> &files)
{
    QJsonArray array;
    for (const TokenFile &file : files) {
        QJsonObject entry{{QStringLiteral("name"), file.fileName}};
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(file.bytes);
        if (!decoder.hasError())
            entry.insert(QStringLiteral("text"), decoded);
        else
            entry.insert(QStringLiteral("base64"), QString::fromLatin1(file.bytes.toBase64()));
        array.append(entry);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("files"), array}}).toJson(QJsonDocument::Compact);
}

Result<QList<TokenFile>> decodeContent(const QByteArray &content, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    const QJsonValue filesValue = doc.object().value(QStringLiteral("files"));
    if (parseError.error != QJsonParseError::NoError || !filesValue.isArray())
        return makeError(ErrorCode::Corrupt, QStringLiteral("stored token set content is not {\"files\": [...]}"),
                         where);
    QList<TokenFile> files;
    const QJsonArray array = filesValue.toArray();
    files.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject entry = value.toObject();
        TokenFile file{entry.value(QStringLiteral("name")).toString(), {}};
        if (entry.contains(QStringLiteral("text")))
            file.bytes = entry.value(QStringLiteral("text")).toString().toUtf8();
        else
            file.bytes = QByteArray::fromBase64(entry.value(QStringLiteral("base64")).toString().toLatin1());
        files.append(std::move(file));
    }
    return files;
}

QString sha256Hex(const QByteArray &bytes) { return sha256Digest(bytes).mid(7); } // drop "sha256:"

QJsonObject infoToJson(const TokenSetInfo &info)
{
    return QJsonObject{
        {QStringLiteral("name"), info.name},
        {QStringLiteral("version"), info.version},
        {QStringLiteral("author"), info.author},
        {QStringLiteral("createdAt"), info.createdAt},
        {QStringLiteral("sha256"), info.contentSha256},
        {QStringLiteral("tokenCount"), info.tokenCount},
    };
}

TokenSetInfo infoFromJson(const QJsonObject &o)
{
    return TokenSetInfo{o.value(QStringLiteral("name")).toString(),
                        o.value(QStringLiteral("version")).toInt(),
                        o.value(QStringLiteral("author")).toString(),
                        o.value(QStringLiteral("createdAt")).toString(),
                        o.value(QStringLiteral("sha256")).toString(),
                        o.value(QStringLiteral("tokenCount")).toInt()};
}

// A cached version is the stored row: its columns and the content exactly as stored.
QByteArray cacheRecord(const TokenSetInfo &info, const QByteArray &content)
{
    QJsonObject o = infoToJson(info);
    o.insert(QStringLiteral("content"), QString::fromUtf8(content));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray infoListRecord(const QList<TokenSetInfo> &infos)
{
    QJsonArray array;
    for (const TokenSetInfo &info : infos)
        array.append(infoToJson(info));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<QList<TokenSetInfo>> infoListFromRecord(const QByteArray &record)
{
    const QJsonDocument doc = QJsonDocument::fromJson(record);
    if (!doc.isArray())
        return std::nullopt;
    QList<TokenSetInfo> infos;
    const QJsonArray array = doc.array();
    infos.reserve(array.size());
    for (const QJsonValue &value : array)
        infos.append(infoFromJson(value.toObject()));
    return infos;
}

// Columns of token_sets besides name and content, in this order, in every SELECT below.
TokenSetInfo infoFromRow(const QString &name, const QVariantList &row)
{
    return TokenSetInfo{name,
                        row.value(0).toInt(),
                        row.value(1).toString(),
                        row.value(2).toString(),
                        row.value(3).toString(),
                        row.value(4).toInt()};
}

QByteArray setPrefix(const QString &name) { return TokenLibrary::cacheKeyPrefix() + name.toUtf8() + ':'; }
QByteArray latestKey(const QString &name) { return setPrefix(name) + "latest"; }
QByteArray versionKey(const QString &name, int v) { return setPrefix(name) + "v:" + QByteArray::number(v); }
QByteArray versionsKey(const QString &name) { return setPrefix(name) + "versions"; }
// An empty name is never valid, so this cannot collide with a set's keys.
QByteArray listKey() { return TokenLibrary::cacheKeyPrefix() + ":list"; }

bool retryable(ErrorCode code) { return code == ErrorCode::AlreadyExists || code == ErrorCode::Conflict; }

QString summarise(const Diagnostics &diagnostics)
{
    qsizetype errors = 0;
    QString first;
    for (const Diagnostic &d : diagnostics) {
        if (!d.isError())
            continue;
        if (errors++ == 0)
            first = d.toString();
    }
    return QStringLiteral("the token files have %1 error(s); the first: %2").arg(errors).arg(first);
}

} // namespace

TokenLibrary::TokenLibrary(data::Store &store, data::Cache &cache, data::Bus &bus)
    : TokenLibrary(store, cache, bus, Options{})
{
}

TokenLibrary::TokenLibrary(data::Store &store, data::Cache &cache, data::Bus &bus, Options options)
    : m_store(store), m_cache(cache), m_bus(bus), m_options(options)
{
}

QString TokenLibrary::nameProblem(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return QStringLiteral("a token set name has 1 to %1 characters").arg(MaxNameLength);
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                        || u == u'.' || u == u'_' || u == u'-' || u == u'/' || u == u'@';
        if (!ok)
            return QStringLiteral("a token set name uses only letters, digits and \"._-/@\", not \"%1\"").arg(c);
    }
    return {};
}

Result<PublishOutcome> TokenLibrary::publish(const QString &name, const QList<TokenFile> &files,
                                             const QString &author, Diagnostics *diagnostics)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, name);
    if (files.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a token set needs at least one file"), name);

    // Validate exactly what will be stored: read and resolved together, in merge order.
    TokenReader reader;
    for (const TokenFile &file : files)
        reader.addData(file.bytes, file.fileName);
    TokenSet set = reader.finish();
    TokenResolver::resolve(set);
    if (diagnostics)
        *diagnostics = set.diagnostics();
    if (set.hasErrors())
        return makeError(ErrorCode::InvalidArgument, summarise(set.diagnostics()), name);

    PublishOutcome outcome;
    for (const Diagnostic &d : set.diagnostics())
        if (!d.isError())
            outcome.warnings.push_back(d);

    const QByteArray content = encodeContent(files);
    const QString contentString = QString::fromUtf8(content);
    const QString hash = sha256Hex(content);
    const int tokenCount = int(set.size());

    for (int attempt = 1;; ++attempt) {
        outcome.created = false;
        const Result<void> done = m_store.transaction([&](data::SqlSession &session) -> Result<void> {
            const auto latestRow = session.query(
                QStringLiteral("SELECT version, author, created_at, content_sha256, token_count FROM token_sets"
                               " WHERE name = $1 ORDER BY version DESC LIMIT 1"),
                {name});
            if (!latestRow.ok())
                return latestRow.error();
            int previous = 0;
            if (!latestRow->isEmpty()) {
                outcome.info = infoFromRow(name, latestRow->rows.constFirst());
                if (outcome.info.contentSha256 == hash)
                    return {}; // the same files again: nothing to store or announce
                previous = outcome.info.version;
            }
            outcome.info = TokenSetInfo{name, previous + 1, author, nowUtc(), hash, tokenCount};
            HELIOS_TRY(session.exec(
                QStringLiteral("INSERT INTO token_sets"
                               " (name, version, content, created_at, author, content_sha256, token_count)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7)"),
                {name, outcome.info.version, contentString, outcome.info.createdAt, author, hash, tokenCount}));
            outcome.created = true;
            return {};
        });
        if (done.ok())
            break;
        if (!retryable(done.error().code))
            return done.error();
        if (attempt >= m_options.maxPublishAttempts)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("gave up after %1 attempts: other publishers kept taking the next "
                                            "version (%2)")
                                 .arg(attempt)
                                 .arg(done.error().message),
                             name);
        // Another publisher took the version first; back off a little, with jitter so
        // the same two do not collide again in lock step.
        const auto pause = std::chrono::milliseconds(QRandomGenerator::global()->bounded(1, 4 * attempt + 2));
        qCDebug(lcSlate) << "token set" << name << "version taken by another publisher, retrying in"
                         << pause.count() << "ms";
        std::this_thread::sleep_for(pause);
    }

    if (!outcome.created)
        return outcome;

    // The new version is immutable, so its entry can be written now; everything that
    // names "the latest" is dropped and refilled by the next read.
    cacheSet(versionKey(name, outcome.info.version), cacheRecord(outcome.info, content), m_options.immutableTtl);
    cacheRemove(latestKey(name));
    cacheRemove(versionsKey(name));
    cacheRemove(listKey());

    const data::Event event = data::Event::make(
        eventType(), QStringLiteral("/helios/slate"), name,
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("version"), outcome.info.version},
                    {QStringLiteral("tokenCount"), outcome.info.tokenCount}});
    if (const auto published = m_bus.publish(event); !published.ok()) {
        outcome.eventProblem = published.error().toString();
        qCWarning(lcSlate) << "token set" << name << "version" << outcome.info.version
                           << "was stored but token.updated was not published:" << outcome.eventProblem;
    }
    qCInfo(lcSlate) << "published token set" << name << "version" << outcome.info.version << "with"
                    << outcome.info.tokenCount << "tokens";
    return outcome;
}

Result<StoredTokenSet> TokenLibrary::latest(const QString &name)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, name);
    return readVersion(name, 0, latestKey(name));
}

Result<StoredTokenSet> TokenLibrary::version(const QString &name, int version)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, name);
    if (version < 1)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("versions start at 1, not %1").arg(version), name);
    return readVersion(name, version, versionKey(name, version));
}

// `version` 0 reads the latest.
Result<StoredTokenSet> TokenLibrary::readVersion(const QString &name, int version, const QByteArray &cacheKey)
{
    const QString where = version > 0 ? name + QLatin1Char('@') + QString::number(version) : name;
    if (const auto cached = cacheGet(cacheKey)) {
        const QJsonObject o = QJsonDocument::fromJson(*cached).object();
        auto files = decodeContent(o.value(QStringLiteral("content")).toString().toUtf8(), where);
        if (files.ok() && o.value(QStringLiteral("name")).toString() == name)
            return StoredTokenSet{infoFromJson(o), std::move(files).value()};
        qCWarning(lcCache) << "dropping an unreadable cache entry for token set" << where;
        cacheRemove(cacheKey);
    }

    const QString columns = QStringLiteral("SELECT version, author, created_at, content_sha256, token_count, content"
                                           " FROM token_sets WHERE name = $1");
    const auto rows = version > 0
                          ? m_store.query(columns + QStringLiteral(" AND version = $2"), {name, version})
                          : m_store.query(columns + QStringLiteral(" ORDER BY version DESC LIMIT 1"), {name});
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound,
                         version > 0 ? QStringLiteral("token set %1 has no version %2").arg(name).arg(version)
                                     : QStringLiteral("no token set named %1").arg(name),
                         where);
    const QVariantList &row = rows->rows.constFirst();
    const QByteArray content = row.value(5).toString().toUtf8();
    auto files = decodeContent(content, where);
    if (!files.ok())
        return files.error();
    StoredTokenSet stored{infoFromRow(name, row), std::move(files).value()};
    cacheSet(cacheKey, cacheRecord(stored.info, content),
             version > 0 ? m_options.immutableTtl : m_options.mutableTtl);
    return stored;
}

Result<QList<TokenSetInfo>> TokenLibrary::versions(const QString &name)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, name);
    const QByteArray key = versionsKey(name);
    if (const auto cached = cacheGet(key)) {
        if (auto infos = infoListFromRecord(*cached))
            return std::move(*infos);
        cacheRemove(key);
    }
    const auto rows = m_store.query(
        QStringLiteral("SELECT version, author, created_at, content_sha256, token_count FROM token_sets"
                       " WHERE name = $1 ORDER BY version"),
        {name});
    if (!rows.ok())
        return rows.error();
    QList<TokenSetInfo> infos;
    infos.reserve(rows->rows.size());
    for (const QVariantList &row : rows->rows)
        infos.append(infoFromRow(name, row));
    cacheSet(key, infoListRecord(infos), m_options.mutableTtl);
    return infos;
}

Result<QList<TokenSetInfo>> TokenLibrary::list()
{
    const QByteArray key = listKey();
    if (const auto cached = cacheGet(key)) {
        if (auto infos = infoListFromRecord(*cached))
            return std::move(*infos);
        cacheRemove(key);
    }
    const auto rows = m_store.query(QStringLiteral(
        "SELECT t.version, t.author, t.created_at, t.content_sha256, t.token_count, t.name FROM token_sets t"
        " JOIN (SELECT name, MAX(version) AS newest FROM token_sets GROUP BY name) m"
        " ON t.name = m.name AND t.version = m.newest ORDER BY t.name"));
    if (!rows.ok())
        return rows.error();
    QList<TokenSetInfo> infos;
    infos.reserve(rows->rows.size());
    for (const QVariantList &row : rows->rows)
        infos.append(infoFromRow(row.value(5).toString(), row));
    cacheSet(key, infoListRecord(infos), m_options.mutableTtl);
    return infos;
}

void TokenLibrary::invalidate(const QString &name)
{
    if (!nameProblem(name).isEmpty())
        return;
    if (const auto removed = m_cache.removePrefix(setPrefix(name)); !removed.ok())
        qCWarning(lcCache) << "could not invalidate token set" << name << ":" << removed.error().toString();
    cacheRemove(listKey());
}

// The cache is an accelerator: every failure is logged and read as a miss.
std::optional<QByteArray> TokenLibrary::cacheGet(const QByteArray &key)
{
    auto got = m_cache.get(key);
    if (!got.ok()) {
        qCWarning(lcCache) << "token set cache read failed, reading the store:" << got.error().toString();
        return std::nullopt;
    }
    return std::move(*got);
}

void TokenLibrary::cacheSet(const QByteArray &key, const QByteArray &value, std::chrono::milliseconds ttl)
{
    if (const auto set = m_cache.set(key, value, ttl); !set.ok())
        qCWarning(lcCache) << "token set cache write failed:" << set.error().toString();
}

void TokenLibrary::cacheRemove(const QByteArray &key)
{
    if (const auto removed = m_cache.remove(key); !removed.ok())
        qCWarning(lcCache) << "token set cache removal failed:" << removed.error().toString();
}

} // namespace helios::slate
