// SPDX-License-Identifier: Apache-2.0
#include "backend_status_model.h"

#include <QBrush>
#include <QColor>

namespace helios::panels {

void BackendStatusModel::setStatuses(const QList<Engine::BackendStatus> &statuses)
{
    beginResetModel();
    m_statuses = statuses;
    endResetModel();
}

int BackendStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int BackendStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Engine::BackendStatus &s = m_statuses.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Role: return s.role;
        case Kind: return s.kind;
        case State: return s.reachable ? tr("reachable") : tr("unreachable");
        case Latency: return s.reachable ? tr("%1 ms").arg(s.latencyMicros / 1000.0, 0, 'f', 2) : QString();
        case Location: return s.location;
        }
    } else if (role == Qt::ToolTipRole && !s.reachable) {
        return s.error;
    } else if (role == Qt::ForegroundRole && index.column() == State) {
        return QBrush(s.reachable ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
    return {};
}

QVariant BackendStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Role: return tr("Back end");
    case Kind: return tr("Kind");
    case State: return tr("State");
    case Latency: return tr("Latency");
    case Location: return tr("Location");
    }
    return {};
}

} // namespace helios::panels
