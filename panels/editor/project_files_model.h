// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/git_worktree.h"

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

class QFileSystemModel;

namespace helios::panels {

// The project's files for the tree: a QFileSystemModel (owned, watching the disk) without
// the folders nobody edits (node_modules, dist, .git), with each changed file's git state
// shown as a letter after its name, a colour and a tooltip. Folders holding changes take
// the colour too.
class ProjectFilesModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    // The state's letter ("M", "U"…), empty for unchanged files.
    static constexpr int GitStateRole = Qt::UserRole + 1;

    explicit ProjectFilesModel(QObject *parent = nullptr);

    // Starts watching `dir` and returns its index in this model, the tree's root. Clears the
    // git states of the previous root.
    QModelIndex setRootPath(const QString &dir);
    QString rootPath() const { return m_root; }

    // The git states of the files under `rootDir`, paths relative to it as GitWorktree
    // reports them; ignored unless `rootDir` is the current root.
    void setGitStatus(const QString &rootDir, const QList<ignition::GitFileStatus> &statuses);

    QString filePath(const QModelIndex &index) const;
    bool isDir(const QModelIndex &index) const;
    // The index of `absolutePath` once the file system model has loaded it, else invalid.
    QModelIndex indexForPath(const QString &absolutePath) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void announce(const QSet<QString> &absolutePaths);

    QFileSystemModel *m_files = nullptr;
    QString m_root;
    QHash<QString, ignition::GitFileStatus> m_states; // by absolute path
    QSet<QString> m_changedDirs; // absolute paths of folders with changes below them
};

} // namespace helios::panels
