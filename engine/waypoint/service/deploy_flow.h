// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/deploy_target.h"
#include "waypoint/waypoint_service.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>

namespace helios::waypoint {

struct WaypointContext;

// One deployment's run through its target, every step timed into Deployment::steps and
// written to the Store as it ends (a watcher sees the run progress):
//   config -> pull -> rollout -> ready -> health -> switch -> record  + deployment.completed
// A failure after pull restores what the environment served before ("rollback"), then
// "record", deployment.failed and, when there was something to go back to,
// deployment.rolled_back. The caller records the deployment (status Running) and holds
// its environment's lock.
class DeployFlow {
public:
    DeployFlow(WaypointContext &context, std::function<void(const DeployProgress &)> progress,
               const std::atomic_bool *cancelled = nullptr);

    // Returns the deployment as it ended: Succeeded or Failed.
    Deployment run(Deployment deployment, const Release &release);
    // An explicit rollback: points the environment back at `to` (a succeeded deployment of
    // `toRelease`) and records `record` (kind "rollback") as RolledBack, announcing
    // deployment.rolled_back; Failed and deployment.failed if the target could not.
    Deployment rollBack(Deployment record, const Deployment &to, const Release &toRelease, const QString &fromVersion);

private:
    using Previous = std::optional<std::pair<Release, QString>>;
    template <typename Work>
    bool step(Deployment &deployment, const QString &name, const QString &text, Work &&work);
    Deployment finish(Deployment deployment, DeploymentStatus status);
    QString prune(DeployTarget &target, const Deployment &deployment, const EnvironmentPolicy &environment);

    WaypointContext &m_context;
    std::function<void(const DeployProgress &)> m_progress;
    const std::atomic_bool *m_cancelled;
    qint64 m_startedMs = 0;
};

} // namespace helios::waypoint
