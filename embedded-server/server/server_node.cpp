// SPDX-License-Identifier: Apache-2.0
#include "server_node.h"

#include "event_stream.h"
#include "node_routes.h"
#include "openapi_document.h"
#include "request_dispatcher.h"
#include "reverse_proxy.h"
#include "router.h"
#include "slate_api.h"
#include "upstream_monitor.h"
#include "waypoint_api.h"

#include "health.h"
#include "http_server.h"
#include "mcp_http_endpoint.h"
#include "metrics_registry.h"
#include "readiness.h"
#include "server_tls.h"
#include "site_server.h"

#include "core/config.h"
#include "core/logging.h"
#include "core/port_setting.h"
#include "engine.h"
#include "landing/authenticator.h"
#include "landing/rate_limiter.h"
#include "slate/token_library.h"
#include "waypoint/local_sites.h"
#include "waypoint/waypoint_service.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonDocument>
#include <QSslCertificate>

namespace helios::server {

struct ServerNode::Private {
    Engine *engine = nullptr;
    Options options;
    std::unique_ptr<landing::Authenticator> authenticator;
    std::unique_ptr<landing::RateLimiter> limiter;
    std::unique_ptr<slate::TokenLibrary> slate;
    // Before the router: its WAYPOINT routes wait for their deploys when destroyed.
    std::shared_ptr<waypoint::LocalSites> sites;
    std::unique_ptr<SiteServer> siteServer;
    std::unique_ptr<waypoint::WaypointService> waypoint;
    std::unique_ptr<McpHttpEndpoint> mcp;
    Router router;
    std::unique_ptr<MetricsRegistry> metrics;
    std::unique_ptr<Health> health;
    Readiness *readiness = nullptr;
    ReverseProxy *proxy = nullptr;
    UpstreamMonitor *upstreams = nullptr;
    EventStream *events = nullptr;
    std::unique_ptr<RequestDispatcher> gateway; // the LANDING port: may forward
    std::unique_ptr<RequestDispatcher> direct;  // every other port
    QList<std::pair<QString, HttpServer *>> servers;
    QByteArray openApi;
    quint16 landingPort = 0;
    int draining = 0;
};

namespace {

Result<landing::RateLimit> rateLimit(const Config &config, const char *key, landing::RateLimit fallback)
{
    const QString text = config.value(QString::fromLatin1(key));
    if (text.isEmpty())
        return fallback;
    auto limit = landing::RateLimit::parse(text);
    if (!limit)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(QLatin1StringView(key), limit.error().message),
                         config.sourceOf(QString::fromLatin1(key)));
    return *limit;
}

Result<QSslConfiguration> serverTls(const Config &config)
{
    const QString cert = config.value(QString::fromLatin1(Config::TlsCert));
    const QString key = config.value(QString::fromLatin1(Config::TlsKey));
    if (cert.isEmpty() != key.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 and %2 are set together or not at all")
                             .arg(QLatin1StringView(Config::TlsCert), QLatin1StringView(Config::TlsKey)));
    if (!cert.isEmpty())
        return ServerTls::fromFiles(cert, key);
    return ServerTls::selfSigned(config.dataDir());
}

// The client side: the system's CAs plus HELIOS_TLS_CA, for upstream nodes.
Result<QSslConfiguration> clientTls(const Config &config)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    const QString caPath = config.value(QString::fromLatin1(Config::TlsCa));
    if (caPath.isEmpty())
        return tls;
    QFile file(caPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(caPath, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 holds no PEM certificate").arg(caPath));
    tls.addCaCertificates(certificates);
    return tls;
}

Result<quint16> portFor(const Config &config, const Subsystem &subsystem)
{
    return portSetting(config, QStringLiteral("HELIOS_%1_PORT").arg(subsystem.id.toUpper()), subsystem.defaultPort);
}

// WAYPOINT's local target: its deployments served over plain HTTP on the node's address
// at HELIOS_SITES_PORT (the health check probes them there), and every successful build
// released and deployed to the environments that take every build.
Result<void> startWaypoint(ServerNode::Options options, Engine &engine, std::shared_ptr<waypoint::LocalSites> &sites,
                           std::unique_ptr<SiteServer> &siteServer, std::unique_ptr<waypoint::WaypointService> &service)
{
    const Config &config = engine.config();
    const Result<quint16> port = waypoint::LocalSites::configuredPort(config);
    HELIOS_TRY(port);
    sites = std::make_shared<waypoint::LocalSites>(QDir(config.dataDir()).filePath(QStringLiteral("waypoint/deployments")));
    auto started = SiteServer::start(sites, options.address, *port);
    if (!started)
        return makeError(ErrorCode::Unavailable, QStringLiteral("WAYPOINT's sites cannot listen on %1:%2: %3")
                                                     .arg(options.address.toString())
                                                     .arg(*port)
                                                     .arg(started.error().message));
    siteServer = std::move(*started);
    const quint16 bound = quint16(siteServer->baseUrl().port());
    const bool anyAddress = options.address == QHostAddress::Any || options.address == QHostAddress::AnyIPv4
                            || options.address == QHostAddress::AnyIPv6;
    waypoint::WaypointService::Options serviceOptions;
    serviceOptions.sites = sites;
    serviceOptions.sitesProbeBase =
        anyAddress ? QUrl(QStringLiteral("http://127.0.0.1:%1").arg(bound)) : siteServer->baseUrl();
    // Users are given the machine's name when the node listens on every address.
    serviceOptions.sitesPublicBase =
        anyAddress ? QUrl(QStringLiteral("http://%1:%2").arg(QHostInfo::localHostName()).arg(bound)) : QUrl();
    service = std::make_unique<waypoint::WaypointService>(engine, serviceOptions);
    return service->followBuilds();
}

// Luminera MCP's Streamable HTTP endpoint on the node that runs SPARK, whose components its
// tools read and write. POST and DELETE; GET is not routed, so the router answers 405 as
// the spec asks of a server without a server-initiated stream. Reads need a viewer; the
// tools that write check for a developer themselves.
Result<void> addMcpRoutes(Engine &engine, Router &router, std::unique_ptr<McpHttpEndpoint> &endpoint)
{
    const Config &config = engine.config();
    const QString key = QString::fromLatin1(Config::McpProject);
    McpHttpEndpoint::Options options;
    options.projectDir = config.value(key);
    if (!options.projectDir.isEmpty() && !QFileInfo(options.projectDir).isDir())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a project directory; %2 is not a directory")
                                                         .arg(key, options.projectDir), config.sourceOf(key));
    endpoint = std::make_unique<McpHttpEndpoint>(engine, options);
    const QJsonObject responses{
        {QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), QStringLiteral("The JSON-RPC response")}}},
        {QStringLiteral("202"), QJsonObject{{QStringLiteral("description"), QStringLiteral("A notification or response, accepted")}}},
        {QStringLiteral("400"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Not one JSON-RPC message, or its headers do not fit it")}}},
        {QStringLiteral("404"), QJsonObject{{QStringLiteral("description"), QStringLiteral("No such session (or, 2026-07-28, no such method)")}}},
        {QStringLiteral("503"), QJsonObject{{QStringLiteral("description"), QStringLiteral("HELIOS_MCP_PROJECT is not set")}}}};
    McpHttpEndpoint *mcp = endpoint.get();
    router.add({QByteArrayLiteral("POST"), QStringLiteral("/mcp"), Access::Viewer,
                QStringLiteral("Luminera MCP (Streamable HTTP): one JSON-RPC message"), QStringLiteral("mcp"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}, responses},
               [mcp](RequestContext &context) { mcp->post(context.request, *context.identity, context.responder); });
    router.add({QByteArrayLiteral("DELETE"), QStringLiteral("/mcp"), Access::Viewer,
                QStringLiteral("Ends the Luminera MCP session named by Mcp-Session-Id"), QStringLiteral("mcp"), {},
                QJsonObject{{QStringLiteral("204"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Ended")}}},
                            {QStringLiteral("404"), QJsonObject{{QStringLiteral("description"), QStringLiteral("No such session")}}}}},
               [mcp](RequestContext &context) { mcp->remove(context.request, *context.identity, context.responder); });
    return {};
}

} // namespace

ServerNode::ServerNode()
    : d(std::make_unique<Private>())
{
}

ServerNode::~ServerNode()
{
    for (const auto &[name, server] : std::as_const(d->servers))
        delete server;
}

QList<ServerNode::Listener> ServerNode::listeners() const
{
    QList<Listener> out;
    for (const auto &[name, server] : d->servers)
        out.append({name, server->port()});
    return out;
}

QUrl ServerNode::sitesUrl() const
{
    return d->siteServer ? d->siteServer->baseUrl() : QUrl();
}

const Router &ServerNode::router() const
{
    return d->router;
}

QByteArray ServerNode::openApiJson() const
{
    return d->openApi;
}

Result<std::unique_ptr<ServerNode>> ServerNode::start(Engine &engine, Options options)
{
    const Config &config = engine.config();
    std::unique_ptr<ServerNode> node(new ServerNode);
    Private &p = *node->d;
    p.engine = &engine;
    p.options = options;

    auto auth = landing::AuthSettings::fromConfig(config);
    if (!auth)
        return auth.error();
    if (auth->anonymousAllowed && !options.address.isLoopback())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1=1 allows anonymous access only on a loopback address, not %2")
                             .arg(QLatin1StringView(Config::Anonymous), options.address.toString()));
    auto perIdentity = rateLimit(config, Config::RateLimitIdentity, {120, 60});
    if (!perIdentity)
        return perIdentity.error();
    auto perAddress = rateLimit(config, Config::RateLimitAddress, {600, 300});
    if (!perAddress)
        return perAddress.error();
    auto tls = serverTls(config);
    if (!tls)
        return tls.error();
    auto upstreamTls = clientTls(config);
    if (!upstreamTls)
        return upstreamTls.error();

    p.authenticator = std::make_unique<landing::Authenticator>(*auth, engine.store(), engine.cache());
    p.limiter = std::make_unique<landing::RateLimiter>(engine.cache(), *perIdentity, *perAddress);
    p.metrics = std::make_unique<MetricsRegistry>(QStringLiteral(HELIOS_VERSION));
    p.health = std::make_unique<Health>(QStringLiteral(HELIOS_VERSION));
    p.readiness = new Readiness(engine, {}, node.get());
    p.proxy = new ReverseProxy(*upstreamTls, std::chrono::seconds(30), node.get());
    p.events = new EventStream(engine.bus(), *p.authenticator, *p.metrics, node.get());

    QHash<QString, QUrl> upstreams;
    for (const Subsystem &subsystem : subsystems()) {
        if (runsOn(subsystem, options.role))
            continue;
        const QString url = config.value(QStringLiteral("HELIOS_%1_UPSTREAM").arg(subsystem.id.toUpper()));
        if (!url.isEmpty())
            upstreams.insert(subsystem.id, QUrl(url));
    }
    p.upstreams = new UpstreamMonitor(upstreams, *upstreamTls, node.get());

    if (runsOn(u"slate", options.role)) {
        p.slate = std::make_unique<slate::TokenLibrary>(engine.store(), engine.cache(), engine.bus());
        addSlateRoutes(p.router, *p.slate);
    }
    if (runsOn(u"waypoint", options.role)) {
        auto waypointStarted = startWaypoint(options, engine, p.sites, p.siteServer, p.waypoint);
        if (!waypointStarted)
            return waypointStarted.error();
        addWaypointRoutes(p.router, *p.waypoint);
    }
    if (runsOn(u"spark", options.role)) {
        if (auto mcp = addMcpRoutes(engine, p.router, p.mcp); !mcp)
            return mcp.error();
    }
    node->addPublicRoutes();
    p.openApi = QJsonDocument(openApiDocument(p.router, QStringLiteral("Helios"), QStringLiteral(HELIOS_VERSION)))
                    .toJson(QJsonDocument::Compact);

    p.gateway = std::make_unique<RequestDispatcher>(p.router, *p.authenticator, *p.limiter);
    p.gateway->setUpstreams(upstreams, p.proxy);
    p.direct = std::make_unique<RequestDispatcher>(p.router, *p.authenticator, *p.limiter);
    const QString landingUpstream = config.value(QStringLiteral("HELIOS_LANDING_UPSTREAM"));
    if (!landingUpstream.isEmpty() && !runsOn(u"landing", options.role)) {
        // The gateway limited what it forwards; the address it forwards from is its own.
        const QString host = QUrl(landingUpstream).host();
        QList<QHostAddress> gateways;
        if (QHostAddress literal(host); !literal.isNull())
            gateways.append(literal);
        else
            gateways = QHostInfo::fromName(host).addresses();
        p.direct->setTrustedGateways(gateways);
    }

    HttpServer::Options httpOptions;
    httpOptions.tls = *tls;
    httpOptions.accessLog = options.accessLog;
    const QString maxBody = config.value(QString::fromLatin1(Config::MaxBodyBytes));
    if (!maxBody.isEmpty()) {
        bool ok = false;
        httpOptions.maxBodyBytes = maxBody.toLongLong(&ok);
        if (!ok || httpOptions.maxBodyBytes < 1024)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 must be a number of bytes of at least 1024").arg(QLatin1StringView(Config::MaxBodyBytes)));
    }
    // Request metrics by route pattern, resolved once per route; paths no route matches
    // share one series per method, so the number of series stays bounded.
    auto seriesByRoute = std::make_shared<QHash<const Router::Route *, RequestSeries>>();
    for (const auto &route : p.router.routes())
        seriesByRoute->insert(route.get(), p.metrics->requestSeries(route->spec.pattern, QString::fromLatin1(route->spec.method)));
    auto unmatched = std::make_shared<QHash<QByteArray, RequestSeries>>();
    const auto observe = [node = node.get(), seriesByRoute, unmatched](QByteArrayView method, QByteArrayView path, int status,
                                                                        std::chrono::steady_clock::duration elapsed) {
        const Router::Match match = node->d->router.match(method, path);
        RequestSeries series;
        if (match.route) {
            series = seriesByRoute->value(match.route);
        } else {
            auto it = unmatched->find(method.toByteArray());
            if (it == unmatched->end())
                it = unmatched->insert(method.toByteArray(),
                                       node->d->metrics->requestSeries(QStringLiteral("unmatched"), QString::fromLatin1(method)));
            series = *it;
        }
        series.record(status, std::chrono::duration<double>(elapsed).count());
    };
    connect(p.readiness, &Readiness::readinessChanged, node.get(), [node = node.get()](const ReadinessReport &report) {
        for (const QString &backend : report.failing())
            node->d->metrics->backendErrors(backend).increment();
    });

    for (const Subsystem &subsystem : subsystems()) {
        if (!runsOn(subsystem, options.role))
            continue;
        auto port = portFor(config, subsystem);
        if (!port)
            return port.error();
        auto *server = new HttpServer(httpOptions);
        p.servers.append({subsystem.id, server});
        server->setResponseObserver(observe);
        RequestDispatcher *dispatcher = subsystem.id == u"landing" ? p.gateway.get() : p.direct.get();
        server->setHandler([dispatcher](const HttpRequest &request, HttpResponder responder) {
            dispatcher->dispatch(request, std::move(responder));
        });
        EventStream *events = p.events;
        server->setUpgradeHandler([events](const HttpRequest &request, QTcpSocket *socket) {
            return events->upgrade(request, socket);
        });
        auto bound = server->listen(options.address, *port);
        if (!bound)
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("%1 cannot listen on %2:%3: %4")
                                 .arg(subsystem.id.toUpper(), options.address.toString())
                                 .arg(*port)
                                 .arg(bound.error().message));
        if (subsystem.id == u"landing")
            p.landingPort = *bound;
        connect(server, &HttpServer::drained, node.get(), [node = node.get()]() {
            if (--node->d->draining == 0)
                Q_EMIT node->drained();
        });
    }
    return node;
}

void ServerNode::addPublicRoutes()
{
    Private &p = *d;
    addNodeRoutes(p.router, NodeRoutes{*p.health, *p.metrics, *p.readiness, p.openApi, *p.authenticator,
                                       *p.upstreams, p.options.role, &p.landingPort});
}

void ServerNode::drain(std::chrono::milliseconds deadline)
{
    if (d->draining > 0)
        return;
    d->events->closeAll();
    d->draining = int(d->servers.size());
    if (d->draining == 0) {
        QMetaObject::invokeMethod(this, [this]() { Q_EMIT drained(); }, Qt::QueuedConnection);
        return;
    }
    for (const auto &[name, server] : std::as_const(d->servers))
        server->drain(deadline);
}

} // namespace helios::server
