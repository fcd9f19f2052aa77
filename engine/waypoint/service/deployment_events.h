// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/release.h"

#include <QString>

namespace helios::data {
class Bus;
}

namespace helios::waypoint {

// Publishes deployment.<what> about `deployment` with the project id as subject and
// {deploymentId, projectId, environment, version, releaseId, url, durationMs} plus
// error, rolledBackTo and fromVersion when they are set. A bus that cannot take it is
// logged, not fatal: the Store's history is the record, the event the notification.
void announceDeployment(data::Bus &bus, const QString &what, const Deployment &deployment,
                        const QString &fromVersion = {});

} // namespace helios::waypoint
