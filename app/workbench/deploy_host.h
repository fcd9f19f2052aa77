// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace helios {
class Engine;
namespace server {
class SiteServer;
}
namespace waypoint {
class LocalSites;
class WaypointService;
} // namespace waypoint
} // namespace helios

namespace helios::workbench {

// The workbench's side of WAYPOINT: the local target's deployments under
// <dataDir>/waypoint/deployments, served on 127.0.0.1 by a SiteServer (its own thread),
// and the WaypointService that deploys into them and follows build.completed, so that
// dev deploys by itself after every build. Destroyed in the reverse order: the service
// (and its deploys) first, then the server its health checks probe.
class DeployHost {
public:
    DeployHost();
    ~DeployHost();

    // Serves on HELIOS_SITES_PORT (default 3105, 0 for a free port); when that port
    // cannot be bound, on a free one, and fallbackReason() says why. Fails when the
    // setting is no port number or no port can be bound.
    Result<void> start(Engine &engine);

    waypoint::WaypointService *service() const { return m_service.get(); }
    QUrl sitesUrl() const;
    // The port the setting asked for (0: any).
    quint16 requestedPort() const { return m_requestedPort; }
    // Empty when the requested port was used.
    QString fallbackReason() const { return m_fallbackReason; }
    // Empty when the service follows the bus's builds.
    QString followError() const { return m_followError; }

private:
    std::shared_ptr<waypoint::LocalSites> m_sites;
    std::unique_ptr<server::SiteServer> m_server;
    std::unique_ptr<waypoint::WaypointService> m_service;
    quint16 m_requestedPort = 0;
    QString m_fallbackReason;
    QString m_followError;
};

} // namespace helios::workbench
