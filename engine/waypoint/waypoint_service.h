// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "landing/identity.h"
#include "waypoint/deployment_history.h"
#include "waypoint/release.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace helios {
class Engine;
}

namespace helios::waypoint {

class LocalSites;

// A successful build, as build.completed describes it.
struct BuildOutcome {
    QString buildId;
    QString projectDir;
    QString outDir;
    QString image;       // "repo:tag" when the build published one, else empty
    QString imageDigest;
};

// Where a running deployment is, for a progress bar and a log.
struct DeployProgress {
    QString deploymentId;
    QString step;        // as DeploymentStep::name
    QString text;        // one line
};

struct DeployRequest {
    QString projectId;
    QString environment;
    QString version;          // empty: deploy -> the latest release; promote -> what `from` runs
    bool approve = false;     // the actor approves the gate at once (if their role allows)
    QString kind = QStringLiteral("deploy"); // "deploy", "promote", "auto"
    // On the deploying thread. The first call comes as soon as the deployment is recorded
    // (step "queued"), so a caller can hand its id out before the deploy ends.
    std::function<void(const DeployProgress &)> progress;
    const std::atomic_bool *cancelled = nullptr;
};

// WAYPOINT: releases, environments with approval gates, and the deploy flow
//   config (the environment's policy from the Store) -> pull -> rollout -> ready -> health ->
//   switch -> record + deployment.completed
// and on failure: rollback to the environment's last healthy deployment, record,
// deployment.failed then deployment.rolled_back (only deployment.failed when the failure
// came before anything was rolled out, at config or pull, or when the environment had
// nothing live to go back to). Every step is timed into the
// Deployment's history. Events carry the project id as subject and
// {deploymentId, projectId, environment, version, releaseId, url, durationMs[, error,
// rolledBackTo, fromVersion]}.
//
// Approval gates: an environment with an approver role leaves a deploy AwaitingApproval
// (no event) until approve() by an actor of at least that role; an actor below it gets
// PermissionDenied, and so does any actor deploying or rolling back an environment whose
// gate they could not approve. One deployment per environment runs at a time (Conflict).
//
// The methods block (image pulls, probes, API calls): call them on a worker thread.
// Thread-safe.
class WaypointService {
public:
    struct Options {
        std::shared_ptr<LocalSites> sites; // required for the local target
        QUrl sitesProbeBase;               // where this process serves `sites`
        QUrl sitesPublicBase;              // the address users get; empty: sitesProbeBase
    };
    WaypointService(Engine &engine, Options options);
    ~WaypointService();

    // The project id WAYPOINT files a project directory under (ignis::BuildHistory's).
    QString projectIdFor(const QString &projectDir) const;

    // Makes a release of a successful build: the next version by the project's scheme,
    // the image (published by the build, or published now from outDir tagged with the
    // version), the changelog since the previous release; stores the project's deploy
    // policy (helios.json) in the Store. A build already released returns that release.
    Result<Release> createRelease(const BuildOutcome &build);
    Result<QList<Release>> releases(const QString &projectId);
    Result<QList<EnvironmentState>> environments(const QString &projectId);
    Result<QList<Deployment>> history(const QString &projectId, const QString &environment = {});
    Result<Deployment> deployment(const QString &deploymentId);

    // Deploys (or queues for approval) as described above. Returns the deployment as it
    // ended: Succeeded, Failed (rolled back) or AwaitingApproval. Errors are for requests
    // that could not start: unknown project/environment/version (NotFound),
    // PermissionDenied, Conflict.
    Result<Deployment> deploy(const DeployRequest &request, const landing::Identity &actor);
    // Approves a deployment awaiting approval and runs it.
    Result<Deployment> approve(const QString &deploymentId, const landing::Identity &actor,
                               std::function<void(const DeployProgress &)> progress = {});
    // Deploys the release `request.environment`'s promotesFrom environment runs now.
    Result<Deployment> promote(DeployRequest request, const landing::Identity &actor);
    // Puts the environment back on its previous healthy release (an instant switch on the
    // local target); records a "rollback" deployment and announces deployment.rolled_back.
    Result<Deployment> rollback(const QString &projectId, const QString &environment, const landing::Identity &actor);

    // The kubernetes target's manifests for `version` (empty: latest) in `environment`,
    // as a YAML stream, without contacting any server.
    Result<QByteArray> kubernetesManifests(const QString &projectId, const QString &environment,
                                           const QString &version);

    // Follows build.completed on the Bus (a durable consumer, "waypoint"): releases every
    // successful build and deploys it to each autoDeploy environment, as the system
    // identity (admin). Deployments run on a worker thread of the service.
    Result<void> followBuilds();
    // Waits until every deployment the service started on its own has finished (tests,
    // shutdown). Returns false on timeout.
    bool waitForIdle(int timeoutMs);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The identity local commands act as: the OS user, with the role the Store's users table
// gives that subject, or admin when the table does not know it (the embedded data
// directory belongs to that user).
landing::Identity localIdentity(data::Store &store);

} // namespace helios::waypoint
