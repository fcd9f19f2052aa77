// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/deploy_policy.h"
#include "waypoint/deploy_target.h"

#include <memory>

namespace helios::waypoint {

struct WaypointContext;

// The target an environment's policy names, made for one deployment: "local" over the
// service's LocalSites (Unavailable when the service was given none), "kubernetes"
// through the API server of HELIOS_KUBE_API/TOKEN/CA (Unavailable when it is not set).
Result<std::unique_ptr<DeployTarget>> makeDeployTarget(WaypointContext &context, const DeployPolicy &policy,
                                                       const EnvironmentPolicy &environment, const QString &projectDir);

// The project's name as the cluster's objects carry it: helios.json's "name", else the
// directory's name.
QString projectNameOf(const QString &projectDir);

} // namespace helios::waypoint
