// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

namespace helios::waypoint {
struct Deployment;
struct EnvironmentState;
struct Release;
}

namespace helios::server {

// WAYPOINT's records as JSON: what the REST routes answer and `helios releases --json`
// and `helios deploy --json` print, so scripts see one shape. Field names as the
// structs' members; statuses by deploymentStatusName; steps as {name, ok, ms, detail}.
QJsonObject releaseJson(const waypoint::Release &release);
QJsonObject deploymentJson(const waypoint::Deployment &deployment);
QJsonObject environmentJson(const waypoint::EnvironmentState &environment);

// The JSON Schemas of the three, for the OpenAPI document.
QJsonObject releaseSchema();
QJsonObject deploymentSchema();
QJsonObject environmentSchema();

} // namespace helios::server
