// SPDX-License-Identifier: Apache-2.0
#include "waypoint_cli_support.h"

#include "site_server.h"

#include "core/config.h"
#include "engine.h"
#include "waypoint/deployment_history.h"
#include "waypoint/local_sites.h"
#include "waypoint/waypoint_service.h"

#include <QDir>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>
#include <QTextStream>

namespace helios::cli {

namespace {

// How long `helios build` waits for WAYPOINT to release the build and deploy it: an
// image publish, an unpack and a health check with its retries.
constexpr int followUpTimeoutMs = 120000;
constexpr int followUpPollMs = 50;

// The release the service made of `buildId`, once it has (nullopt at the deadline).
std::optional<waypoint::Release> awaitRelease(waypoint::DeploymentHistory &history, const QString &buildId,
                                              const QDeadlineTimer &deadline)
{
    while (!deadline.hasExpired()) {
        const auto release = history.releaseOfBuild(buildId);
        if (release.ok() && release->has_value())
            return **release;
        QThread::msleep(followUpPollMs);
    }
    return std::nullopt;
}

// The automatic deployment of `release` to `environment` once it has ended.
std::optional<waypoint::Deployment> awaitAutoDeployment(waypoint::WaypointService &service,
                                                        const waypoint::Release &release, const QString &environment,
                                                        const QDeadlineTimer &deadline)
{
    while (!deadline.hasExpired()) {
        const auto history = service.history(release.projectId, environment);
        if (history.ok())
            for (const waypoint::Deployment &deployment : *history)
                if (deployment.releaseId == release.id && deployment.kind == QLatin1StringView("auto")
                    && deployment.status != waypoint::DeploymentStatus::Running)
                    return deployment;
        QThread::msleep(followUpPollMs);
    }
    return std::nullopt;
}

} // namespace

WaypointSession::~WaypointSession() = default;

Result<std::unique_ptr<WaypointSession>> WaypointSession::open(const Config &config)
{
    auto engine = Engine::open(config);
    HELIOS_TRY(engine);
    auto session = over(**engine);
    HELIOS_TRY(session);
    (*session)->ownedEngine = std::move(*engine);
    return session;
}

Result<std::unique_ptr<WaypointSession>> WaypointSession::over(Engine &engine)
{
    const Config &config = engine.config();
    auto session = std::make_unique<WaypointSession>();
    session->engine = &engine;
    // Where users reach the deployments: the port `helios serve` or the workbench serves
    // them on, which must be a fixed one for this process to name it.
    const auto publicPort = waypoint::LocalSites::configuredPort(config);
    HELIOS_TRY(publicPort);
    if (*publicPort == 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is 0 (a free port): set the port `helios serve` or the workbench serves deployments on")
                             .arg(QString::fromLatin1(Config::SitesPort)),
                         config.sourceOf(QString::fromLatin1(Config::SitesPort)));
    session->sites = std::make_shared<waypoint::LocalSites>(QDir(config.dataDir()).filePath(QStringLiteral("waypoint/deployments")));
    // The health check needs the new deployment served before the environment switches to
    // it; this process serves it itself rather than relying on a `helios serve` running.
    auto siteServer = server::SiteServer::start(session->sites, QHostAddress::LocalHost, 0);
    HELIOS_TRY(siteServer);
    session->siteServer = std::move(*siteServer);
    waypoint::WaypointService::Options options;
    options.sites = session->sites;
    options.sitesProbeBase = session->siteServer->baseUrl();
    options.sitesPublicBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(*publicPort));
    session->service = std::make_unique<waypoint::WaypointService>(engine, options);
    return session;
}

void reportReleaseOfBuild(WaypointSession &session, const QString &buildId, QTextStream &out)
{
    const QDeadlineTimer deadline(followUpTimeoutMs);
    waypoint::DeploymentHistory history(session.engine->store());
    const std::optional<waypoint::Release> release = awaitRelease(history, buildId, deadline);
    if (!release) {
        out << "no release was made of build " << buildId << " (the log above says why)\n";
        return;
    }
    out << "released " << release->version << " (#" << release->number << ", " << shortDigest(release->imageDigest)
        << ")\n";
    const auto environments = session.service->environments(release->projectId);
    if (!environments.ok()) {
        out << "cannot read the environments: " << environments.error().toString() << '\n';
        return;
    }
    for (const waypoint::EnvironmentState &environment : *environments) {
        if (!environment.policy.autoDeploy)
            continue;
        const auto deployment = awaitAutoDeployment(*session.service, *release, environment.name, deadline);
        if (!deployment) {
            out << "deploy of " << release->version << " to " << environment.name << " did not finish in time\n";
        } else if (deployment->status == waypoint::DeploymentStatus::AwaitingApproval) {
            out << release->version << " waits for approval to " << environment.name << ": run helios deploy "
                << environment.name << " --approve\n";
        } else if (deployment->status == waypoint::DeploymentStatus::Succeeded) {
            out << "deployed " << release->version << " to " << environment.name << " in " << deployment->durationMs
                << " ms: " << deployment->url << '\n';
        } else {
            out << "deploy of " << release->version << " to " << environment.name << " "
                << waypoint::deploymentStatusName(deployment->status) << ": " << deployment->error
                << (deployment->rolledBackTo.isEmpty() ? QString() : QStringLiteral("; rolled back to ") + deployment->rolledBackTo)
                << '\n';
        }
    }
    // Nothing the service started may outlive the session.
    session.service->waitForIdle(int(std::max<qint64>(deadline.remainingTime(), 0)));
}

Result<QString> projectIdOf(waypoint::WaypointService &service, const QString &dir)
{
    const QFileInfo project(dir);
    if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("helios.json"))))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 has no helios.json; pass the project with --project DIR")
                             .arg(QDir::toNativeSeparators(project.absoluteFilePath())),
                         project.absoluteFilePath());
    return service.projectIdFor(project.absoluteFilePath());
}

Result<QString> releasedProjectIdOf(waypoint::WaypointService &service, const QString &dir)
{
    const auto projectId = projectIdOf(service, dir);
    HELIOS_TRY(projectId);
    const auto releases = service.releases(*projectId);
    HELIOS_TRY(releases);
    if (releases->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 has no releases yet; `helios build` makes one")
                                                  .arg(QDir::toNativeSeparators(QFileInfo(dir).absoluteFilePath())));
    return *projectId;
}

QString shortDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    return digest.left(colon + 1 + 12);
}

void printSteps(QTextStream &out, const waypoint::Deployment &deployment)
{
    for (const waypoint::DeploymentStep &step : deployment.steps)
        out << "  " << step.name.leftJustified(9) << ' ' << (step.ok ? "ok    " : "FAILED") << ' '
            << QString::number(step.ms).rightJustified(6) << " ms  " << step.detail << '\n';
}

} // namespace helios::cli
