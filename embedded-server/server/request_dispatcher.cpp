// SPDX-License-Identifier: Apache-2.0
#include "request_dispatcher.h"

#include "api_errors.h"
#include "reverse_proxy.h"
#include "router.h"

#include "landing/authenticator.h"
#include "landing/rate_limiter.h"

#include "core/logging.h"

namespace helios::server {

RequestDispatcher::RequestDispatcher(Router &router, landing::Authenticator &authenticator, landing::RateLimiter &limiter)
    : m_router(router)
    , m_authenticator(authenticator)
    , m_limiter(limiter)
{
}

void RequestDispatcher::setUpstreams(QHash<QString, QUrl> upstreams, ReverseProxy *proxy)
{
    m_upstreams = std::move(upstreams);
    m_proxy = proxy;
}

namespace {

// The subsystem whose node serves `path`, empty for the node's own paths.
QString servingSubsystem(const QByteArray &path)
{
    if (path == "/mcp")
        return QStringLiteral("spark");
    if (!path.startsWith("/api/"))
        return {};
    const qsizetype end = path.indexOf('/', 5);
    return QString::fromLatin1(path.mid(5, end < 0 ? -1 : end - 5));
}

} // namespace

bool RequestDispatcher::forward(const HttpRequest &request, HttpResponder &responder)
{
    if (m_upstreams.isEmpty())
        return false;
    const auto upstream = m_upstreams.constFind(servingSubsystem(request.path));
    if (upstream == m_upstreams.constEnd())
        return false;
    QString subject;
    const QByteArray authorization = request.header("authorization");
    if (!authorization.isEmpty()) {
        auto identity = m_authenticator.authenticate(authorization);
        if (!identity && identity.error().code == ErrorCode::Unauthenticated) {
            responder.sendError(401, QByteArrayLiteral("unauthenticated"), identity.error().message,
                                {{QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer realm=\"helios\"")}});
            return true;
        }
        // A valid token of an unknown user is the upstream's to refuse, with its reason.
        if (identity && !identity->anonymous)
            subject = identity->subject;
    }
    if (!admitted(request, subject, responder))
        return true;
    m_proxy->forward(*upstream, request, responder);
    return true;
}

bool RequestDispatcher::forwardedByGateway(const HttpRequest &request) const
{
    return !m_trustedGateways.isEmpty() && !request.header("x-forwarded-for").isEmpty()
        && m_trustedGateways.contains(request.peerAddress);
}

bool RequestDispatcher::admitted(const HttpRequest &request, const QString &subject, HttpResponder &responder)
{
    if (forwardedByGateway(request))
        return true;
    auto decision = m_limiter.admit(subject.toUtf8(), request.peerAddress.toString().toLatin1());
    if (!decision) {
        // A limiter that cannot reach the Cache must not take the service down with it.
        qCWarning(lcServer).noquote() << "rate limit not checked:" << decision.error().toString();
        return true;
    }
    if (decision->allowed)
        return true;
    const qint64 seconds = std::max<qint64>(1, (decision->retryAfter.count() + 999) / 1000);
    responder.sendError(429, QByteArrayLiteral("rate_limited"),
                        QStringLiteral("too many requests; retry in %1 s").arg(seconds),
                        {{QByteArrayLiteral("retry-after"), QByteArray::number(seconds)}});
    return false;
}

void RequestDispatcher::dispatch(const HttpRequest &request, HttpResponder responder)
{
    if (forward(request, responder))
        return;
    const qsizetype q = request.target.indexOf('?');
    const Router::Match match = m_router.match(request.method, QByteArrayView(request.target).first(q < 0 ? request.target.size() : q));
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            responder.sendError(405, QByteArrayLiteral("method_not_allowed"),
                                QStringLiteral("allowed: %1").arg(QString::fromLatin1(match.allowedMethods.join(", "))),
                                {{QByteArrayLiteral("allow"), match.allowedMethods.join(", ")}});
        } else {
            responder.sendError(404, QByteArrayLiteral("not_found"),
                                QStringLiteral("no route for %1").arg(QString::fromUtf8(request.path)));
        }
        return;
    }

    RequestContext context{request, std::move(responder), match.parameters, std::nullopt};
    const std::optional<landing::Role> role = requiredRole(match.route->spec.access);
    if (!role && !admitted(request, {}, context.responder))
        return;
    if (role) {
        auto identity = m_authenticator.authenticate(request.header("authorization"));
        if (!identity) {
            // Failed attempts count against the address, so guessing tokens is limited too.
            if (!admitted(request, {}, context.responder))
                return;
            const bool unauthenticated = identity.error().code == ErrorCode::Unauthenticated;
            HttpHeaders headers;
            if (unauthenticated)
                headers.append({QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer realm=\"helios\"")});
            context.responder.sendError(unauthenticated ? 401 : 403,
                                        unauthenticated ? QByteArrayLiteral("unauthenticated") : QByteArrayLiteral("forbidden"),
                                        identity.error().message, headers);
            return;
        }
        context.identity = *identity;
        if (!admitted(request, identity->anonymous ? QString() : identity->subject, context.responder))
            return;
        if (int(identity->role) < int(*role)) {
            context.responder.sendError(403, QByteArrayLiteral("forbidden"),
                                        QStringLiteral("this needs the %1 role; %2 has %3")
                                            .arg(landing::roleName(*role), identity->subject, landing::roleName(identity->role)));
            return;
        }
    }
    match.route->handler(context);
}

} // namespace helios::server
