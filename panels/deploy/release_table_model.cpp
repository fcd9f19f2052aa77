// SPDX-License-Identifier: Apache-2.0
#include "release_table_model.h"

#include "deploy_texts.h"

namespace helios::panels {

void ReleaseTableModel::setReleases(const QList<waypoint::Release> &releases) {
    beginResetModel();
    m_releases = releases;
    endResetModel();
}

int ReleaseTableModel::rowOf(const QString &version) const {
    for (int row = 0; row < m_releases.size(); ++row)
        if (m_releases.at(row).version == version)
            return row;
    return -1;
}

int ReleaseTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_releases.size());
}

int ReleaseTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const waypoint::Release &release = m_releases.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Version:
            return release.version;
        case Created:
            return localTimeText(release.createdAt);
        case Image:
            return shortDigest(release.imageDigest);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Image)
            return tr("%1\n%2").arg(release.image, release.imageDigest);
        if (release.changelog.isEmpty())
            return tr("No commits since the previous release");
        return tr("Changes:\n%1").arg(release.changelog.join(QLatin1Char('\n')));
    }
    return {};
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version");
    case Created:
        return tr("Created");
    case Image:
        return tr("Image");
    default:
        return {};
    }
}

} // namespace helios::panels
