// SPDX-License-Identifier: Apache-2.0
#include "build_follower.h"

#include "bus/bus.h"
#include "core/logging.h"
#include "waypoint/waypoint_service.h"

#include <QJsonObject>

namespace helios::waypoint {

namespace {

// Who deploys on the project's behalf: the gates still apply (approve stays false).
landing::Identity systemIdentity() { return {QStringLiteral("waypoint"), landing::Role::Admin, false, {}}; }

bool transient(ErrorCode code) { return code == ErrorCode::Unavailable || code == ErrorCode::Timeout; }

} // namespace

BuildFollower::BuildFollower(WaypointService &service) : m_service(service) { m_workers.setMaxThreadCount(1); }

BuildFollower::~BuildFollower()
{
    m_subscription.reset();
    m_workers.waitForDone();
}

Result<void> BuildFollower::start(data::Bus &bus)
{
    if (m_subscription)
        return {};
    auto subscription = bus.subscribe({QStringLiteral("build.completed"), QStringLiteral("waypoint")},
                                      [this](const data::Event &event) { return handle(event.data); });
    HELIOS_TRY(subscription);
    m_subscription = std::move(*subscription);
    return {};
}

bool BuildFollower::waitForIdle(int timeoutMs) { return m_workers.waitForDone(timeoutMs); }

bool BuildFollower::handle(const QJsonObject &data)
{
    const BuildOutcome build{data.value(QStringLiteral("buildId")).toString(),
                             data.value(QStringLiteral("projectDir")).toString(),
                             data.value(QStringLiteral("outDir")).toString(),
                             data.value(QStringLiteral("image")).toString(),
                             data.value(QStringLiteral("imageDigest")).toString()};
    const auto release = m_service.createRelease(build);
    if (!release.ok()) {
        // A project gone or a broken helios.json will not mend by redelivery; a back end
        // that is down may.
        qCWarning(lcWaypoint) << "build" << build.buildId << "of" << build.projectDir
                              << "not released:" << release.error().toString();
        return !transient(release.error().code);
    }
    const auto environments = m_service.environments(release->projectId);
    if (!environments.ok()) {
        qCWarning(lcWaypoint) << "no environments for" << release->projectId << ":" << environments.error().toString();
        return !transient(environments.error().code);
    }
    for (const EnvironmentState &environment : *environments) {
        if (!environment.policy.autoDeploy)
            continue;
        const QString projectId = release->projectId;
        const QString releaseId = release->id;
        const QString version = release->version;
        const QString name = environment.name;
        m_workers.start([this, projectId, releaseId, version, name] { autoDeploy(projectId, releaseId, version, name); });
    }
    return true;
}

void BuildFollower::autoDeploy(const QString &projectId, const QString &releaseId, const QString &version,
                               const QString &environment)
{
    // A redelivered build.completed must not deploy the same release twice.
    const auto earlier = m_service.history(projectId, environment);
    if (earlier.ok())
        for (const Deployment &deployment : *earlier)
            if (deployment.releaseId == releaseId && deployment.kind == QLatin1StringView("auto"))
                return;
    DeployRequest request;
    request.projectId = projectId;
    request.environment = environment;
    request.version = version;
    request.kind = QStringLiteral("auto");
    const auto deployed = m_service.deploy(request, systemIdentity());
    if (!deployed.ok())
        qCWarning(lcWaypoint) << "auto deploy of" << version << "to" << environment
                              << "did not start:" << deployed.error().toString();
}

} // namespace helios::waypoint
