// SPDX-License-Identifier: Apache-2.0
#include "ignis/project_watcher.h"

#include "core/logging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>

#include <sys/inotify.h>
#include <unistd.h>

namespace helios::ignis {

namespace {

bool isSkipped(const QString &name)
{
    return name == QLatin1String("node_modules") || name == QLatin1String(".git") || name == QLatin1String(".helios");
}

} // namespace

ProjectWatcher::ProjectWatcher(const QString &projectDir, const QStringList &excludedDirs, int debounceMs, QObject *parent)
    : QObject(parent), m_projectDir(QDir(projectDir).absolutePath()), m_debounce(new QTimer(this))
{
    for (const QString &dir : excludedDirs)
        m_excluded << QDir::cleanPath(m_projectDir + QLatin1Char('/') + dir);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ProjectWatcher::flush);
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_inotify < 0) {
        qCWarning(lcIgnis) << "cannot watch" << m_projectDir << "for changes:" << qt_error_string(errno);
        return;
    }
    m_notifier = new QSocketNotifier(m_inotify, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ProjectWatcher::readEvents);
    watchTree(m_projectDir, false);
}

ProjectWatcher::~ProjectWatcher()
{
    delete m_notifier;
    if (m_inotify >= 0)
        close(m_inotify);
}

int ProjectWatcher::watchedCount() const
{
    qsizetype count = m_directories.size();
    for (const QSet<QString> &files : m_files)
        count += files.size();
    return int(count);
}

void ProjectWatcher::watchTree(const QString &directory, bool created)
{
    // A file's writes, creation, deletion and renames; a directory's too (IN_ISDIR).
    constexpr uint32_t events = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_ONLYDIR;
    QStringList queue{directory};
    while (!queue.isEmpty()) {
        const QString dir = queue.takeFirst();
        // Watched before it is listed: a file created in between is reported twice, not lost.
        const int watch = inotify_add_watch(m_inotify, QFile::encodeName(dir).constData(), events);
        if (watch < 0) {
            qCWarning(lcIgnis) << "cannot watch" << dir << "for changes:" << qt_error_string(errno);
            continue;
        }
        m_directories.insert(watch, dir);
        QSet<QString> &files = m_files[dir];
        QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext()) {
            const QString path = it.next();
            if (it.fileInfo().isDir()) {
                if (!isSkipped(it.fileName()) && !m_excluded.contains(path))
                    queue << path;
                continue;
            }
            files.insert(it.fileName());
            if (created)
                noteChange(path);  // a file that came with a new directory
        }
    }
}

void ProjectWatcher::forgetTree(const QString &directory)
{
    const QString beneath = directory + QLatin1Char('/');
    for (auto it = m_directories.begin(); it != m_directories.end();) {
        if (*it != directory && !it->startsWith(beneath)) {
            ++it;
            continue;
        }
        for (const QString &name : m_files.take(*it))
            noteChange(*it + QLatin1Char('/') + name);
        inotify_rm_watch(m_inotify, it.key());  // gone with a deleted directory, kept by a moved one
        it = m_directories.erase(it);
    }
}

void ProjectWatcher::readEvents()
{
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t size = read(m_inotify, buffer, sizeof buffer);
        if (size <= 0)
            return;  // EAGAIN: all read
        for (ssize_t at = 0; at < size;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                qCWarning(lcIgnis) << "too many changes at once in" << m_projectDir << "to follow each: edit a file again";
                continue;
            }
            if (event->mask & IN_IGNORED) {  // its directory went away
                m_directories.remove(event->wd);
                continue;
            }
            const QString dir = m_directories.value(event->wd);
            if (dir.isEmpty() || event->len == 0)
                continue;
            const QString name = QFile::decodeName(event->name);
            const QString path = dir + QLatin1Char('/') + name;
            if (event->mask & IN_ISDIR) {
                if (isSkipped(name) || m_excluded.contains(path))
                    continue;
                if (event->mask & (IN_CREATE | IN_MOVED_TO))
                    watchTree(path, true);
                else if (event->mask & (IN_DELETE | IN_MOVED_FROM))
                    forgetTree(path);
                continue;
            }
            if (event->mask & (IN_DELETE | IN_MOVED_FROM))
                m_files[dir].remove(name);
            else
                m_files[dir].insert(name);
            noteChange(path);
        }
    }
}

void ProjectWatcher::noteChange(const QString &path)
{
    const QString relative = QDir(m_projectDir).relativeFilePath(path);
    const bool first = !m_debounce->isActive() && m_pending.isEmpty();
    m_pending.insert(relative);
    m_debounce->start();
    if (!m_leadingEdge)
        return;
    // The first file of a burst, and its further events: a save truncates the file, then
    // writes it, and the first event may find it empty.
    if (first)
        m_earlyPath = relative;
    if (relative == m_earlyPath)
        Q_EMIT changedEarly({relative});
}

void ProjectWatcher::flush()
{
    QStringList paths(m_pending.cbegin(), m_pending.cend());
    m_pending.clear();
    m_earlyPath.clear();
    std::sort(paths.begin(), paths.end());
    if (!paths.isEmpty())
        Q_EMIT changed(paths);
}

} // namespace helios::ignis
