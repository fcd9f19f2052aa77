// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>

#include <optional>
#include <utility>

// A deliberately small HTTP/1.1 client over QSslSocket for the server tests: it sends
// raw bytes (so tests can pipeline, split or malform requests) and reads responses
// back one at a time. It never blocks the event loop, because the server under test
// runs on the same thread.
class HttpTestClient {
public:
    struct Response {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray body;
        bool chunked = false;
        QByteArray header(const QByteArray &name) const;
    };

    explicit HttpTestClient(const QSslConfiguration &config);

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // The next complete response, or nullopt when none arrives in time.
    std::optional<Response> read(int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QSslSocket &socket() { return m_socket; }
    // Bytes received and not yet taken by read().
    const QByteArray &buffered();

private:
    std::optional<Response> tryParse();

    QSslSocket m_socket;
    QByteArray m_buffer;
};
