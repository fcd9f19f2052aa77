// SPDX-License-Identifier: Apache-2.0
#include "deploy_runner.h"

namespace helios::panels {

using waypoint::DeployProgress;
using Action = DeployActionOutcome::Action;

DeployRunner::DeployRunner(waypoint::WaypointService &service, data::Store &store, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(store)
    , m_readContext(new QObject)
    , m_actionContext(new QObject) {
    m_readThread.setObjectName(QStringLiteral("deploy-reads"));
    m_actionThread.setObjectName(QStringLiteral("deploy-actions"));
    m_readContext->moveToThread(&m_readThread);
    m_actionContext->moveToThread(&m_actionThread);
    m_readThread.start();
    m_actionThread.start();
}

DeployRunner::~DeployRunner() {
    // Work still queued is dropped with the contexts; results already queued to this
    // object are dropped by Qt when it is destroyed.
    m_cancelled = true;
    m_readThread.quit();
    m_actionThread.quit();
    m_readThread.wait();
    m_actionThread.wait();
    delete m_readContext;
    delete m_actionContext;
}

void DeployRunner::read(const QString &projectDir) {
    m_readDir = projectDir;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    startRead();
}

void DeployRunner::startRead() {
    m_reading = true;
    m_readAgain = false;
    QMetaObject::invokeMethod(
        m_readContext,
        [this, projectDir = m_readDir] {
            DeploySnapshot snapshot;
            snapshot.projectDir = projectDir;
            snapshot.identity = waypoint::localIdentity(m_store);
            if (!projectDir.isEmpty()) {
                snapshot.projectId = m_service.projectIdFor(projectDir);
                const auto note = [&snapshot](const Error &error) {
                    if (snapshot.error.isEmpty())
                        snapshot.error = error.toString();
                };
                // A project never released has no environments yet: that is no error.
                if (auto environments = m_service.environments(snapshot.projectId);
                    environments.ok())
                    snapshot.environments = *environments;
                else if (environments.error().code != ErrorCode::NotFound)
                    note(environments.error());
                if (auto releases = m_service.releases(snapshot.projectId); releases.ok())
                    snapshot.releases = *releases;
                else
                    note(releases.error());
                if (auto history = m_service.history(snapshot.projectId); history.ok())
                    snapshot.history = *history;
                else
                    note(history.error());
            }
            QMetaObject::invokeMethod(
                this,
                [this, snapshot = std::move(snapshot)] {
                    m_reading = false;
                    Q_EMIT snapshotRead(snapshot);
                    if (m_readAgain)
                        startRead();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool DeployRunner::start(Action action, const QString &environment, Call call) {
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    QMetaObject::invokeMethod(
        m_actionContext,
        [this, action, environment, call = std::move(call)] {
            // Called on this (the action) thread: only queue the step to the runner.
            const auto progress = [this](const DeployProgress &step) {
                QMetaObject::invokeMethod(
                    this, [this, step] { Q_EMIT progressed(step); }, Qt::QueuedConnection);
            };
            const Result<waypoint::Deployment> result =
                call(waypoint::localIdentity(m_store), progress);
            DeployActionOutcome outcome;
            outcome.action = action;
            outcome.environment = environment;
            outcome.ok = result.ok();
            if (result.ok())
                outcome.deployment = *result;
            else
                outcome.error = result.error().toString();
            QMetaObject::invokeMethod(
                this,
                [this, outcome = std::move(outcome)] {
                    m_running = false;
                    Q_EMIT actionFinished(outcome);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

bool DeployRunner::deploy(const QString &projectId, const QString &environment,
                          const QString &version) {
    return start(Action::Deploy, environment,
                 [this, projectId, environment, version](const landing::Identity &actor,
                                                         const auto &progress) {
                     waypoint::DeployRequest request;
                     request.projectId = projectId;
                     request.environment = environment;
                     request.version = version;
                     request.progress = progress;
                     request.cancelled = &m_cancelled;
                     return m_service.deploy(request, actor);
                 });
}

bool DeployRunner::approve(const QString &deploymentId, const QString &environment) {
    return start(Action::Approve, environment,
                 [this, deploymentId](const landing::Identity &actor, const auto &progress) {
                     return m_service.approve(deploymentId, actor, progress);
                 });
}

bool DeployRunner::promote(const QString &projectId, const QString &environment) {
    return start(
        Action::Promote, environment,
        [this, projectId, environment](const landing::Identity &actor, const auto &progress) {
            waypoint::DeployRequest request;
            request.projectId = projectId;
            request.environment = environment;
            request.progress = progress;
            request.cancelled = &m_cancelled;
            return m_service.promote(request, actor);
        });
}

bool DeployRunner::rollback(const QString &projectId, const QString &environment) {
    return start(Action::Rollback, environment,
                 [this, projectId, environment](const landing::Identity &actor, const auto &) {
                     return m_service.rollback(projectId, environment, actor);
                 });
}

} // namespace helios::panels
