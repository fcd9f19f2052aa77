// SPDX-License-Identifier: Apache-2.0
#include "project_files_model.h"

#include "git_status_style.h"

#include <QDir>
#include <QFileSystemModel>

namespace helios::panels {

namespace {

// Generated or tool-owned folders: large, and never edited by hand.
bool isHiddenFolderName(const QString &name)
{
    return name == QLatin1String("node_modules") || name == QLatin1String("dist") || name == QLatin1String(".git");
}

} // namespace

ProjectFilesModel::ProjectFilesModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_files(new QFileSystemModel(this))
{
    m_files->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    m_files->setReadOnly(true);
    setSourceModel(m_files);
}

QModelIndex ProjectFilesModel::setRootPath(const QString &dir)
{
    QSet<QString> previous(m_states.keyBegin(), m_states.keyEnd());
    previous.unite(m_changedDirs);
    m_states.clear();
    m_changedDirs.clear();
    m_root = QDir::cleanPath(dir);
    announce(previous);
    invalidateFilter();
    return mapFromSource(m_files->setRootPath(m_root));
}

void ProjectFilesModel::setGitStatus(const QString &rootDir, const QList<ignition::GitFileStatus> &statuses)
{
    if (QDir::cleanPath(rootDir) != m_root)
        return;
    QSet<QString> touched(m_states.keyBegin(), m_states.keyEnd());
    touched.unite(m_changedDirs);
    m_states.clear();
    m_changedDirs.clear();
    const QDir root(m_root);
    for (const ignition::GitFileStatus &status : statuses) {
        const QString path = QDir::cleanPath(root.filePath(status.path));
        m_states.insert(path, status);
        touched.insert(path);
        // Every folder up to the root shows that something below it changed.
        for (QString dir = QFileInfo(path).path(); dir.size() > m_root.size(); dir = QFileInfo(dir).path()) {
            m_changedDirs.insert(dir);
            touched.insert(dir);
        }
    }
    announce(touched);
}

void ProjectFilesModel::announce(const QSet<QString> &absolutePaths)
{
    for (const QString &path : absolutePaths) {
        const QModelIndex index = indexForPath(path);
        if (index.isValid())
            Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole, GitStateRole});
    }
}

QString ProjectFilesModel::filePath(const QModelIndex &index) const
{
    return m_files->filePath(mapToSource(index));
}

bool ProjectFilesModel::isDir(const QModelIndex &index) const
{
    return m_files->isDir(mapToSource(index));
}

QModelIndex ProjectFilesModel::indexForPath(const QString &absolutePath) const
{
    const QModelIndex source = m_files->index(absolutePath);
    return source.isValid() ? mapFromSource(source) : QModelIndex();
}

QVariant ProjectFilesModel::data(const QModelIndex &index, int role) const
{
    if (index.column() != 0
        || (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole && role != GitStateRole))
        return QSortFilterProxyModel::data(index, role);
    const QString path = filePath(index);
    const auto file = m_states.constFind(path);
    if (file != m_states.cend()) {
        switch (role) {
        case Qt::DisplayRole:
            return QString(QSortFilterProxyModel::data(index, role).toString() + QStringLiteral("  ")
                           + GitStatusStyle::letter(*file));
        case Qt::ForegroundRole:
            return GitStatusStyle::colour(file->state);
        case Qt::ToolTipRole:
            return GitStatusStyle::description(*file);
        default:
            return GitStatusStyle::letter(*file);
        }
    }
    if (role == Qt::ForegroundRole && m_changedDirs.contains(path))
        return GitStatusStyle::colour(ignition::GitFileStatus::State::Modified);
    if (role == GitStateRole)
        return QString();
    return QSortFilterProxyModel::data(index, role);
}

bool ProjectFilesModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = m_files->index(sourceRow, 0, sourceParent);
    if (m_root.isEmpty() || !m_files->isDir(index) || !isHiddenFolderName(m_files->fileName(index)))
        return true;
    // Only below the project: the project itself may well sit inside a folder named dist.
    return !m_files->filePath(index).startsWith(m_root + QLatin1Char('/'));
}

} // namespace helios::panels
