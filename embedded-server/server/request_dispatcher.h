// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"
#include "http_responder.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

namespace helios::landing {
class Authenticator;
class RateLimiter;
}

namespace helios::server {

class ReverseProxy;
class Router;

// The gateway in front of every route. Rate limits (429 with Retry-After) are kept by the
// node the client connected to, once per request: per client address always, per
// identity when a bearer token came along. A request for a subsystem this node does not
// run goes on to that subsystem's node, its token checked here first (401). Otherwise it
// is matched (404 / 405), authenticated (401) and checked against the route's role
// (403) before its handler runs. A request a trusted gateway forwarded was limited there
// and is not counted again.
class RequestDispatcher {
public:
    RequestDispatcher(Router &router, landing::Authenticator &authenticator, landing::RateLimiter &limiter);

    // Requests under /api/<subsystem>/ go to `upstream` ("slate" -> https://node:3001);
    // /mcp, Luminera MCP, to SPARK's (its tools work on SPARK's components).
    void setUpstreams(QHash<QString, QUrl> upstreams, ReverseProxy *proxy);

    // Peers whose X-Forwarded-For requests were already limited (the LANDING node).
    void setTrustedGateways(QList<QHostAddress> gateways) { m_trustedGateways = std::move(gateways); }

    void dispatch(const HttpRequest &request, HttpResponder responder);

private:
    bool forward(const HttpRequest &request, HttpResponder &responder);
    bool admitted(const HttpRequest &request, const QString &subject, HttpResponder &responder);
    bool forwardedByGateway(const HttpRequest &request) const;

    Router &m_router;
    landing::Authenticator &m_authenticator;
    landing::RateLimiter &m_limiter;
    QHash<QString, QUrl> m_upstreams;
    ReverseProxy *m_proxy = nullptr;
    QList<QHostAddress> m_trustedGateways;
};

} // namespace helios::server
