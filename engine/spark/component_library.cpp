// SPDX-License-Identifier: Apache-2.0
#include "spark/component_library.h"

#include "cache/cache.h"
#include "core/ids.h"
#include "core/logging.h"
#include "spark/line_diff.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <thread>

namespace helios::spark {

namespace {

constexpr qsizetype MaxProjectLength = 200;
constexpr int MaxSaveAttempts = 12;

// Columns of components besides project and name, in this order, in every SELECT below.
const QString &infoColumns()
{
    static const QString columns =
        QStringLiteral("version, family, expert, prompt, content_sha256, created_at");
    return columns;
}

ComponentVersionInfo infoFromRow(const QString &project, const QString &name, const QVariantList &row)
{
    ComponentVersionInfo info;
    info.project = project;
    info.name = name;
    info.version = row.value(0).toInt();
    info.family = familyFromId(row.value(1).toString()).value_or(ExpertFamily::Button);
    info.expert = row.value(2).toString();
    info.prompt = row.value(3).toString();
    info.contentSha256 = row.value(4).toString();
    info.createdAt = row.value(5).toString();
    return info;
}

QJsonObject infoToJson(const ComponentVersionInfo &info)
{
    return QJsonObject{{QStringLiteral("project"), info.project},
                       {QStringLiteral("name"), info.name},
                       {QStringLiteral("version"), info.version},
                       {QStringLiteral("family"), QString(familyInfo(info.family).id)},
                       {QStringLiteral("expert"), info.expert},
                       {QStringLiteral("prompt"), info.prompt},
                       {QStringLiteral("sha256"), info.contentSha256},
                       {QStringLiteral("createdAt"), info.createdAt}};
}

ComponentVersionInfo infoFromJson(const QJsonObject &o)
{
    ComponentVersionInfo info;
    info.project = o.value(QStringLiteral("project")).toString();
    info.name = o.value(QStringLiteral("name")).toString();
    info.version = o.value(QStringLiteral("version")).toInt();
    info.family = familyFromId(o.value(QStringLiteral("family")).toString()).value_or(ExpertFamily::Button);
    info.expert = o.value(QStringLiteral("expert")).toString();
    info.prompt = o.value(QStringLiteral("prompt")).toString();
    info.contentSha256 = o.value(QStringLiteral("sha256")).toString();
    info.createdAt = o.value(QStringLiteral("createdAt")).toString();
    return info;
}

bool retryable(ErrorCode code) { return code == ErrorCode::AlreadyExists || code == ErrorCode::Conflict; }

QString where(const QString &project, const QString &name, int version = 0)
{
    const QString component = project + QLatin1Char('/') + name;
    return version > 0 ? component + QLatin1Char('@') + QString::number(version) : component;
}

} // namespace

QString ComponentFileChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        break;
    }
    return QStringLiteral("changed");
}

ComponentLibrary::ComponentLibrary(data::Store &store, data::Cache &cache) : m_store(store), m_cache(cache) {}

QString ComponentLibrary::projectProblem(const QString &project)
{
    if (project.isEmpty() || project.size() > MaxProjectLength)
        return QStringLiteral("a project name has 1 to %1 characters").arg(MaxProjectLength);
    for (const QChar c : project) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                        || u == u'.' || u == u'_' || u == u'-' || u == u'/' || u == u'@';
        if (!ok)
            return QStringLiteral("a project name uses only letters, digits and \"._-/@\", not \"%1\"").arg(c);
    }
    return {};
}

QString ComponentLibrary::nameProblem(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || !(name.front() >= u'A' && name.front() <= u'Z'))
        return QStringLiteral("a component name is PascalCase, 1 to 64 characters, not \"%1\"").arg(name.left(80));
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')))
            return QStringLiteral("a component name uses only letters and digits, not \"%1\"").arg(c);
    }
    return {};
}

QByteArray ComponentLibrary::cacheKey(const QString &project, const QString &name, int version)
{
    return "spark:component:" + project.toUtf8() + ':' + name.toUtf8() + ':' + QByteArray::number(version);
}

QByteArray ComponentLibrary::encodeFiles(const QList<GeneratedFile> &files)
{
    // Generated code is UTF-8 text and stays readable in the database; anything else
    // keeps its exact bytes as base64.
    QJsonArray array;
    for (const GeneratedFile &file : files) {
        QJsonObject entry{{QStringLiteral("path"), file.path}};
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(file.content);
        if (!decoder.hasError())
            entry.insert(QStringLiteral("text"), text);
        else
            entry.insert(QStringLiteral("base64"), QString::fromLatin1(file.content.toBase64()));
        array.append(entry);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("files"), array}}).toJson(QJsonDocument::Compact);
}

Result<QList<GeneratedFile>> ComponentLibrary::decodeFiles(const QByteArray &json, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue filesValue = doc.object().value(QStringLiteral("files"));
    if (parseError.error != QJsonParseError::NoError || !filesValue.isArray())
        return makeError(ErrorCode::Corrupt, QStringLiteral("stored component files are not {\"files\": [...]}"),
                         where);
    QList<GeneratedFile> files;
    const QJsonArray array = filesValue.toArray();
    files.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject entry = value.toObject();
        GeneratedFile file{entry.value(QStringLiteral("path")).toString(), {}};
        if (entry.contains(QStringLiteral("text")))
            file.content = entry.value(QStringLiteral("text")).toString().toUtf8();
        else
            file.content = QByteArray::fromBase64(entry.value(QStringLiteral("base64")).toString().toLatin1());
        files.append(std::move(file));
    }
    return files;
}

Result<ComponentSaveOutcome> ComponentLibrary::save(const QString &project, const GeneratedComponent &component,
                                                    const QString &prompt)
{
    if (const QString problem = projectProblem(project); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    if (const QString problem = nameProblem(component.name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    if (component.files.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a component needs at least one file"),
                         where(project, component.name));

    const QByteArray content = encodeFiles(component.files);
    const QString contentText = QString::fromUtf8(content);
    const QString hash = sha256Digest(content).mid(7); // drop "sha256:"
    const QString family = QString(familyInfo(component.family).id);

    ComponentSaveOutcome outcome;
    for (int attempt = 1;; ++attempt) {
        outcome.created = false;
        const Result<void> done = m_store.transaction([&](data::SqlSession &session) -> Result<void> {
            const auto latest = session.query(QStringLiteral("SELECT ") + infoColumns()
                                                  + QStringLiteral(" FROM components WHERE project = $1 AND name = $2"
                                                                   " ORDER BY version DESC LIMIT 1"),
                                              {project, component.name});
            if (!latest.ok())
                return latest.error();
            int previous = 0;
            if (!latest->isEmpty()) {
                outcome.info = infoFromRow(project, component.name, latest->rows.constFirst());
                if (outcome.info.contentSha256 == hash)
                    return {}; // the same files again: the latest version already is this
                previous = outcome.info.version;
            }
            outcome.info = ComponentVersionInfo{project,       component.name, previous + 1, component.family,
                                                component.expert, prompt,      hash,         nowUtc()};
            HELIOS_TRY(session.exec(
                QStringLiteral("INSERT INTO components (project, name, version, family, expert, prompt, files,"
                               " content_sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"),
                {project, component.name, outcome.info.version, family, component.expert, prompt, contentText, hash,
                 outcome.info.createdAt}));
            outcome.created = true;
            return {};
        });
        if (done.ok())
            break;
        if (!retryable(done.error().code) || attempt >= MaxSaveAttempts)
            return done.error();
        // Another saver took the version; back off with jitter so the two do not collide
        // again in lock step.
        std::this_thread::sleep_for(std::chrono::milliseconds(QRandomGenerator::global()->bounded(1, 4 * attempt + 2)));
    }
    if (outcome.created)
        qCInfo(lcSpark) << "saved component" << where(project, component.name, outcome.info.version);
    return outcome;
}

Result<void> ComponentLibrary::cacheCode(const StoredComponent &component)
{
    QJsonObject record = infoToJson(component.info);
    record.insert(QStringLiteral("files"), QString::fromUtf8(encodeFiles(component.files)));
    return m_cache.set(cacheKey(component.info.project, component.info.name, component.info.version),
                       QJsonDocument(record).toJson(QJsonDocument::Compact), m_ttl);
}

std::optional<QByteArray> ComponentLibrary::cacheGet(const QByteArray &key)
{
    auto got = m_cache.get(key);
    if (!got.ok()) {
        qCWarning(lcCache) << "component cache read failed, reading the store:" << got.error().toString();
        return std::nullopt;
    }
    return std::move(*got);
}

Result<StoredComponent> ComponentLibrary::version(const QString &project, const QString &name, int version)
{
    if (const QString problem = projectProblem(project); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    if (version < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("versions start at 1, not %1").arg(version),
                         where(project, name));
    const QString at = where(project, name, version);

    if (version > 0) {
        if (const auto cached = cacheGet(cacheKey(project, name, version))) {
            const QJsonObject o = QJsonDocument::fromJson(*cached).object();
            auto files = decodeFiles(o.value(QStringLiteral("files")).toString().toUtf8(), at);
            const ComponentVersionInfo info = infoFromJson(o);
            if (files.ok() && info.project == project && info.name == name && info.version == version)
                return StoredComponent{info, std::move(files).value()};
            qCWarning(lcCache) << "dropping an unreadable cache entry for component" << at;
            (void)m_cache.remove(cacheKey(project, name, version));
        }
    }

    const QString select = QStringLiteral("SELECT ") + infoColumns()
                           + QStringLiteral(", files FROM components WHERE project = $1 AND name = $2");
    const auto rows = version > 0
                          ? m_store.query(select + QStringLiteral(" AND version = $3"), {project, name, version})
                          : m_store.query(select + QStringLiteral(" ORDER BY version DESC LIMIT 1"), {project, name});
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound,
                         version > 0 ? QStringLiteral("component %1 has no version %2").arg(name).arg(version)
                                     : QStringLiteral("no component %1 in project %2").arg(name, project),
                         at);
    const QVariantList &row = rows->rows.constFirst();
    auto files = decodeFiles(row.value(6).toString().toUtf8(), at);
    if (!files.ok())
        return files.error();
    StoredComponent stored{infoFromRow(project, name, row), std::move(files).value()};
    if (const auto cached = cacheCode(stored); !cached.ok())
        qCWarning(lcCache) << "component cache write failed:" << cached.error().toString();
    return stored;
}

Result<QList<ComponentVersionInfo>> ComponentLibrary::history(const QString &project, const QString &name)
{
    if (const QString problem = projectProblem(project); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    const auto rows = m_store.query(QStringLiteral("SELECT ") + infoColumns()
                                        + QStringLiteral(" FROM components WHERE project = $1 AND name = $2"
                                                         " ORDER BY version"),
                                    {project, name});
    if (!rows.ok())
        return rows.error();
    QList<ComponentVersionInfo> infos;
    infos.reserve(rows->rows.size());
    for (const QVariantList &row : rows->rows)
        infos.append(infoFromRow(project, name, row));
    return infos;
}

Result<QList<ComponentVersionInfo>> ComponentLibrary::list(const QString &project)
{
    if (const QString problem = projectProblem(project); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem, project);
    const auto rows = m_store.query(
        QStringLiteral("SELECT c.version, c.family, c.expert, c.prompt, c.content_sha256, c.created_at, c.name"
                       " FROM components c JOIN (SELECT name, MAX(version) AS newest FROM components"
                       " WHERE project = $1 GROUP BY name) m ON c.name = m.name AND c.version = m.newest"
                       " WHERE c.project = $1 ORDER BY c.name"),
        {project});
    if (!rows.ok())
        return rows.error();
    QList<ComponentVersionInfo> infos;
    infos.reserve(rows->rows.size());
    for (const QVariantList &row : rows->rows)
        infos.append(infoFromRow(project, row.value(6).toString(), row));
    return infos;
}

Result<ComponentDiff> ComponentLibrary::diff(const QString &project, const QString &name, int from, int to)
{
    auto before = version(project, name, from);
    if (!before.ok())
        return before.error();
    auto after = version(project, name, to);
    if (!after.ok())
        return after.error();

    ComponentDiff result{project, name, before->info.version, after->info.version, {}};
    // Ordered by path so the output is stable whatever order the expert wrote them in.
    QMap<QString, QByteArray> old;
    for (const GeneratedFile &file : before->files)
        old.insert(file.path, file.content);
    QMap<QString, QByteArray> now;
    for (const GeneratedFile &file : after->files)
        now.insert(file.path, file.content);

    auto o = old.constBegin();
    auto n = now.constBegin();
    while (o != old.constEnd() || n != now.constEnd()) {
        if (n == now.constEnd() || (o != old.constEnd() && o.key() < n.key())) {
            result.files.append({o.key(), ComponentFileChange::Kind::Removed, unifiedDiff(o.key(), o.value(), {})});
            ++o;
        } else if (o == old.constEnd() || n.key() < o.key()) {
            result.files.append({n.key(), ComponentFileChange::Kind::Added, unifiedDiff(n.key(), {}, n.value())});
            ++n;
        } else {
            if (o.value() != n.value())
                result.files.append(
                    {n.key(), ComponentFileChange::Kind::Changed, unifiedDiff(n.key(), o.value(), n.value())});
            ++o;
            ++n;
        }
    }
    return result;
}

} // namespace helios::spark
