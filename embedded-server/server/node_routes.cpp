// SPDX-License-Identifier: Apache-2.0
#include "node_routes.h"

#include "router.h"
#include "upstream_monitor.h"

#include "health.h"
#include "landing_page_model.h"
#include "landing_page_renderer.h"
#include "metrics_registry.h"
#include "readiness.h"

#include "landing/authenticator.h"

namespace helios::server {

namespace {

QJsonObject described(const QString &description)
{
    return {{QStringLiteral("description"), description}};
}

LandingPageModel landingModel(const NodeRoutes &node, const HttpRequest &request)
{
    LandingPageModel model;
    model.version = node.health.version();
    if (!request.header("authorization").isEmpty()) {
        if (auto identity = node.authenticator.authenticate(request.header("authorization")); identity && !identity->anonymous)
            model.user = LandingUser{identity->subject, landing::roleName(identity->role)};
    }
    // defaultSubsystems() links each to "/" or "/api/<name>/"; only the health is ours.
    model.subsystems = defaultSubsystems();
    for (LandingSubsystem &shown : model.subsystems) {
        if (runsOn(shown.name, node.role)) {
            shown.health = SubsystemHealth::Up;
            shown.detail = QStringLiteral("in-process");
            continue;
        }
        const UpstreamMonitor::Status status = node.upstreams.status(shown.name);
        shown.health = status.state == UpstreamMonitor::State::Up     ? SubsystemHealth::Up
                       : status.state == UpstreamMonitor::State::Down ? SubsystemHealth::Down
                                                                       : SubsystemHealth::Unknown;
        shown.detail = status.detail.isEmpty() ? QStringLiteral("no upstream configured") : status.detail;
    }
    return model;
}

} // namespace

void addNodeRoutes(Router &router, const NodeRoutes &node)
{
    router.add({QByteArrayLiteral("GET"), QStringLiteral("/healthz"), Access::Public,
                QStringLiteral("The process is alive"), QStringLiteral("node"), {},
                {{QStringLiteral("200"), described(QStringLiteral("Alive: version and uptime"))}}},
               [&health = node.health](RequestContext &context) {
                   context.responder.send(200, QByteArrayLiteral("application/json"), health.bodyBytes());
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/readyz"), Access::Public,
                QStringLiteral("Every configured back end is reachable (per back end detail)"), QStringLiteral("node"), {},
                {{QStringLiteral("200"), described(QStringLiteral("Ready"))},
                 {QStringLiteral("503"), described(QStringLiteral("A back end is not reachable"))}}},
               [&readiness = node.readiness](RequestContext &context) {
                   readiness.check(&readiness, [responder = context.responder](const ReadinessReport &report) mutable {
                       responder.send(report.httpStatus(), QByteArrayLiteral("application/json"), report.toJsonBytes());
                   });
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/metrics"), Access::Public,
                QStringLiteral("Prometheus metrics: requests, latency, back end errors, bus lag"), QStringLiteral("node"), {},
                {{QStringLiteral("200"), described(QStringLiteral("Text exposition format 0.0.4"))}},
                QByteArrayLiteral("text/plain")},
               [&metrics = node.metrics](RequestContext &context) {
                   context.responder.send(200, MetricsRegistry::contentType(), metrics.exposition());
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/openapi.json"), Access::Public,
                QStringLiteral("This document"), QStringLiteral("node"), {},
                {{QStringLiteral("200"), described(QStringLiteral("OpenAPI 3.1"))}}},
               [&openApi = node.openApi](RequestContext &context) {
                   context.responder.send(200, QByteArrayLiteral("application/json"), openApi);
               });

    // The WebSocket handshake is taken before routing; what reaches this route is a plain
    // GET (or a refused handshake, answered 401 by the gateway before this).
    router.add({QByteArrayLiteral("GET"), QStringLiteral("/api/events"), Access::Viewer,
                QStringLiteral("WebSocket event stream: Bus events matching ?subject= (default \">\") as CloudEvents JSON"),
                QStringLiteral("events"), {},
                {{QStringLiteral("101"), described(QStringLiteral("Switching to the WebSocket protocol"))},
                 {QStringLiteral("426"), described(QStringLiteral("Not a WebSocket handshake"))}}},
               [](RequestContext &context) {
                   context.responder.sendError(426, QByteArrayLiteral("upgrade_required"),
                                               QStringLiteral("open this URL as a WebSocket"),
                                               {{QByteArrayLiteral("upgrade"), QByteArrayLiteral("websocket")}});
               });

    router.add({QByteArrayLiteral("GET"), QStringLiteral("/"), Access::Public,
                QStringLiteral("The landing page: the six subsystems with their health, and who is signed in"),
                QStringLiteral("landing"), {}, {{QStringLiteral("200"), described(QStringLiteral("HTML"))}},
                QByteArrayLiteral("text/html")},
               [node](RequestContext &context) {
                   if (context.request.localPort != *node.landingPort)
                       return context.responder.sendError(404, QByteArrayLiteral("not_found"),
                                                          QStringLiteral("the landing page is on the LANDING port"));
                   context.responder.send(200, QByteArrayLiteral("text/html; charset=utf-8"),
                                          LandingPageRenderer::render(landingModel(node, context.request)));
               });
}

} // namespace helios::server
