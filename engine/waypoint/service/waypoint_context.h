// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "environment_locks.h"
#include "waypoint/deployment_history.h"
#include "waypoint/waypoint_service.h"

namespace helios {
class Engine;
}

namespace helios::waypoint {

// What the parts of WaypointService share: the engine's back ends, the Store's history,
// the service's options and the environments being deployed now.
struct WaypointContext {
    Engine &engine;
    DeploymentHistory history;
    WaypointService::Options options;
    EnvironmentLocks locks;
};

} // namespace helios::waypoint
