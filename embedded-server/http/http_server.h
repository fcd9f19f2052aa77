// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"
#include "http_responder.h"

#include "core/result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace helios::server {

// An HTTP/1.1 server on one port: HTTPS through QSslServer (TLS 1.2 or later) or, for
// loopback tests only, plain TCP. Keep-alive, request bodies by Content-Length or
// chunked, limits checked before a body is read (413 with a JSON error body, then the
// connection is closed), timeouts for idle keep-alive connections, slow headers and
// slow bodies (408), a JSON access log line per response, and a graceful drain.
// Lives on one thread; handlers run on it and must not block for long.
class HttpServer : public QObject {
    Q_OBJECT
public:
    struct Options {
        qint64 maxBodyBytes = 1 << 20;
        int maxHeaderBytes = 64 * 1024;
        std::chrono::milliseconds idleTimeout{30'000};    // keep-alive, between requests
        std::chrono::milliseconds requestTimeout{30'000}; // first byte to complete request
        std::optional<QSslConfiguration> tls;             // nullopt: plain TCP
        bool accessLog = true; // one JSON object per line on stdout
    };
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;
    // Given a request with "Upgrade: websocket"; returns true if it took the socket
    // (it then owns it and the server forgets the connection).
    //
    // The socket arrives connected and, for HTTPS, already encrypted (a QSslSocket),
    // with no parent and none of the server's signal connections. The request's raw
    // request line and headers, and any bytes the client sent after them, are back in
    // the socket's read buffer, unread: QWebSocketServer::handleConnection(socket) on a
    // QWebSocketServer in NonSecureMode (TLS is already done) can run the handshake
    // itself. The parsed request is for deciding (path, Origin, credentials).
    // Returning false leaves the socket with the server, which answers the request
    // through the ordinary Handler. Only a GET without a body that is the only request
    // outstanding on its connection is offered; while draining, none is.
    using UpgradeHandler = std::function<bool(const HttpRequest &, QTcpSocket *)>;

    explicit HttpServer(Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    void setUpgradeHandler(UpgradeHandler handler);
    // Where access log lines go instead of stdout (each line ends in '\n'); for tests
    // and for a process that ships its logs elsewhere. Only used when Options::accessLog.
    void setAccessLogSink(std::function<void(QByteArrayView line)> sink);
    // Called once per finished response (for metrics), on the server's thread.
    using ResponseObserver = std::function<void(QByteArrayView method, QByteArrayView path, int status,
                                                std::chrono::steady_clock::duration elapsed)>;
    void setResponseObserver(ResponseObserver observer);

    // Listens; port 0 picks a free port. Returns the port bound.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port);
    quint16 port() const;

    // Stops accepting, closes idle connections, lets requests in flight finish (new
    // requests on open connections get 503 and "Connection: close"), then emits
    // drained(). Connections still busy at `deadline` are closed.
    void drain(std::chrono::milliseconds deadline);
    int requestsInFlight() const;

Q_SIGNALS:
    void drained();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
