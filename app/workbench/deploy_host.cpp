// SPDX-License-Identifier: Apache-2.0
#include "deploy_host.h"

#include "site_server.h"

#include "core/config.h"
#include "engine.h"
#include "waypoint/local_sites.h"
#include "waypoint/waypoint_service.h"

#include <QDir>
#include <QHostAddress>

namespace helios::workbench {

DeployHost::DeployHost() = default;

DeployHost::~DeployHost()
{
    // The service's deploys probe the server: they end first.
    m_service.reset();
    m_server.reset();
}

Result<void> DeployHost::start(Engine &engine)
{
    const Result<quint16> port = waypoint::LocalSites::configuredPort(engine.config());
    HELIOS_TRY(port);
    m_requestedPort = *port;
    const QString root = QDir(engine.config().dataDir()).filePath(QStringLiteral("waypoint/deployments"));
    if (!QDir().mkpath(root))
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot create the deployments directory %1").arg(root), root);
    m_sites = std::make_shared<waypoint::LocalSites>(root);

    const QHostAddress loopback(QHostAddress::LocalHost);
    Result<std::unique_ptr<server::SiteServer>> started = server::SiteServer::start(m_sites, loopback, *port);
    if (!started.ok() && *port != 0) {
        m_fallbackReason = started.error().toString();
        started = server::SiteServer::start(m_sites, loopback, 0);
    }
    HELIOS_TRY(started);
    m_server = std::move(*started);

    waypoint::WaypointService::Options options;
    options.sites = m_sites;
    options.sitesProbeBase = m_server->baseUrl();
    m_service = std::make_unique<waypoint::WaypointService>(engine, std::move(options));
    if (const Result<void> following = m_service->followBuilds(); !following.ok())
        m_followError = following.error().toString();
    return {};
}

QUrl DeployHost::sitesUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

} // namespace helios::workbench
