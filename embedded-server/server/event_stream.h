// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"

#include <QList>
#include <QObject>

#include <memory>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace helios::data {
class Bus;
class Subscription;
}
namespace helios::landing {
class Authenticator;
}

namespace helios::server {

// The WebSocket event stream at /api/events: every Bus event whose type matches the
// client's `subject` pattern (query parameter, NATS-style: "token.*", "deploy.>"; default
// ">") is pushed to it as one CloudEvents JSON text message. Needs a viewer: the bearer
// token comes in the Authorization header or, for browsers, an access_token parameter.
// Clients that do not keep up are dropped rather than buffered without bound.
class MetricsRegistry;

class EventStream : public QObject {
    Q_OBJECT
public:
    // Also reports the age of each event it receives as the metrics' bus lag.
    EventStream(data::Bus &bus, landing::Authenticator &authenticator, MetricsRegistry &metrics,
                QObject *parent = nullptr);
    ~EventStream() override;

    // For HttpServer::setUpgradeHandler: takes the socket of an authorised request for
    // /api/events; returns false (leaving it to the ordinary handler, which answers
    // 401/404) otherwise.
    bool upgrade(const HttpRequest &request, QTcpSocket *socket);

    int clientCount() const { return int(m_clients.size()); }
    void closeAll();

private:
    struct Client {
        QWebSocket *socket;
        QString pattern;
    };
    void accept();
    void deliver(const QString &type, const QByteArray &json);

    data::Bus &m_bus;
    landing::Authenticator &m_authenticator;
    QWebSocketServer *m_server;
    std::unique_ptr<data::Subscription> m_subscription;
    QList<Client> m_clients;
};

} // namespace helios::server
