// SPDX-License-Identifier: Apache-2.0
#include "deploy_gate.h"

namespace helios::waypoint {

namespace {

Error denied(const landing::Identity &actor, const QString &what, const QString &environment, landing::Role needed)
{
    return makeError(ErrorCode::PermissionDenied,
                     QStringLiteral("%1 (%2) cannot %3 %4: that takes the %5 role")
                         .arg(actor.subject, landing::roleName(actor.role), what, environment, landing::roleName(needed)),
                     environment);
}

} // namespace

Result<void> checkMayDeploy(const landing::Identity &actor, const EnvironmentPolicy &environment)
{
    const landing::Role needed = environment.approver.value_or(landing::Role::Developer);
    if (actor.role < landing::Role::Developer || actor.role < needed)
        return denied(actor, QStringLiteral("deploy to"), environment.name, std::max(needed, landing::Role::Developer));
    return {};
}

Result<void> checkMayApprove(const landing::Identity &actor, const EnvironmentPolicy &environment)
{
    const landing::Role needed = std::max(environment.approver.value_or(landing::Role::Developer), landing::Role::Developer);
    if (actor.role < needed)
        return denied(actor, QStringLiteral("approve deployments to"), environment.name, needed);
    return {};
}

} // namespace helios::waypoint
