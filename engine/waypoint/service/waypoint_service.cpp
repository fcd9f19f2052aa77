// SPDX-License-Identifier: Apache-2.0
#include "waypoint/waypoint_service.h"

#include "build_follower.h"
#include "core/ids.h"
#include "deploy_flow.h"
#include "deploy_gate.h"
#include "engine.h"
#include "ignis/build_history.h"
#include "release_maker.h"
#include "target_factory.h"
#include "waypoint/kubernetes/kubernetes_manifests.h"
#include "waypoint_context.h"

#include <QFileInfo>

#include <mutex>

namespace helios::waypoint {

struct WaypointService::Private {
    Private(Engine &engine, Options options) : context{engine, DeploymentHistory(engine.store()), std::move(options), EnvironmentLocks(engine.store())} {}

    Result<EnvironmentPolicy> environmentPolicy(const QString &projectId, const QString &environment)
    {
        const auto state = context.history.environment(projectId, environment);
        HELIOS_TRY(state);
        return state->policy;
    }

    Result<Deployment> start(Deployment deployment, const Release &release,
                             const std::function<void(const DeployProgress &)> &progress,
                             const std::atomic_bool *cancelled)
    {
        if (progress)
            progress({deployment.id, QStringLiteral("queued"), QStringLiteral("deploying %1 to %2")
                                                                   .arg(deployment.version, deployment.environment)});
        return DeployFlow(context, progress, cancelled).run(std::move(deployment), release);
    }

    // `version`, or the newest release when it is empty.
    Result<Release> releaseFor(const QString &projectId, const QString &version)
    {
        if (!version.isEmpty())
            return context.history.release(projectId, version);
        const auto latest = context.history.latestRelease(projectId);
        HELIOS_TRY(latest);
        if (!latest->has_value())
            return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no releases").arg(projectId));
        return **latest;
    }

    WaypointContext context;
    std::mutex followerMutex;
    std::unique_ptr<BuildFollower> follower; // last: it ends (and stops calling in) first
};

WaypointService::WaypointService(Engine &engine, Options options)
    : d(std::make_unique<Private>(engine, std::move(options)))
{
}

WaypointService::~WaypointService() = default;

QString WaypointService::projectIdFor(const QString &projectDir) const
{
    const QString canonical = QFileInfo(projectDir).canonicalFilePath();
    return ignis::BuildHistory(d->context.engine.store()).projectIdFor(canonical.isEmpty() ? projectDir : canonical);
}

Result<Release> WaypointService::createRelease(const BuildOutcome &build) { return ReleaseMaker(d->context).create(build); }

Result<QList<Release>> WaypointService::releases(const QString &projectId) { return d->context.history.releases(projectId); }

Result<QList<EnvironmentState>> WaypointService::environments(const QString &projectId)
{
    return d->context.history.environments(projectId);
}

Result<QList<Deployment>> WaypointService::history(const QString &projectId, const QString &environment)
{
    return d->context.history.deployments(projectId, environment);
}

Result<Deployment> WaypointService::deployment(const QString &deploymentId)
{
    return d->context.history.deployment(deploymentId);
}

Result<Deployment> WaypointService::deploy(const DeployRequest &request, const landing::Identity &actor)
{
    DeploymentHistory &history = d->context.history;
    const auto environment = d->environmentPolicy(request.projectId, request.environment);
    HELIOS_TRY(environment);
    HELIOS_TRY(checkMayDeploy(actor, *environment));
    const auto release = d->releaseFor(request.projectId, request.version);
    HELIOS_TRY(release);

    Deployment deployment;
    deployment.id = newId();
    deployment.projectId = request.projectId;
    deployment.environment = request.environment;
    deployment.releaseId = release->id;
    deployment.version = release->version;
    deployment.kind = request.kind;
    deployment.target = environment->target;
    deployment.requestedBy = actor.subject;
    deployment.createdAt = nowUtc();

    if (environment->approver && !request.approve) {
        deployment.status = DeploymentStatus::AwaitingApproval;
        HELIOS_TRY(history.addDeployment(deployment));
        if (request.progress)
            request.progress({deployment.id, QStringLiteral("queued"),
                              QStringLiteral("%1 waits for a %2's approval")
                                  .arg(request.environment, landing::roleName(*environment->approver))});
        return deployment;
    }

    const EnvironmentLock lock(d->context.locks, request.projectId, request.environment);
    HELIOS_TRY(lock.acquired());
    if (environment->approver) {
        deployment.approvedBy = actor.subject;
        deployment.approvedAt = deployment.createdAt;
    }
    deployment.status = DeploymentStatus::Running;
    HELIOS_TRY(history.addDeployment(deployment));
    return d->start(std::move(deployment), *release, request.progress, request.cancelled);
}

Result<Deployment> WaypointService::approve(const QString &deploymentId, const landing::Identity &actor,
                                            std::function<void(const DeployProgress &)> progress)
{
    DeploymentHistory &history = d->context.history;
    auto deployment = history.deployment(deploymentId);
    HELIOS_TRY(deployment);
    const auto environment = d->environmentPolicy(deployment->projectId, deployment->environment);
    HELIOS_TRY(environment);
    HELIOS_TRY(checkMayApprove(actor, *environment));

    const EnvironmentLock lock(d->context.locks, deployment->projectId, deployment->environment);
    HELIOS_TRY(lock.acquired());
    // Read again under the lock: a second approver must not run it twice.
    deployment = history.deployment(deploymentId);
    HELIOS_TRY(deployment);
    if (deployment->status != DeploymentStatus::AwaitingApproval)
        return makeError(ErrorCode::Conflict, QStringLiteral("deployment %1 of %2 to %3 is %4, not awaiting approval")
                                                  .arg(deploymentId, deployment->version, deployment->environment,
                                                       deploymentStatusName(deployment->status)));
    const auto release = history.releaseById(deployment->releaseId);
    HELIOS_TRY(release);
    deployment->approvedBy = actor.subject;
    deployment->approvedAt = nowUtc();
    deployment->status = DeploymentStatus::Running;
    HELIOS_TRY(history.updateDeployment(*deployment));
    return d->start(*deployment, *release, progress, nullptr);
}

Result<Deployment> WaypointService::promote(DeployRequest request, const landing::Identity &actor)
{
    const auto environment = d->environmentPolicy(request.projectId, request.environment);
    HELIOS_TRY(environment);
    if (environment->promotesFrom.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 promotes from no environment; deploy a release to it instead").arg(request.environment));
    const auto from = d->context.history.environment(request.projectId, environment->promotesFrom);
    HELIOS_TRY(from);
    if (from->currentVersion.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 runs nothing yet, so there is nothing to promote to %2")
                                                  .arg(environment->promotesFrom, request.environment));
    request.version = from->currentVersion;
    request.kind = QStringLiteral("promote");
    return deploy(request, actor);
}

Result<Deployment> WaypointService::rollback(const QString &projectId, const QString &environment,
                                             const landing::Identity &actor)
{
    DeploymentHistory &history = d->context.history;
    const auto policy = d->environmentPolicy(projectId, environment);
    HELIOS_TRY(policy);
    HELIOS_TRY(checkMayDeploy(actor, *policy));
    const EnvironmentLock lock(d->context.locks, projectId, environment);
    HELIOS_TRY(lock.acquired());

    const auto state = history.environment(projectId, environment);
    HELIOS_TRY(state);
    const auto all = history.deployments(projectId, environment, 1000);
    HELIOS_TRY(all);
    // The newest healthy deployment older than the live one, of another release: going
    // back twice walks further back rather than toggling.
    std::optional<Deployment> to;
    bool olderThanLive = false;
    for (const Deployment &candidate : *all) {
        if (candidate.id == state->currentDeploymentId) {
            olderThanLive = true;
            continue;
        }
        if (olderThanLive && candidate.status == DeploymentStatus::Succeeded
            && candidate.releaseId != state->currentReleaseId) {
            to = candidate;
            break;
        }
    }
    if (!to)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 has no earlier healthy release to roll back to").arg(environment), environment);
    const auto release = history.releaseById(to->releaseId);
    HELIOS_TRY(release);

    Deployment record;
    record.id = newId();
    record.projectId = projectId;
    record.environment = environment;
    record.releaseId = to->releaseId;
    record.version = to->version;
    record.kind = QStringLiteral("rollback");
    record.target = policy->target;
    record.status = DeploymentStatus::Running;
    record.requestedBy = actor.subject;
    record.createdAt = nowUtc();
    record.url = state->url;
    HELIOS_TRY(history.addDeployment(record));
    return DeployFlow(d->context, {}).rollBack(record, *to, *release, state->currentVersion);
}

Result<QByteArray> WaypointService::kubernetesManifests(const QString &projectId, const QString &environment,
                                                        const QString &version)
{
    DeploymentHistory &history = d->context.history;
    const auto policy = history.policy(projectId);
    HELIOS_TRY(policy);
    const EnvironmentPolicy *env = policy->environment(environment);
    if (!env)
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no environment \"%2\"").arg(projectId, environment));
    const auto release = d->releaseFor(projectId, version);
    HELIOS_TRY(release);
    const KubernetesObjects objects = kubernetesObjects(projectNameOf(release->projectDir), *release, *env, policy->kubernetes);
    return toYamlStream(objects.all());
}

Result<void> WaypointService::followBuilds()
{
    const std::lock_guard lock(d->followerMutex);
    if (!d->follower)
        d->follower = std::make_unique<BuildFollower>(*this);
    return d->follower->start(d->context.engine.bus());
}

bool WaypointService::waitForIdle(int timeoutMs)
{
    BuildFollower *follower = nullptr;
    {
        const std::lock_guard lock(d->followerMutex);
        follower = d->follower.get();
    }
    return !follower || follower->waitForIdle(timeoutMs);
}

} // namespace helios::waypoint
