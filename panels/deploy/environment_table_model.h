// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/deployment_history.h"
#include "waypoint/release.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace helios::panels {

// One environment as the Deploy panel shows it: what it runs and what waits at its gate.
struct EnvironmentRow {
    waypoint::EnvironmentState state;
    std::optional<waypoint::Deployment> pending; // the newest deployment awaiting approval
};

// The project's environments in promotion order: name, live version, health, address
// and the deployment waiting for approval, if any.
class EnvironmentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Version, Health, Url, Pending, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Replaces every row.
    void setRows(const QList<EnvironmentRow> &rows);
    const QList<EnvironmentRow> &rows() const { return m_rows; }
    int rowOf(const QString &environment) const; // -1 when unknown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<EnvironmentRow> m_rows;
};

} // namespace helios::panels
