// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine.h"

#include <QAbstractTableModel>

namespace helios::panels {

// One row per back end (store, cache, bus, artifacts): kind, state, latency, location.
class BackendStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Role, Kind, State, Latency, Location, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setStatuses(const QList<Engine::BackendStatus> &statuses);
    const QList<Engine::BackendStatus> &statuses() const { return m_statuses; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Engine::BackendStatus> m_statuses;
};

} // namespace helios::panels
