// SPDX-License-Identifier: Apache-2.0
#include "waypoint/release.h"

#include <array>
#include <utility>

namespace helios::waypoint {

namespace {

// The names the Store's CHECK constraint and the REST API use.
constexpr std::array<std::pair<DeploymentStatus, const char *>, 5> StatusNames{{
    {DeploymentStatus::AwaitingApproval, "awaiting_approval"},
    {DeploymentStatus::Running, "running"},
    {DeploymentStatus::Succeeded, "succeeded"},
    {DeploymentStatus::Failed, "failed"},
    {DeploymentStatus::RolledBack, "rolled_back"},
}};

} // namespace

QString deploymentStatusName(DeploymentStatus status)
{
    for (const auto &[value, name] : StatusNames)
        if (value == status)
            return QString::fromLatin1(name);
    return QStringLiteral("running");
}

DeploymentStatus deploymentStatusFromName(const QString &name)
{
    for (const auto &[value, text] : StatusNames)
        if (name == QLatin1StringView(text))
            return value;
    // A row written by a newer Helios: "failed" is the answer nobody acts on wrongly.
    return DeploymentStatus::Failed;
}

} // namespace helios::waypoint
