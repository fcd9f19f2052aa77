// SPDX-License-Identifier: Apache-2.0
#include "http_server.h"

#include "http_connection.h"

#include "core/logging.h"

#include <QRandomGenerator>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace helios::server {

using namespace std::chrono_literals;

struct HttpServer::Private {
    Options options;
    HttpConnectionHost host;
    QTcpServer *listener = nullptr; // child of the HttpServer
    std::unordered_set<HttpConnection *> connections;
    QTimer sweep;          // timeouts and the access log flush, for every connection at once
    QTimer drainDeadline;
    bool drainedEmitted = false;
};

HttpServer::HttpServer(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->host.limits = {d->options.maxBodyBytes, d->options.maxHeaderBytes};
    d->host.idleTimeout = d->options.idleTimeout;
    d->host.requestTimeout = d->options.requestTimeout;
    d->host.accessLog = d->options.accessLog;
    d->host.idPrefix = QByteArray::number(QRandomGenerator::system()->generate64(), 16);

    // One timer for all connections instead of one per connection: restarting a
    // QTimer per request costs more than scanning the connections a few times a second.
    const auto shortest = std::min(d->options.idleTimeout, d->options.requestTimeout);
    d->sweep.setInterval(std::clamp<std::chrono::milliseconds>(shortest / 4, 10ms, 1000ms));
    connect(&d->sweep, &QTimer::timeout, this, [this] {
        const auto now = HttpConnection::Clock::now();
        // checkTimeouts() may close a connection, which removes it from the set.
        const std::vector<HttpConnection *> all(d->connections.begin(), d->connections.end());
        for (HttpConnection *c : all) {
            if (d->connections.count(c))
                c->checkTimeouts(now);
        }
        if (d->host.accessLog && !d->host.accessLogSink)
            std::fflush(stdout);
    });
    d->drainDeadline.setSingleShot(true);
    connect(&d->drainDeadline, &QTimer::timeout, this, [this] {
        const std::vector<HttpConnection *> all(d->connections.begin(), d->connections.end());
        if (!all.empty())
            qCWarning(lcServer) << "drain deadline passed;" << all.size() << "connections closed with requests in flight";
        for (HttpConnection *c : all) {
            if (d->connections.count(c))
                c->abort();
        }
    });
}

HttpServer::~HttpServer()
{
    // Connections refer to d->host: they go first, without signalling back.
    const std::vector<HttpConnection *> all(d->connections.begin(), d->connections.end());
    d->connections.clear();
    for (HttpConnection *c : all) {
        disconnect(c, nullptr, this, nullptr);
        delete c;
    }
    if (d->listener)
        d->listener->close();
    if (d->host.accessLog && !d->host.accessLogSink)
        std::fflush(stdout);
}

void HttpServer::setHandler(Handler handler)
{
    d->host.handler = std::move(handler);
}

void HttpServer::setUpgradeHandler(UpgradeHandler handler)
{
    d->host.upgradeHandler = std::move(handler);
}

void HttpServer::setAccessLogSink(std::function<void(QByteArrayView)> sink)
{
    d->host.accessLogSink = std::move(sink);
}

void HttpServer::setResponseObserver(ResponseObserver observer)
{
    d->host.responseObserver = std::move(observer);
}

Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    const QString where = address.toString() + u':' + QString::number(port);
    if (d->listener && d->listener->isListening())
        return makeError(ErrorCode::Conflict, QStringLiteral("already listening"), where);
    delete d->listener;
    if (d->options.tls) {
        auto *tls = new QSslServer(this);
        QSslConfiguration config = *d->options.tls;
        if (config.protocol() != QSsl::TlsV1_3OrLater && config.protocol() != QSsl::TlsV1_3)
            config.setProtocol(QSsl::TlsV1_2OrLater);
        tls->setSslConfiguration(config);
        // A client that connects and never completes the handshake must not hold a
        // socket forever; QSslServer drops it after this.
        const auto handshake = std::clamp<std::chrono::milliseconds>(d->options.requestTimeout, 100ms, 10'000ms);
        tls->setHandshakeTimeout(int(handshake.count()));
        connect(tls, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError error) {
            qCDebug(lcServer) << "TLS socket error from" << socket->peerAddress() << error << socket->errorString();
        });
        connect(tls, &QSslServer::sslErrors, this, [](QSslSocket *socket, const QList<QSslError> &errors) {
            qCDebug(lcServer) << "TLS handshake with" << socket->peerAddress() << "failed:" << errors;
        });
        connect(tls, &QSslServer::handshakeInterruptedOnError, this, [](QSslSocket *socket, const QSslError &error) {
            qCDebug(lcServer) << "TLS handshake with" << socket->peerAddress() << "interrupted:" << error;
        });
        d->listener = tls;
    } else {
        d->listener = new QTcpServer(this);
    }
    d->listener->setMaxPendingConnections(1024);
    connect(d->listener, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (d->listener && d->listener->hasPendingConnections()) {
            QTcpSocket *socket = d->listener->nextPendingConnection();
            if (d->host.draining) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            auto *connection = new HttpConnection(socket, d->host, this);
            d->connections.insert(connection);
            connect(connection, &HttpConnection::closed, this, [this](HttpConnection *c) {
                if (d->connections.erase(c) == 0)
                    return;
                c->deleteLater();
                if (d->host.draining && d->connections.empty() && !d->drainedEmitted) {
                    d->drainedEmitted = true;
                    d->drainDeadline.stop();
                    QMetaObject::invokeMethod(this, &HttpServer::drained, Qt::QueuedConnection);
                }
            });
            connection->start();
        }
    });
    if (!d->listener->listen(address, port)) {
        const QString message = d->listener->errorString();
        delete d->listener;
        d->listener = nullptr;
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot listen: %1").arg(message), where);
    }
    d->sweep.start();
    qCDebug(lcServer) << "listening on" << address << d->listener->serverPort() << (d->options.tls ? "with TLS" : "plain TCP");
    return d->listener->serverPort();
}

quint16 HttpServer::port() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

void HttpServer::drain(std::chrono::milliseconds deadline)
{
    if (d->host.draining)
        return;
    d->host.draining = true;
    if (d->listener)
        d->listener->close(); // new connections are refused from here on
    const std::vector<HttpConnection *> all(d->connections.begin(), d->connections.end());
    for (HttpConnection *c : all) {
        if (d->connections.count(c))
            c->drain();
    }
    if (d->connections.empty()) {
        d->drainedEmitted = true;
        QMetaObject::invokeMethod(this, &HttpServer::drained, Qt::QueuedConnection);
        return;
    }
    d->drainDeadline.start(deadline);
}

int HttpServer::requestsInFlight() const
{
    int n = 0;
    for (const HttpConnection *c : d->connections)
        n += c->requestsInFlight();
    return n;
}

} // namespace helios::server
