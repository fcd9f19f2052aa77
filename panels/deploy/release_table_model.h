// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/release.h"

#include <QAbstractTableModel>
#include <QList>

namespace helios::panels {

// The project's releases, newest first: version, when it was made and the image it points
// at; the changelog is each row's tooltip.
class ReleaseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Version, Created, Image, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setReleases(const QList<waypoint::Release> &releases);
    const QList<waypoint::Release> &releases() const { return m_releases; }
    int rowOf(const QString &version) const; // -1 when unknown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<waypoint::Release> m_releases;
};

} // namespace helios::panels
