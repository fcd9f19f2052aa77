// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/release.h"
#include "waypoint/waypoint_service.h"

namespace helios::waypoint {

struct WaypointContext;

// Turns a successful build into a Release (see WaypointService::createRelease): the next
// version by the project's scheme, the image the build published or one published now
// from its output, the changelog since the previous release, and the project's deploy
// policy stored beside it.
class ReleaseMaker {
public:
    explicit ReleaseMaker(WaypointContext &context) : m_context(context) {}

    Result<Release> create(const BuildOutcome &build);

private:
    WaypointContext &m_context;
};

} // namespace helios::waypoint
