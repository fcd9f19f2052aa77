// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QThreadPool>

#include <memory>

namespace helios::data {
class Bus;
class Subscription;
} // namespace helios::data

namespace helios::waypoint {

class WaypointService;

// build.completed -> release -> auto deploys. The bus thread only makes the release (it
// must be acknowledged, and the event says which build it was); the deploys run on one
// worker thread of the follower, in order, so that the bus is never held by a probe.
// Idempotent: a build already released gives the same release, and an environment that
// already had its auto deploy of a release is not deployed again.
class BuildFollower {
public:
    explicit BuildFollower(WaypointService &service);
    ~BuildFollower(); // ends the subscription, then waits for running deploys

    Result<void> start(data::Bus &bus);
    bool waitForIdle(int timeoutMs);

private:
    bool handle(const QJsonObject &data);
    void autoDeploy(const QString &projectId, const QString &releaseId, const QString &version,
                    const QString &environment);

    WaypointService &m_service;
    QThreadPool m_workers;
    std::unique_ptr<data::Subscription> m_subscription;
};

} // namespace helios::waypoint
