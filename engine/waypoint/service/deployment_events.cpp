// SPDX-License-Identifier: Apache-2.0
#include "deployment_events.h"

#include "bus/bus.h"
#include "core/logging.h"

namespace helios::waypoint {

void announceDeployment(data::Bus &bus, const QString &what, const Deployment &deployment, const QString &fromVersion)
{
    QJsonObject data{{QStringLiteral("deploymentId"), deployment.id},
                     {QStringLiteral("projectId"), deployment.projectId},
                     {QStringLiteral("environment"), deployment.environment},
                     {QStringLiteral("version"), deployment.version},
                     {QStringLiteral("releaseId"), deployment.releaseId},
                     {QStringLiteral("url"), deployment.url},
                     {QStringLiteral("durationMs"), deployment.durationMs}};
    if (!deployment.error.isEmpty())
        data.insert(QStringLiteral("error"), deployment.error);
    if (!deployment.rolledBackTo.isEmpty())
        data.insert(QStringLiteral("rolledBackTo"), deployment.rolledBackTo);
    if (!fromVersion.isEmpty())
        data.insert(QStringLiteral("fromVersion"), fromVersion);
    const QString type = QStringLiteral("deployment.") + what;
    const auto published =
        bus.publish(data::Event::make(type, QStringLiteral("/helios/waypoint"), deployment.projectId, data));
    if (!published.ok())
        qCWarning(lcWaypoint) << "could not announce" << type << "of" << deployment.id << ":"
                              << published.error().toString();
}

} // namespace helios::waypoint
