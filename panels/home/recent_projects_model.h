// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace helios::panels {

// The recent projects, most recent first: the folder's name, its path as tooltip. A folder
// that no longer exists stays listed (so the user sees it went away) but is disabled: it
// cannot be selected or opened.
class RecentProjectsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, ExistsRole };

    using QAbstractListModel::QAbstractListModel;

    // Replaces the list; checks once which folders exist. Empty and repeated entries are
    // left out.
    void setProjects(const QStringList &dirs);
    QStringList projects() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Project {
        QString path;
        QString name;
        bool exists = false;
    };
    QList<Project> m_projects;
};

} // namespace helios::panels
