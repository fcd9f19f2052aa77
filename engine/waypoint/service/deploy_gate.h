// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "landing/identity.h"
#include "waypoint/deploy_policy.h"

namespace helios::waypoint {

// May `actor` start a deployment into (or roll back) `environment`? A viewer never may;
// in a gated environment only an actor who could approve the gate may. PermissionDenied
// says who, where and which role it takes.
Result<void> checkMayDeploy(const landing::Identity &actor, const EnvironmentPolicy &environment);
// May `actor` pass the environment's gate? PermissionDenied as above.
Result<void> checkMayApprove(const landing::Identity &actor, const EnvironmentPolicy &environment);

} // namespace helios::waypoint
