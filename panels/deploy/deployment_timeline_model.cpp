// SPDX-License-Identifier: Apache-2.0
#include "deployment_timeline_model.h"

#include "deploy_texts.h"

#include <QColor>

namespace helios::panels {

namespace {

QString summary(const waypoint::Deployment &deployment) {
    const QString who =
        deployment.approvedBy.isEmpty() || deployment.approvedBy == deployment.requestedBy
            ? deployment.requestedBy
            : DeploymentTimelineModel::tr("%1, approved by %2")
                  .arg(deployment.requestedBy, deployment.approvedBy);
    return DeploymentTimelineModel::tr("%1  %2 %3 to %4: %5 (%6)")
        .arg(localTimeText(deployment.createdAt), deploymentKindText(deployment.kind),
             deployment.version, deployment.environment, deploymentStatusText(deployment.status),
             who);
}

QString details(const waypoint::Deployment &deployment) {
    QStringList lines;
    for (const waypoint::DeploymentStep &step : deployment.steps)
        lines << DeploymentTimelineModel::tr("%1 %2: %3 ms%4")
                     .arg(step.ok ? QStringLiteral("✓") : QStringLiteral("✗"), stepText(step.name),
                          QString::number(step.ms),
                          step.detail.isEmpty() ? QString() : QStringLiteral(" — ") + step.detail);
    if (deployment.durationMs > 0)
        lines << DeploymentTimelineModel::tr("%n ms in all", nullptr, int(deployment.durationMs));
    if (!deployment.rolledBackTo.isEmpty())
        lines << DeploymentTimelineModel::tr("Put back on %1").arg(deployment.rolledBackTo);
    if (!deployment.error.isEmpty())
        lines << DeploymentTimelineModel::tr("Error: %1").arg(deployment.error);
    if (!deployment.deploymentUrl.isEmpty())
        lines << deployment.deploymentUrl;
    if (lines.isEmpty())
        lines << DeploymentTimelineModel::tr("No steps run yet");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void DeploymentTimelineModel::setDeployments(const QList<waypoint::Deployment> &deployments) {
    beginResetModel();
    m_deployments = deployments;
    endResetModel();
}

int DeploymentTimelineModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_deployments.size());
}

QVariant DeploymentTimelineModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const waypoint::Deployment &deployment = m_deployments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return summary(deployment);
    case Qt::ToolTipRole:
        return details(deployment);
    case StatusRole:
        return waypoint::deploymentStatusName(deployment.status);
    case Qt::ForegroundRole:
        if (deployment.status == waypoint::DeploymentStatus::Failed)
            return QColor(0xb0, 0x00, 0x20);
        return {};
    default:
        return {};
    }
}

} // namespace helios::panels
