// SPDX-License-Identifier: Apache-2.0
#include "dev_server.h"

#include "bus/bus.h"
#include "core/config.h"
#include "core/logging.h"
#include "http_request.h"
#include "http_responder.h"
#include "http_server.h"
#include "ignis/dev/dev_module_server.h"
#include "ignis/project_config.h"
#include "ignis/project_watcher.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <vector>

namespace helios::server {

struct DevServer::Private {
    Options options;
    ignis::DevModuleServer modules;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<QWebSocketServer> hmr;
    std::unique_ptr<ignis::ProjectWatcher> watcher;
    std::vector<QWebSocket *> clients;
    std::unique_ptr<data::Subscription> tokenEvents;

    Private(const Config &config, const QString &projectDir, Options o) : options(o), modules(config, projectDir) {}

    void broadcast(const QJsonObject &message)
    {
        const QString text = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
        for (QWebSocket *client : clients) {
            client->sendTextMessage(text);
            client->flush();  // now, not on the next event loop turn
        }
    }
};

DevServer::DevServer(const Config &config, const QString &projectDir, Options options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(config, projectDir, options))
{
}

DevServer::~DevServer() { stop(); }

Result<void> DevServer::start()
{
    HELIOS_TRY(d->modules.open());
    d->modules.startWarming();
    const QHostAddress address(d->options.host);
    if (address.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an address: %1").arg(d->options.host));

    d->hmr = std::make_unique<QWebSocketServer>(QStringLiteral("helios-hmr"), QWebSocketServer::NonSecureMode);
    if (!d->hmr->listen(address, d->options.hmrPort))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot listen for hot updates on %1:%2: %3")
                             .arg(d->options.host)
                             .arg(d->options.hmrPort)
                             .arg(d->hmr->errorString()));
    connect(d->hmr.get(), &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *client = d->hmr->nextPendingConnection()) {
            d->clients.push_back(client);
            connect(client, &QWebSocket::disconnected, this, [this, client] {
                std::erase(d->clients, client);
                client->deleteLater();
            });
            client->sendTextMessage(QStringLiteral("{\"type\":\"connected\"}"));
        }
    });
    d->modules.setHmrPort(d->hmr->serverPort());

    HttpServer::Options httpOptions;
    httpOptions.accessLog = false;
    d->http = std::make_unique<HttpServer>(httpOptions);
    d->http->setHandler([this](const HttpRequest &request, HttpResponder responder) {
        if (request.method != "GET" && request.method != "HEAD") {
            responder.sendError(405, "method_not_allowed", QStringLiteral("the dev server only serves GET"));
            return;
        }
        serveWhenReady(QString::fromUtf8(request.path), QString::fromUtf8(request.query), std::move(responder));
    });
    auto port = d->http->listen(address, d->options.port);
    if (!port.ok())
        return port.error();

    const ignis::ProjectConfig &project = d->modules.project();
    // A short quiet time: an editor's save is a burst of events within a few ms, and
    // every ms here is a ms of edit-to-screen latency (the production build's --watch can
    // afford the default).
    d->watcher = std::make_unique<ignis::ProjectWatcher>(project.projectDir, QStringList{project.outDirRelative}, 8);
    // The first event of a burst is handled at once (a save is usually one event or two
    // within a ms); the settled burst after the quiet time only sends what that missed.
    d->watcher->setLeadingEdge(true);
    connect(d->watcher.get(), &ignis::ProjectWatcher::changedEarly, this, [this](const QStringList &paths) {
        QElapsedTimer clock;
        clock.start();
        const QList<QJsonObject> messages = d->modules.filesChanged(paths, ignis::DevModuleServer::ChangeTiming::Early);
        for (const QJsonObject &message : messages)
            d->broadcast(message);
        qCDebug(lcIgnis) << "early change of" << paths << "sent" << messages.size() << "messages in" << clock.nsecsElapsed() / 1000 << "us";
        if (!messages.isEmpty())
            Q_EMIT changesSent(int(messages.size()));
    });
    connect(d->watcher.get(), &ignis::ProjectWatcher::changed, this, [this](const QStringList &paths) {
        const QList<QJsonObject> messages = d->modules.filesChanged(paths);
        for (const QJsonObject &message : messages)
            d->broadcast(message);
        Q_EMIT changesSent(int(messages.size()));
    });
    qCInfo(lcIgnis).noquote() << "dev server for" << project.projectDir
                              << QStringLiteral("on http://%1:%2/, hot updates on port %3")
                                     .arg(d->options.host)
                                     .arg(*port)
                                     .arg(d->hmr->serverPort());
    return {};
}

// The first page compiles on another thread while the server starts, and packages are
// pre-bundled on another thread while the page loads: requests that need either wait for
// it without holding up the others.
void DevServer::afterFirstPage(std::function<void()> then)
{
    const QFuture<void> compiled = d->modules.firstPageCompiled();
    if (compiled.isFinished()) {
        QTimer::singleShot(0, this, std::move(then));
        return;
    }
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, then = std::move(then)] {
        watcher->deleteLater();
        QTimer::singleShot(0, this, then);  // after the requests that waited for the compile too
    });
    watcher->setFuture(compiled);
}

void DevServer::serveWhenReady(const QString &path, const QString &query, HttpResponder responder)
{
    const QFuture<void> pending = d->modules.pendingFor(path);
    if (!pending.isFinished()) {
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, path, query, responder]() mutable {
            watcher->deleteLater();
            serveWhenReady(path, query, std::move(responder));
        });
        watcher->setFuture(pending);
        return;
    }
    const ignis::DevResponse response = d->modules.get(path, query);
    responder.send(response.status, response.contentType, response.body, {{"Cache-Control", "no-cache"}});
}

quint16 DevServer::port() const { return d->http ? d->http->port() : 0; }

quint16 DevServer::hmrPort() const { return d->hmr ? d->hmr->serverPort() : 0; }

int DevServer::clientCount() const { return int(d->clients.size()); }

Result<void> DevServer::followTokenEvents(data::Bus &bus)
{
    auto subscription = bus.subscribe({QStringLiteral("token.updated"), {}}, [this](const data::Event &) {
        // On the bus's thread: the work happens on ours.
        QMetaObject::invokeMethod(this, [this] {
            for (const QJsonObject &message : d->modules.tokensChanged())
                d->broadcast(message);
            Q_EMIT changesSent(1);
        });
        return true;
    });
    HELIOS_TRY(subscription);
    d->tokenEvents = std::move(*subscription);
    return {};
}

void DevServer::stop()
{
    d->tokenEvents.reset();
    d->watcher.reset();
    for (QWebSocket *client : std::exchange(d->clients, {}))
        client->close();
    if (d->hmr)
        d->hmr->close();
    d->http.reset();
}

} // namespace helios::server
