// SPDX-License-Identifier: Apache-2.0
#include "site_server.h"

#include "http_server.h"
#include "site_request_handler.h"
#include "waypoint/local_sites.h"

#include <QObject>
#include <QThread>

namespace helios::server {

struct SiteServer::Private {
    std::shared_ptr<waypoint::LocalSites> sites;
    QThread thread;
    // Lives on `thread`: the context the server is made and destroyed through.
    std::unique_ptr<QObject> anchor;
    HttpServer *server = nullptr; // made, used and deleted on `thread`
    QUrl baseUrl;
};

SiteServer::SiteServer()
    : d(std::make_unique<Private>())
{
}

SiteServer::~SiteServer()
{
    if (d->thread.isRunning()) {
        QMetaObject::invokeMethod(
            d->anchor.get(), [this] { delete std::exchange(d->server, nullptr); }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
}

Result<std::unique_ptr<SiteServer>> SiteServer::start(std::shared_ptr<waypoint::LocalSites> sites,
                                                      const QHostAddress &address, quint16 port)
{
    std::unique_ptr<SiteServer> self(new SiteServer);
    Private &d = *self->d;
    d.sites = std::move(sites);
    d.thread.setObjectName(QStringLiteral("helios-sites"));
    d.anchor = std::make_unique<QObject>();
    d.anchor->moveToThread(&d.thread);
    d.thread.start();

    // The server is made on its own thread, so that its sockets and timers belong there.
    Result<quint16> bound = makeError(ErrorCode::Internal, QStringLiteral("site server thread did not start"));
    QMetaObject::invokeMethod(
        d.anchor.get(),
        [&d, &bound, address, port] {
            HttpServer::Options options;
            options.maxBodyBytes = 0;                   // GET and HEAD only
            options.idleTimeout = std::chrono::seconds(15);
            options.requestTimeout = std::chrono::seconds(15);
            options.accessLog = false;                  // a preview server: the deploy history tells what happened
            d.server = new HttpServer(options);
            const std::shared_ptr<waypoint::LocalSites> served = d.sites;
            d.server->setHandler([served](const HttpRequest &request, HttpResponder responder) {
                answerSiteRequest(*served, request, std::move(responder));
            });
            bound = d.server->listen(address, port);
        },
        Qt::BlockingQueuedConnection);
    if (!bound.ok())
        return bound.error(); // the destructor deletes the server and stops the thread

    // A wildcard address is reached through loopback by the health check in this process.
    const bool wildcard = address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
                          address == QHostAddress::AnyIPv6;
    d.baseUrl.setScheme(QStringLiteral("http"));
    d.baseUrl.setHost(wildcard ? QStringLiteral("127.0.0.1") : address.toString());
    d.baseUrl.setPort(*bound);
    return self;
}

QUrl SiteServer::baseUrl() const
{
    return d->baseUrl;
}

} // namespace helios::server
