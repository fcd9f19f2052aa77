// SPDX-License-Identifier: Apache-2.0
#include "deploy_flow.h"

#include "core/ids.h"
#include "core/logging.h"
#include "deployment_events.h"
#include "engine.h"
#include "target_factory.h"
#include "waypoint/health_probe.h"
#include "waypoint_context.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace helios::waypoint {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// One line for a step's history: the first line of the error.
QString oneLine(const QString &text) { return text.section(QLatin1Char('\n'), 0, 0); }

struct Prepared {
    DeployPolicy policy;
    EnvironmentPolicy environment;
    std::unique_ptr<DeployTarget> target;
};

Result<Prepared> prepare(WaypointContext &context, const Deployment &deployment, const Release &release)
{
    auto policy = context.history.policy(deployment.projectId);
    HELIOS_TRY(policy);
    const EnvironmentPolicy *environment = policy->environment(deployment.environment);
    if (!environment)
        return makeError(ErrorCode::NotFound, QStringLiteral("the stored deploy policy has no environment \"%1\"")
                                                  .arg(deployment.environment));
    auto target = makeDeployTarget(context, *policy, *environment, release.projectDir);
    HELIOS_TRY(target);
    return Prepared{*policy, *environment, std::move(*target)};
}

QString describe(const Prepared &prepared)
{
    const EnvironmentPolicy &env = prepared.environment;
    return QStringLiteral("target %1; health GET %2 (%3 of up to %4 answers); retention %5")
        .arg(prepared.target->name(), env.health.path)
        .arg(env.health.successThreshold)
        .arg(env.health.attempts)
        .arg(env.retention);
}

} // namespace

DeployFlow::DeployFlow(WaypointContext &context, std::function<void(const DeployProgress &)> progress,
                       const std::atomic_bool *cancelled)
    : m_context(context), m_progress(std::move(progress)), m_cancelled(cancelled)
{
}

template <typename Work>
bool DeployFlow::step(Deployment &deployment, const QString &name, const QString &text, Work &&work)
{
    if (m_progress)
        m_progress({deployment.id, name, text});
    QElapsedTimer timer;
    timer.start();
    DeploymentStep record{name, false, 0, {}};
    if (m_cancelled && m_cancelled->load()) {
        record.detail = QStringLiteral("the deployment was cancelled");
    } else {
        const Result<QString> result = work();
        record.ok = result.ok();
        record.detail = result.ok() ? oneLine(*result) : oneLine(result.error().message);
    }
    record.ms = timer.elapsed();
    deployment.steps.append(record);
    if (!record.ok && deployment.error.isEmpty())
        deployment.error = QStringLiteral("%1: %2").arg(name, record.detail);
    if (const auto written = m_context.history.updateDeployment(deployment); !written.ok())
        qCWarning(lcWaypoint) << "deployment" << deployment.id << "step" << name
                              << "not recorded:" << written.error().toString();
    return record.ok;
}

Deployment DeployFlow::finish(Deployment deployment, DeploymentStatus status)
{
    deployment.status = status;
    deployment.finishedAt = nowUtc();
    deployment.durationMs = nowMs() - m_startedMs;
    if (const auto written = m_context.history.updateDeployment(deployment); !written.ok())
        qCWarning(lcWaypoint) << "deployment" << deployment.id << "not recorded:" << written.error().toString();
    return deployment;
}

QString DeployFlow::prune(DeployTarget &target, const Deployment &deployment, const EnvironmentPolicy &environment)
{
    const auto all = m_context.history.deployments(deployment.projectId, deployment.environment, 1000);
    if (!all.ok())
        return QStringLiteral("nothing pruned: ") + all.error().message;
    // Rollback records own no files: they point at another deployment's.
    QStringList candidates;
    QStringList keep{deployment.id};
    for (const Deployment &other : *all) {
        if (other.kind == QLatin1StringView("rollback") || other.id == deployment.id)
            continue;
        candidates << other.id;
        if (other.status == DeploymentStatus::Succeeded && keep.size() < environment.retention)
            keep << other.id;
    }
    return target.prune(deployment.projectId, environment, candidates, keep);
}

Deployment DeployFlow::run(Deployment deployment, const Release &release)
{
    m_startedMs = nowMs();
    const auto state = m_context.history.environment(deployment.projectId, deployment.environment);
    const QString fromVersion = state.ok() ? state->currentVersion : QString();
    if (state.ok())
        deployment.url = state->url;
    announceDeployment(m_context.engine.bus(), QStringLiteral("started"), deployment, fromVersion);

    std::optional<Prepared> prepared;
    Previous previous;
    const bool configured = step(deployment, QStringLiteral("config"), QStringLiteral("loading the environment's policy"),
                                 [&]() -> Result<QString> {
                                     HELIOS_TRY(state);
                                     auto made = prepare(m_context, deployment, release);
                                     HELIOS_TRY(made);
                                     prepared.emplace(std::move(*made));
                                     if (!state->currentDeploymentId.isEmpty()) {
                                         const auto live = m_context.history.releaseById(state->currentReleaseId);
                                         HELIOS_TRY(live);
                                         previous.emplace(*live, state->currentDeploymentId);
                                     }
                                     return describe(*prepared);
                                 });
    auto failed = [&](Deployment d) {
        step(d, QStringLiteral("record"), QStringLiteral("recording the failure"),
             [&]() -> Result<QString> { return QStringLiteral("recorded as failed"); });
        d = finish(d, DeploymentStatus::Failed);
        announceDeployment(m_context.engine.bus(), QStringLiteral("failed"), d, fromVersion);
        if (!d.rolledBackTo.isEmpty())
            announceDeployment(m_context.engine.bus(), QStringLiteral("rolled_back"), d, fromVersion);
        qCWarning(lcWaypoint) << "deployment" << d.id << "of" << d.version << "to" << d.environment
                              << "failed:" << d.error;
        return d;
    };
    if (!configured)
        return failed(deployment);

    DeployTarget &target = *prepared->target;
    const EnvironmentPolicy &environment = prepared->environment;
    const RolloutRequest request{release, environment, deployment.id, m_cancelled};
    if (!step(deployment, QStringLiteral("pull"), QStringLiteral("pulling %1").arg(release.image),
              [&] { return target.pull(request); }))
        return failed(deployment);

    QUrl probeUrl;
    const bool live =
        step(deployment, QStringLiteral("rollout"), QStringLiteral("rolling out %1").arg(release.version),
             [&]() -> Result<QString> {
                 const auto rolledOut = target.rollOut(request);
                 HELIOS_TRY(rolledOut);
                 probeUrl = rolledOut->probeUrl;
                 deployment.deploymentUrl = rolledOut->deploymentUrl;
                 return rolledOut->detail.isEmpty() ? rolledOut->deploymentUrl : rolledOut->detail;
             })
        && step(deployment, QStringLiteral("ready"), QStringLiteral("waiting for the rollout"),
                [&] { return target.awaitReady(request); })
        && step(deployment, QStringLiteral("health"), QStringLiteral("probing %1").arg(environment.health.path),
                [&]() -> Result<QString> {
                    if (probeUrl.isEmpty())
                        return QStringLiteral("the target's readiness is the health check");
                    const auto health = probeHealth(probeUrl, environment.health, m_cancelled);
                    HELIOS_TRY(health);
                    return health->summary;
                })
        && step(deployment, QStringLiteral("switch"), QStringLiteral("switching the environment"), [&]() -> Result<QString> {
               const auto url = target.activate(request);
               HELIOS_TRY(url);
               deployment.url = *url;
               HELIOS_TRY(m_context.history.setLive(deployment.projectId, deployment.environment, deployment));
               return QStringLiteral("%1 serves %2").arg(*url, deployment.version);
           });
    if (!live) {
        step(deployment, QStringLiteral("rollback"), QStringLiteral("restoring the environment"), [&]() -> Result<QString> {
            const auto restored = target.restore(deployment.projectId, environment, previous);
            HELIOS_TRY(restored);
            if (previous)
                deployment.rolledBackTo = previous->first.version;
            return *restored;
        });
        if (const auto marked = m_context.history.setHealth(deployment.projectId, deployment.environment,
                                                            QStringLiteral("unhealthy"));
            !marked.ok())
            qCWarning(lcWaypoint) << "environment health not recorded:" << marked.error().toString();
        return failed(deployment);
    }

    step(deployment, QStringLiteral("record"), QStringLiteral("recording the deployment"),
         [&]() -> Result<QString> { return prune(target, deployment, environment); });
    deployment = finish(deployment, DeploymentStatus::Succeeded);
    announceDeployment(m_context.engine.bus(), QStringLiteral("completed"), deployment, fromVersion);
    qCInfo(lcWaypoint) << "deployed" << deployment.version << "to" << deployment.environment << "at" << deployment.url;
    return deployment;
}

Deployment DeployFlow::rollBack(Deployment record, const Deployment &to, const Release &toRelease,
                                const QString &fromVersion)
{
    m_startedMs = nowMs();
    std::optional<Prepared> prepared;
    const bool ok =
        step(record, QStringLiteral("config"), QStringLiteral("loading the environment's policy"),
             [&]() -> Result<QString> {
                 auto made = prepare(m_context, record, toRelease);
                 HELIOS_TRY(made);
                 prepared.emplace(std::move(*made));
                 return describe(*prepared);
             })
        && step(record, QStringLiteral("switch"), QStringLiteral("switching back to %1").arg(to.version),
                [&]() -> Result<QString> {
                    const auto restored = prepared->target->restore(record.projectId, prepared->environment,
                                                                    std::make_pair(toRelease, to.id));
                    HELIOS_TRY(restored);
                    // The environment keeps its address; only what it serves changes.
                    Deployment live = to;
                    live.url = record.url.isEmpty() ? to.url : record.url;
                    HELIOS_TRY(m_context.history.setLive(record.projectId, record.environment, live));
                    record.url = live.url;
                    record.deploymentUrl = to.deploymentUrl;
                    return *restored;
                });
    step(record, QStringLiteral("record"), QStringLiteral("recording the rollback"),
         [&]() -> Result<QString> { return ok ? QStringLiteral("recorded") : QStringLiteral("recorded as failed"); });
    if (ok)
        record.rolledBackTo = to.version;
    record = finish(record, ok ? DeploymentStatus::RolledBack : DeploymentStatus::Failed);
    announceDeployment(m_context.engine.bus(), ok ? QStringLiteral("rolled_back") : QStringLiteral("failed"), record,
                       fromVersion);
    return record;
}

} // namespace helios::waypoint
