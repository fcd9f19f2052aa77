// SPDX-License-Identifier: Apache-2.0
#include "event_stream.h"

#include "bus/bus.h"
#include "bus/event.h"
#include "landing/authenticator.h"

#include "core/logging.h"
#include "metrics_registry.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace helios::server {

namespace {
// A client this far behind is dropped: one slow browser must not hold the server's memory.
constexpr qint64 kMaxQueuedBytes = 4 << 20;
} // namespace

EventStream::EventStream(data::Bus &bus, landing::Authenticator &authenticator, MetricsRegistry &metrics, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_authenticator(authenticator)
    , m_server(new QWebSocketServer(QStringLiteral("helios"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &EventStream::accept);
    // The bus calls back on its own thread; the sockets live on this one.
    auto subscription = m_bus.subscribe({}, [this, &metrics](const data::Event &event) {
        const QDateTime sent = QDateTime::fromString(event.time, Qt::ISODateWithMs);
        if (sent.isValid())
            metrics.setBusLagSeconds(double(sent.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0);
        QMetaObject::invokeMethod(this, [this, type = event.type, json = event.toJson()]() { deliver(type, json); },
                                  Qt::QueuedConnection);
        return true;
    });
    if (subscription)
        m_subscription = std::move(*subscription);
    else
        qCWarning(lcServer).noquote() << "event stream without bus events:" << subscription.error().toString();
}

EventStream::~EventStream()
{
    m_subscription.reset(); // no bus callback may run once members are gone
    closeAll();
}

bool EventStream::upgrade(const HttpRequest &request, QTcpSocket *socket)
{
    if (request.path != "/api/events")
        return false;
    QByteArray authorization = request.header("authorization");
    const QByteArray queryToken = request.queryValue("access_token");
    if (authorization.isEmpty() && !queryToken.isEmpty())
        authorization = "Bearer " + queryToken;
    if (!m_authenticator.authenticate(authorization))
        return false;
    m_server->handleConnection(socket);
    return true;
}

void EventStream::accept()
{
    while (m_server->hasPendingConnections()) {
        QWebSocket *socket = m_server->nextPendingConnection();
        // The handshake's own URL carries the client's pattern.
        QString pattern = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded);
        if (pattern.isEmpty())
            pattern = QStringLiteral(">");
        m_clients.append({socket, pattern});
        connect(socket, &QWebSocket::disconnected, this, [this, socket]() {
            m_clients.removeIf([socket](const Client &c) { return c.socket == socket; });
            socket->deleteLater();
        });
    }
}

void EventStream::deliver(const QString &type, const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    for (const Client &client : std::as_const(m_clients)) {
        if (!data::subjectMatches(client.pattern, type))
            continue;
        if (client.socket->bytesToWrite() > kMaxQueuedBytes) {
            client.socket->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection, QStringLiteral("too slow"));
            continue;
        }
        client.socket->sendTextMessage(text);
    }
}

void EventStream::closeAll()
{
    for (const Client &client : std::as_const(m_clients))
        client.socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace helios::server
