// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/deploy_policy.h"
#include "waypoint/release.h"

#include <QList>
#include <QString>

#include <optional>

namespace helios::data {
class Store;
}

namespace helios::waypoint {

// What an environment runs now, as the Store records it.
struct EnvironmentState {
    QString projectId;
    QString name;
    EnvironmentPolicy policy;
    QString currentDeploymentId; // the live deployment; empty when nothing was deployed
    QString currentReleaseId;
    QString currentVersion;
    QString url;                 // the environment's address
    QString health;              // "healthy", "unhealthy" (last deployment failed), "none"
    QString updatedAt;
};

// WAYPOINT's tables in the Store (migration 6: releases, deployments, deploy_policies,
// environments): releases per project, deployments with their timed steps and approvals
// (numbered per project, so "newest" never depends on clock resolution), each project's
// policy as JSON, and each environment's live deployment. Steps are JSON text, read whole.
// Thread-safe as the Store is.
class DeploymentHistory {
public:
    explicit DeploymentHistory(data::Store &store);

    // Assigns the next number; AlreadyExists if the version exists for the project.
    Result<Release> addRelease(Release release);
    // Newest first.
    Result<QList<Release>> releases(const QString &projectId, int limit = 100);
    Result<std::optional<Release>> latestRelease(const QString &projectId);
    Result<Release> release(const QString &projectId, const QString &version); // NotFound
    Result<Release> releaseById(const QString &releaseId);                    // NotFound
    // The release made of a build, if one was: what keeps createRelease idempotent.
    Result<std::optional<Release>> releaseOfBuild(const QString &buildId);

    // The project's policy, replacing the stored one; environments not yet known get a
    // row with no deployment.
    Result<void> savePolicy(const QString &projectId, const DeployPolicy &policy);
    Result<DeployPolicy> policy(const QString &projectId); // NotFound before the first release
    Result<QList<EnvironmentState>> environments(const QString &projectId); // in policy order
    Result<EnvironmentState> environment(const QString &projectId, const QString &name);
    // Sets the live deployment (after a healthy switch or a rollback) in one statement.
    Result<void> setLive(const QString &projectId, const QString &name, const Deployment &deployment);
    Result<void> setHealth(const QString &projectId, const QString &name, const QString &health);

    Result<void> addDeployment(const Deployment &deployment);
    // Status, approval, steps, timings, urls, error: everything but the ids.
    Result<void> updateDeployment(const Deployment &deployment);
    Result<Deployment> deployment(const QString &deploymentId); // NotFound
    // Newest first; `environment` empty for all.
    Result<QList<Deployment>> deployments(const QString &projectId, const QString &environment = {}, int limit = 100);
    // The newest succeeded deployment of the environment other than `excludingId`: what a
    // failure or a rollback goes back to.
    Result<std::optional<Deployment>> lastHealthy(const QString &projectId, const QString &environment,
                                                  const QString &excludingId = {});

private:
    data::Store &m_store;
};

} // namespace helios::waypoint
