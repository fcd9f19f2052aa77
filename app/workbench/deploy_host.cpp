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

Result<quint16> DeployHost::configuredPort(const Config &config)
{
    const QString text = config.value(QString::fromLatin1(Config::SitesPort)).trimmed();
    if (text.isEmpty())
        return DefaultSitesPort;
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is \"%2\", not a port number from 1 to 65535")
                             .arg(QString::fromLatin1(Config::SitesPort), text));
    return quint16(port);
}

Result<void> DeployHost::start(Engine &engine)
{
    const QString root = QDir(engine.config().dataDir()).filePath(QStringLiteral("waypoint/deployments"));
    if (!QDir().mkpath(root))
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot create the deployments directory %1").arg(root), root);
    m_sites = std::make_shared<waypoint::LocalSites>(root);

    const QHostAddress loopback(QHostAddress::LocalHost);
    Result<std::unique_ptr<server::SiteServer>> started = makeError(ErrorCode::Internal, QStringLiteral("no port tried"));
    if (const Result<quint16> port = configuredPort(engine.config()); port.ok()) {
        started = server::SiteServer::start(m_sites, loopback, *port);
        if (!started.ok())
            m_fallbackReason = started.error().toString();
    } else {
        m_fallbackReason = port.error().toString();
    }
    if (!started.ok())
        started = server::SiteServer::start(m_sites, loopback, 0);
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
