// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/deploy_policy.h"
#include "waypoint/release.h"

#include <QString>
#include <QUrl>

#include <atomic>
#include <optional>

namespace helios::waypoint {

// What a target needs to know about one deployment in progress.
struct RolloutRequest {
    const Release &release;
    const EnvironmentPolicy &environment;
    QString deploymentId;
    const std::atomic_bool *cancelled = nullptr;
};

// Where a rolled-out release can be reached.
struct RolledOut {
    QUrl probeUrl;      // base the health check GETs; empty: the target's own readiness is the health
    QString deploymentUrl; // shown to users: this deployment's own address, if it has one
    QString detail;     // one line for the step's history
};

// A place releases run. The deploy flow (WaypointService) calls, on a worker thread:
//   pull -> rollOut -> awaitReady -> [health probe of probeUrl] -> activate
// and on failure restore(previous). Every call may block; none may touch a GUI.
class DeployTarget {
public:
    virtual ~DeployTarget() = default;

    virtual QString name() const = 0; // "local", "kubernetes"

    // Fetches what the release needs from the ArtifactStore (local: unpacks the image
    // into the deployment's immutable directory; kubernetes: checks the manifest exists,
    // the cluster pulls). Returns a one-line detail.
    virtual Result<QString> pull(const RolloutRequest &request) = 0;
    // Starts the release without moving the environment's traffic yet where the target
    // can (local: served at its own URL only; kubernetes: server-side apply).
    virtual Result<RolledOut> rollOut(const RolloutRequest &request) = 0;
    // Waits until the target says the rollout is done (kubernetes: the Deployment's
    // conditions); Timeout / Unavailable with the reason when it will not be.
    virtual Result<QString> awaitReady(const RolloutRequest &request) = 0;
    // Sends the environment's traffic to the deployment (local: the atomic switch).
    // Returns the environment's URL.
    virtual Result<QString> activate(const RolloutRequest &request) = 0;
    // Puts the environment back on `previous` (nullopt: it had nothing live; the target
    // removes what rollOut started). local: the pointer never moved or switches back
    // instantly; kubernetes: re-applies the previous release and waits for it.
    virtual Result<QString> restore(const QString &projectId, const EnvironmentPolicy &environment,
                                    const std::optional<std::pair<Release, QString>> &previous) = 0;
    // Drops deployments the environment no longer needs; `keep` are deployment ids newest
    // first (the retention). Best effort; returns a one-line detail.
    virtual QString prune(const QString &projectId, const EnvironmentPolicy &environment,
                          const QStringList &candidates, const QStringList &keep) = 0;
};

} // namespace helios::waypoint
