// SPDX-License-Identifier: Apache-2.0
#include "ignis/project_watcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>

namespace helios::ignis {

namespace {

bool isSkipped(const QString &name) { return name == QLatin1String("node_modules") || name == QLatin1String(".git") || name == QLatin1String(".helios"); }

} // namespace

ProjectWatcher::ProjectWatcher(const QString &projectDir, const QStringList &excludedDirs, int debounceMs, QObject *parent)
    : QObject(parent), m_projectDir(QDir(projectDir).absolutePath()), m_watcher(new QFileSystemWatcher(this)),
      m_debounce(new QTimer(this))
{
    for (const QString &dir : excludedDirs)
        m_excluded << QDir::cleanPath(m_projectDir + QLatin1Char('/') + dir);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ProjectWatcher::flush);
    // A file's change, and a directory's (entries added, removed or renamed).
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        noteChange(path);
        // Editors that save by rename replace the inode: watch the new file again.
        if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &path) {
        rescan(path);
    });
    rescan(m_projectDir);
}

ProjectWatcher::~ProjectWatcher() = default;

int ProjectWatcher::watchedCount() const { return int(m_watcher->files().size() + m_watcher->directories().size()); }

void ProjectWatcher::rescan(const QString &directory)
{
    const QSet<QString> watchedFiles(m_watcher->files().cbegin(), m_watcher->files().cend());
    const QSet<QString> watchedDirs(m_watcher->directories().cbegin(), m_watcher->directories().cend());
    QStringList add;
    const bool initial = watchedDirs.isEmpty();
    // Entries of `directory` and, for directories that are new, everything beneath.
    QStringList queue{directory};
    while (!queue.isEmpty()) {
        const QString dir = queue.takeFirst();
        if (!watchedDirs.contains(dir))
            add << dir;
        const QFileInfoList entries = QDir(dir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        for (const QFileInfo &entry : entries) {
            const QString path = entry.absoluteFilePath();
            if (entry.isDir()) {
                if (isSkipped(entry.fileName()) || m_excluded.contains(path))
                    continue;
                if (!watchedDirs.contains(path))
                    queue << path;
            } else if (!watchedFiles.contains(path)) {
                add << path;
                if (!initial)
                    noteChange(path);  // a new file
            }
        }
    }
    // Removed entries: their watches went away with them; report them as changes.
    if (!initial)
        for (const QString &file : watchedFiles)
            if (file.startsWith(directory + QLatin1Char('/')) && !QFileInfo::exists(file))
                noteChange(file);
    if (!add.isEmpty())
        m_watcher->addPaths(add);
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
