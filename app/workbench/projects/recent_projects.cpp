// SPDX-License-Identifier: Apache-2.0
#include "recent_projects.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace helios::workbench {

namespace {

const QString SettingsKey = QStringLiteral("projects/recent");

// Canonical when it exists (symlinks and "..", resolved); else just absolute and clean,
// so an entry for a removed folder can still be matched and removed.
QString normalised(const QString &dir)
{
    const QFileInfo info(dir);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

} // namespace

QStringList RecentProjects::list() const
{
    QStringList dirs;
    for (const QString &dir : QSettings().value(SettingsKey).toStringList())
        if (!dir.isEmpty() && !dirs.contains(dir))
            dirs.append(dir);
    return dirs.mid(0, MaxCount);
}

void RecentProjects::add(const QString &dir)
{
    const QString path = QFileInfo(dir).canonicalFilePath();
    if (dir.isEmpty() || path.isEmpty())
        return;
    QStringList dirs = list();
    dirs.removeAll(path);
    dirs.prepend(path);
    store(dirs);
}

void RecentProjects::remove(const QString &dir)
{
    QStringList dirs = list();
    if (dirs.removeAll(normalised(dir)) > 0)
        store(dirs);
}

QString RecentProjects::last() const
{
    for (const QString &dir : list())
        if (looksLikeProject(dir))
            return dir;
    return {};
}

bool RecentProjects::looksLikeProject(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo(QDir(dir).filePath(QStringLiteral("helios.json"))).isFile();
}

void RecentProjects::store(const QStringList &dirs)
{
    QSettings().setValue(SettingsKey, dirs.mid(0, MaxCount));
}

} // namespace helios::workbench
