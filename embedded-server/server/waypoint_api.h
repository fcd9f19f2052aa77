// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios::waypoint {
class WaypointService;
}

namespace helios::server {

class Router;

// WAYPOINT's REST routes under /api/waypoint/projects/{projectId}/: releases (GET),
// environments (GET), history (GET), deploy (POST environments/{env}/deploy {version?,
// approve?}), approve (POST deployments/{id}/approve), promote (POST
// environments/{env}/promote), rollback (POST environments/{env}/rollback), and the
// kubernetes manifests (GET environments/{env}/manifests?version=). Reads need a viewer,
// writes a developer; the service refuses (403) what the environment's gate forbids the
// caller (prod: admin). Deploy, approve, promote and rollback run on a worker thread and
// answer 202 {deploymentId, status} as soon as the deployment is recorded (or its final
// state if it ended first: awaiting_approval, or an error status for a refused request);
// progress goes out as events; GET deployments/{id} reads it.
void addWaypointRoutes(Router &router, waypoint::WaypointService &service);

} // namespace helios::server
