// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node_role.h"

#include <QByteArray>

namespace helios::landing {
class Authenticator;
}

namespace helios::server {

class Health;
class MetricsRegistry;
class Readiness;
class Router;
class UpstreamMonitor;

// What the routes every node serves need; all of it outlives the router.
struct NodeRoutes {
    Health &health;
    MetricsRegistry &metrics;
    Readiness &readiness;
    const QByteArray &openApi;        // filled once every route is registered
    landing::Authenticator &authenticator;
    UpstreamMonitor &upstreams;
    NodeRole role;
    const quint16 *landingPort;       // 0 until bound; the landing page is served only there
};

// Public routes of every port: /healthz, /readyz, /metrics, /openapi.json, and the web
// landing page at / (LANDING port only).
void addNodeRoutes(Router &router, const NodeRoutes &node);

} // namespace helios::server
