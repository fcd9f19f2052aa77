// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node_role.h"

#include "core/result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>

namespace helios {
class Engine;
}

namespace helios::server {

class Router;

// One `helios serve` process: an HTTPS listener per subsystem of its role, all sharing
// one router, identity, rate limiter, metrics and readiness. Every port answers
// /healthz, /readyz, /metrics and /openapi.json; the LANDING port also serves the web
// landing page at / and is the gateway: /api/<subsystem>/ goes to the subsystem
// in-process or, for one this node does not run, to the node in
// HELIOS_<SUBSYSTEM>_UPSTREAM. The WebSocket event stream is /api/events on every port.
class ServerNode : public QObject {
    Q_OBJECT
public:
    struct Options {
        NodeRole role = NodeRole::All;
        QHostAddress address = QHostAddress::LocalHost;
        bool accessLog = true;
    };
    struct Listener {
        QString subsystem; // "landing"
        quint16 port = 0;
    };

    // Reads identity, limits, TLS and ports from the engine's Config. Fails with
    // InvalidArgument on bad settings (anonymous access on a non-loopback address
    // included) and Unavailable when a port cannot be bound; nothing is left listening.
    static Result<std::unique_ptr<ServerNode>> start(Engine &engine, Options options);
    ~ServerNode() override;

    QList<Listener> listeners() const;
    // Where WAYPOINT's local deployments are served (plain HTTP, HELIOS_SITES_PORT, the
    // bound port when that is 0); empty when this node's role does not run WAYPOINT.
    QUrl sitesUrl() const;
    // Every route this node serves; the OpenAPI document is generated from it.
    const Router &router() const;
    QByteArray openApiJson() const;

    // Stops accepting; requests in flight finish (until `deadline`), then drained().
    void drain(std::chrono::milliseconds deadline);

Q_SIGNALS:
    void drained();

private:
    ServerNode();
    void addPublicRoutes();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
