// SPDX-License-Identifier: Apache-2.0
#include "waypoint/local_sites.h"

#include "core/config.h"
#include "core/logging.h"
#include "core/port_setting.h"
#include "site_content_types.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutexLocker>
#include <QSaveFile>

#include <sys/stat.h>

#include <algorithm>

namespace helios::waypoint {

namespace {

const QString IndexFile = QStringLiteral("index.html");

QString environmentKey(const QString &projectId, const QString &environment)
{
    return projectId + QLatin1Char('/') + environment;
}

bool hasExtension(QStringView segment)
{
    return segment.lastIndexOf(QLatin1Char('.')) > 0;
}

// The file inside `deploymentDir` a request for `relative` gets, or empty. Symbolic links
// inside a deployment are followed only while they stay inside it.
QString fileFor(const QString &deploymentDir, const QStringList &relative)
{
    const QString canonicalRoot = QFileInfo(deploymentDir).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return {};
    const auto inside = [&canonicalRoot](const QString &path) -> QString {
        const QFileInfo info(path);
        if (!info.isFile())
            return {};
        const QString canonical = info.canonicalFilePath();
        return canonical.startsWith(canonicalRoot + QLatin1Char('/')) ? canonical : QString();
    };

    const QString requested = relative.isEmpty() ? deploymentDir : deploymentDir + QLatin1Char('/') + relative.join(QLatin1Char('/'));
    const QFileInfo info(requested);
    if (info.isDir()) {
        if (QString index = inside(requested + QLatin1Char('/') + IndexFile); !index.isEmpty())
            return index;
    } else if (QString file = inside(requested); !file.isEmpty()) {
        return file;
    }
    // A route of a single-page application ("/settings/profile"): its index.html. A
    // missing asset ("/logo.png") stays a 404 so that broken references show.
    if (relative.isEmpty() || !hasExtension(relative.last()))
        return inside(deploymentDir + QLatin1Char('/') + IndexFile);
    return {};
}

// Another process's read-modify-write of the pointers file must not interleave with ours.
// Bounded: a lock that cannot be had (read-only data dir, a wedged process) still lets
// this process switch, as the in-process mutex keeps its own threads apart.
class PointersFileLock {
public:
    explicit PointersFileLock(const QString &pointersFile)
        : m_lock(pointersFile + QStringLiteral(".lock"))
    {
        if (!m_lock.tryLock(5000))
            qCWarning(lcWaypoint) << "could not lock" << pointersFile << "- switching without it";
    }

private:
    QLockFile m_lock;
};

} // namespace

Result<quint16> LocalSites::configuredPort(const Config &config)
{
    return portSetting(config, QString::fromLatin1(Config::SitesPort), DefaultPort);
}

LocalSites::LocalSites(QString rootDir)
    : m_rootDir(QDir::cleanPath(std::move(rootDir)))
{
    QMutexLocker lock(&m_mutex);
    reloadIfChanged();
}

QString LocalSites::deploymentDir(const QString &deploymentId) const
{
    return m_rootDir + QLatin1Char('/') + deploymentId;
}

QString LocalSites::deploymentPath(const QString &deploymentId)
{
    return QStringLiteral("/deployments/%1/").arg(deploymentId);
}

QString LocalSites::environmentPath(const QString &projectId, const QString &environment)
{
    return QStringLiteral("/environments/%1/%2/").arg(projectId, environment);
}

bool LocalSites::isSafeSegment(QStringView segment)
{
    if (segment.isEmpty() || segment.front() == QLatin1Char('.'))
        return false;
    for (const QChar c : segment) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                             (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                             c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!allowed)
            return false;
    }
    return true;
}

QString LocalSites::switchEnvironment(const QString &projectId, const QString &environment, const QString &deploymentId)
{
    QMutexLocker lock(&m_mutex);
    PointersFileLock fileLock(pointersFile());
    reloadIfChanged();
    const QString key = environmentKey(projectId, environment);
    const QString previous = m_environments.value(key);
    // Checked under the lock: prune() cannot delete the directory in between.
    if (!isSafeSegment(projectId) || !isSafeSegment(environment) || !isSafeSegment(deploymentId) ||
        !QFileInfo(deploymentDir(deploymentId)).isDir()) {
        qCWarning(lcWaypoint) << "not switching" << key << "to" << deploymentId << ": no such deployment directory";
        return previous;
    }
    m_environments.insert(key, deploymentId);
    persist();
    return previous;
}

QString LocalSites::clearEnvironment(const QString &projectId, const QString &environment)
{
    QMutexLocker lock(&m_mutex);
    PointersFileLock fileLock(pointersFile());
    reloadIfChanged();
    const QString previous = m_environments.take(environmentKey(projectId, environment));
    persist();
    return previous;
}

QString LocalSites::environmentDeployment(const QString &projectId, const QString &environment) const
{
    QMutexLocker lock(&m_mutex);
    reloadIfChanged();
    return m_environments.value(environmentKey(projectId, environment));
}

int LocalSites::prune(const QStringList &candidates, const QStringList &keep)
{
    // Held throughout, so that no environment can be switched to a directory while it
    // is being deleted.
    QMutexLocker lock(&m_mutex);
    reloadIfChanged();
    int removed = 0;
    for (const QString &id : candidates) {
        if (!isSafeSegment(id) || keep.contains(id))
            continue;
        const bool live = std::any_of(m_environments.cbegin(), m_environments.cend(),
                                      [&id](const QString &pointed) { return pointed == id; });
        if (live)
            continue;
        QDir dir(deploymentDir(id));
        if (!dir.exists())
            continue;
        if (dir.removeRecursively())
            ++removed;
        else
            qCWarning(lcWaypoint) << "could not remove retired deployment" << dir.path();
    }
    return removed;
}

LocalSites::Resolved LocalSites::resolve(QStringView path) const
{
    Resolved resolved;
    if (path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return resolved;
    QStringList segments;
    for (const QStringView segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments.append(segment.toString());

    QString deploymentId;
    qsizetype fileStart = 0;
    if (segments.size() >= 2 && segments[0] == QLatin1StringView("deployments")) {
        deploymentId = segments[1];
        fileStart = 2;
    } else if (segments.size() >= 3 && segments[0] == QLatin1StringView("environments")) {
        QMutexLocker lock(&m_mutex);
        reloadIfChanged();
        deploymentId = m_environments.value(environmentKey(segments[1], segments[2]));
        fileStart = 3;
    }
    if (!isSafeSegment(deploymentId))
        return resolved;
    const QStringList relative = segments.mid(fileStart);
    for (const QString &segment : relative)
        if (segment == QLatin1StringView(".") || segment == QLatin1StringView(".."))
            return resolved;

    const QString file = fileFor(deploymentDir(deploymentId), relative);
    if (file.isEmpty())
        return resolved;
    resolved.status = 200;
    resolved.filePath = file;
    resolved.contentType = siteContentType(file);
    resolved.deploymentId = deploymentId;
    return resolved;
}

QString LocalSites::pointersFile() const
{
    return m_rootDir + QStringLiteral("/environments.json");
}

LocalSites::FileStamp LocalSites::currentStamp() const
{
    struct stat info {};
    if (::stat(QFile::encodeName(pointersFile()).constData(), &info) != 0)
        return {};
    return {qint64(info.st_ino), qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
            qint64(info.st_size)};
}

void LocalSites::reloadIfChanged() const
{
    // A stat per call: cheap next to serving a file, and it is what lets a second
    // process's switch take effect here without any other channel.
    const FileStamp stamp = currentStamp();
    if (stamp == m_loadedStamp)
        return;
    QFile file(pointersFile());
    if (!file.open(QIODevice::ReadOnly)) {
        if (stamp.inode >= 0)
            qCWarning(lcWaypoint) << "cannot read" << file.fileName() << ":" << file.errorString();
        return;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcWaypoint) << file.fileName() << "is not a JSON object; keeping the pointers in memory";
        m_loadedStamp = stamp;
        return;
    }
    const QJsonObject pointers = document.object().value(QStringLiteral("environments")).toObject();
    m_environments.clear();
    for (auto it = pointers.begin(); it != pointers.end(); ++it)
        if (const QString id = it.value().toString(); isSafeSegment(id))
            m_environments.insert(it.key(), id);
    m_loadedStamp = stamp;
}

void LocalSites::persist()
{
    QJsonObject pointers;
    for (auto it = m_environments.cbegin(); it != m_environments.cend(); ++it)
        pointers.insert(it.key(), it.value());
    QDir().mkpath(m_rootDir);
    QSaveFile file(pointersFile());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("environments"), pointers}}).toJson()) < 0 ||
        !file.commit()) {
        qCWarning(lcWaypoint) << "cannot write" << pointersFile() << ":" << file.errorString()
                              << "- the switch holds in this process only";
        return;
    }
    m_loadedStamp = currentStamp();
}

} // namespace helios::waypoint
