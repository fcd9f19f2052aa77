// SPDX-License-Identifier: Apache-2.0
#include "environment_table_model.h"

#include "deploy_texts.h"

#include "landing/identity.h"

#include <QColor>

namespace helios::panels {

void EnvironmentTableModel::setRows(const QList<EnvironmentRow> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int EnvironmentTableModel::rowOf(const QString &environment) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).state.name == environment)
            return row;
    return -1;
}

int EnvironmentTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvironmentTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EnvironmentRow &row = m_rows.at(index.row());
    const waypoint::EnvironmentState &state = row.state;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return state.name;
        case Version:
            return state.currentVersion.isEmpty() ? tr("—") : state.currentVersion;
        case Health:
            return healthText(state.health);
        case Url:
            return state.url;
        case Pending:
            return row.pending ? tr("%1 awaiting approval").arg(row.pending->version) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name: {
            const waypoint::EnvironmentPolicy &policy = state.policy;
            QStringList lines;
            lines << tr("Target: %1").arg(policy.target);
            lines << (policy.approver ? tr("Deployments need a %1's approval")
                                            .arg(landing::roleName(*policy.approver))
                                      : tr("No approval needed"));
            if (policy.autoDeploy)
                lines << tr("Deploys every successful build by itself");
            if (!policy.promotesFrom.isEmpty())
                lines << tr("Promotes from %1").arg(policy.promotesFrom);
            return lines.join(QLatin1Char('\n'));
        }
        case Pending:
            return row.pending
                       ? tr("Requested by %1 on %2")
                             .arg(row.pending->requestedBy, localTimeText(row.pending->createdAt))
                       : QVariant();
        case Version:
            return state.updatedAt.isEmpty()
                       ? QVariant()
                       : tr("Live since %1").arg(localTimeText(state.updatedAt));
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Health &&
        state.health == QLatin1StringView("unhealthy"))
        return QColor(0xb0, 0x00, 0x20);
    return {};
}

QVariant EnvironmentTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Environment");
    case Version:
        return tr("Version");
    case Health:
        return tr("Health");
    case Url:
        return tr("Address");
    case Pending:
        return tr("Pending approval");
    default:
        return {};
    }
}

} // namespace helios::panels
