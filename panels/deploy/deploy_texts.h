// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/release.h"

#include <QString>

namespace helios::panels {

// WAYPOINT names statuses, steps and kinds by id; the Deploy panel shows them translated.
QString deploymentStatusText(waypoint::DeploymentStatus status);
QString healthText(const QString &health); // "healthy", "unhealthy", "none"
QString stepText(const QString &step);     // DeploymentStep::name, DeployProgress::step
QString deploymentKindText(const QString &kind);
// An RFC 3339 UTC time in the user's zone and locale; the input when it does not parse.
QString localTimeText(const QString &rfc3339);
// "sha256:0123456789ab" from a full digest: enough to tell images apart.
QString shortDigest(const QString &digest);

} // namespace helios::panels
