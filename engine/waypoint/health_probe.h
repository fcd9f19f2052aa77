// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/deploy_policy.h"

#include <QString>
#include <QUrl>

#include <atomic>

namespace helios::waypoint {

struct HealthResult {
    int attempts = 0;
    int successes = 0;      // consecutive 2xx at the end
    int lastStatus = 0;     // HTTP status of the last answer; 0 for none (refused, timeout)
    QString summary;        // "2 of 3 probes answered 200" / "GET /x: 404 (3 attempts)"
};

// GETs `base` + check.path as HealthCheck says. Blocking: call it from a worker thread
// (it runs its own event loop or socket, never the caller's). Fails with Unavailable
// (and the summary as message) when the threshold was not reached within the attempts;
// `cancelled` ends it early the same way.
Result<HealthResult> probeHealth(const QUrl &base, const HealthCheck &check,
                                 const std::atomic_bool *cancelled = nullptr);

} // namespace helios::waypoint
