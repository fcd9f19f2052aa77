// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request_parser.h"
#include "http_responder.h"
#include "http_response_writer.h"
#include "http_server.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>

class QSslSocket;
class QTcpSocket;

namespace helios::server {

// What a server shares with all its connections: configuration, handlers, the drain
// flag, request ids and the access log. Owned by HttpServer; outlives its connections.
struct HttpConnectionHost {
    HttpRequestParser::Limits limits;
    std::chrono::milliseconds idleTimeout{30'000};
    std::chrono::milliseconds requestTimeout{30'000};
    HttpServer::Handler handler;
    HttpServer::UpgradeHandler upgradeHandler;
    bool draining = false;
    bool accessLog = true;
    std::function<void(QByteArrayView)> accessLogSink; // empty: stdout
    HttpServer::ResponseObserver responseObserver;
    QByteArray idPrefix; // random per server, so ids from two processes never collide
    quint64 idCounter = 0;

    QByteArray newRequestId();
    void writeAccessLog(QByteArrayView line);
};

// One client connection: reads and parses requests, dispatches them to the handler,
// writes responses in request order whatever order handlers answer in, enforces the
// timeouts, and closes itself when done. Owns its socket. Private to helios_http.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;

    HttpConnection(QTcpSocket *socket, HttpConnectionHost &host, QObject *parent);
    ~HttpConnection() override;

    // Starts reading, including bytes that arrived before the connection was made.
    void start();
    void checkTimeouts(Clock::time_point now);
    // The server drains: an idle connection closes now, a busy one after its last answer.
    void drain();
    // The drain deadline passed: drop the client.
    void abort();
    int requestsInFlight() const { return int(m_entries.size()); }

    // HttpResponder's calls land here.
    bool isOpen(const HttpResponder::State &state) const;
    void send(HttpResponder::State &state, int status, QByteArrayView contentType, const QByteArray &body,
              const HttpHeaders &headers);
    void begin(HttpResponder::State &state, int status, const HttpHeaders &headers);
    void write(HttpResponder::State &state, const QByteArray &chunk);
    void end(HttpResponder::State &state);
    // The last handle is gone: forget it, and answer for it if it never answered.
    void release(HttpResponder::State &state);

Q_SIGNALS:
    // The socket is closed or was handed to the upgrade handler; the server deletes us.
    void closed(HttpConnection *connection);

private:
    // One request's place in the pipeline and, while an earlier response is still going
    // out, its own response bytes.
    struct Entry {
        HttpResponder::State *state = nullptr; // null once every handle is gone
        QByteArray method;
        QByteArray path;
        QByteArray requestId;
        Clock::time_point received;
        QByteArray pending;
        qint64 bodyBytes = 0;
        qint64 declaredLength = 0; // a streamed response's Content-Length
        int status = 0;
        wire::Framing framing = wire::Framing::Length;
        bool keepAlive = true;
        bool headMethod = false;
        bool http10 = false;
        bool complete = false;
        bool cutOff = false; // a stream whose handler went away: close after its bytes
    };

    void connectSocket();
    void processInput();
    void onHeadersComplete();
    bool tryUpgrade();
    // `closeAfter`: answer with Connection: close whatever the request asked for.
    void dispatch(HttpRequest request, bool closeAfter = false);
    Entry &pushEntry(const HttpRequest &request, const std::shared_ptr<HttpResponder::State> &state);
    void respondWithoutHandler(int status, const QByteArray &code, const QString &message);
    Entry *entryFor(const HttpResponder::State &state);
    bool isFront(const Entry &entry) const { return !m_entries.empty() && &entry == &m_entries.front(); }
    QByteArray &outputFor(Entry &entry) { return isFront(entry) ? m_out : entry.pending; }
    bool keepAliveFor(const Entry &entry) const;
    void completed(Entry &entry);
    void advance();
    void flushOut();
    void closeSocket();
    void onBytesWritten();
    qint64 pendingOutput() const;
    void onDisconnected();
    void fillRequest(HttpRequest &request) const;

    QTcpSocket *m_socket;
    QSslSocket *m_tlsSocket = nullptr; // m_socket when it is one
    HttpConnectionHost &m_host;
    HttpRequestParser m_parser;
    std::deque<Entry> m_entries;
    quint64 m_firstSequence = 0; // of m_entries.front()
    quint64 m_nextSequence = 0;
    QByteArray m_out; // bytes for the socket, reused from response to response

    QHostAddress m_peerAddress;
    QByteArray m_peer; // for the access log
    quint16 m_localPort = 0;
    bool m_secure = false;

    Clock::time_point m_lastActivity;
    Clock::time_point m_requestStarted;
    Clock::time_point m_lastWriteProgress;
    Clock::time_point m_closeStarted;
    bool m_timingRequest = false; // part of a request has arrived: the request timeout runs
    bool m_stopReading = false;   // the last request was read; close once it is answered
    bool m_closing = false;
    // After an error answer the client may still be sending (a body over the limit):
    // closing with unread bytes would make the kernel reset the connection, and the
    // client could lose the answer. So input is read and dropped until the client goes
    // quiet, then the connection closes (a lingering close, as nginx does).
    bool m_lingerOnClose = false;
    bool m_lingering = false;
    Clock::time_point m_lastDiscard;
    bool m_gone = false;          // socket closed or handed over
    bool m_paused = false;        // back-pressure: not reading until output drains
    bool m_processing = false;
};

} // namespace helios::server
