// SPDX-License-Identifier: Apache-2.0
#include "recent_projects_model.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace helios::panels {

void RecentProjectsModel::setProjects(const QStringList &dirs)
{
    QList<Project> projects;
    QSet<QString> seen;
    for (const QString &dir : dirs) {
        if (dir.trimmed().isEmpty())
            continue;
        const QString path = QDir::cleanPath(dir);
        if (seen.contains(path))
            continue;
        seen.insert(path);
        const QFileInfo info(path);
        // The root folder has no name of its own: show its path instead.
        const QString name = info.fileName().isEmpty() ? path : info.fileName();
        projects.append(Project{path, name, info.isDir()});
    }
    beginResetModel();
    m_projects = projects;
    endResetModel();
}

QStringList RecentProjectsModel::projects() const
{
    QStringList paths;
    for (const Project &p : m_projects)
        paths.append(p.path);
    return paths;
}

int RecentProjectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

QVariant RecentProjectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &p = m_projects.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return p.exists ? p.name : tr("%1 (missing)").arg(p.name);
    case Qt::ToolTipRole:
        return p.exists ? QDir::toNativeSeparators(p.path)
                        : tr("%1 no longer exists").arg(QDir::toNativeSeparators(p.path));
    case PathRole:
        return p.path;
    case ExistsRole:
        return p.exists;
    }
    return {};
}

Qt::ItemFlags RecentProjectsModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // Not enabled: the view greys it out and will not make it current or activate it.
    return m_projects.at(index.row()).exists ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

} // namespace helios::panels
