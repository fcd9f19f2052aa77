// SPDX-License-Identifier: Apache-2.0
#include "http_connection.h"

#include "http_responder_state.h"

#include "core/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <cstdio>

namespace helios::server {

using Phase = HttpResponder::State::Phase;

namespace {

// Back-pressure: stop reading requests while this much output waits for the client,
// resume below the low mark. Bounds memory per connection whatever the client does.
constexpr qint64 kOutputHighWater = 1 << 20;
constexpr qint64 kOutputLowWater = 256 * 1024;
// How much the socket may buffer from a client we are not reading.
constexpr qint64 kSocketReadBuffer = 256 * 1024;
// Requests read ahead of their answers on one connection.
constexpr size_t kMaxPipelined = 32;
// Bodies above this go to the socket as they are instead of being copied behind the head.
constexpr qsizetype kCopyBodyLimit = 16 * 1024;

bool isSaneRequestId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == ':' || c == '/' || c == '+' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QByteArray HttpConnectionHost::newRequestId()
{
    QByteArray id = idPrefix;
    id.append('-');
    id.append(QByteArray::number(++idCounter, 16));
    return id;
}

void HttpConnectionHost::writeAccessLog(QByteArrayView line)
{
    if (accessLogSink) {
        accessLogSink(line);
        return;
    }
    // stdio buffers the lines; the server flushes it on a timer, not once per request.
    std::fwrite(line.data(), 1, size_t(line.size()), stdout);
}

HttpConnection::HttpConnection(QTcpSocket *socket, HttpConnectionHost &host, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_host(host)
    , m_parser(host.limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_peerAddress = m_socket->peerAddress();
    // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; logs and rate limits
    // want the address the client knows itself by.
    bool mapped = false;
    const quint32 v4 = m_peerAddress.toIPv4Address(&mapped);
    if (mapped && m_peerAddress.protocol() == QAbstractSocket::IPv6Protocol)
        m_peerAddress = QHostAddress(v4);
    m_peer = m_peerAddress.toString().toLatin1();
    m_localPort = m_socket->localPort();
    m_tlsSocket = qobject_cast<QSslSocket *>(m_socket);
    m_secure = m_tlsSocket != nullptr;
    m_lastActivity = m_lastWriteProgress = Clock::now();
}

HttpConnection::~HttpConnection()
{
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    for (Entry &e : m_entries) {
        if (e.state)
            e.state->connection = nullptr;
    }
}

qint64 HttpConnection::pendingOutput() const
{
    // QSslSocket::bytesToWrite() counts only plaintext not yet encrypted; what waits for
    // a slow client is mostly ciphertext in the plain socket underneath.
    return m_socket->bytesToWrite() + (m_tlsSocket ? m_tlsSocket->encryptedBytesToWrite() : 0);
}

void HttpConnection::connectSocket()
{
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (m_tlsSocket)
        connect(m_tlsSocket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // Clients vanish all the time; that is not worth more than a debug line.
        qCDebug(lcServer) << "connection from" << m_peer << "error" << error;
    });
}

void HttpConnection::start()
{
    connectSocket();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        onDisconnected();
        return;
    }
    processInput();
}

void HttpConnection::processInput()
{
    if (m_lingering) {
        m_lastDiscard = Clock::now();
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_gone || m_stopReading || m_processing)
        return;
    if (pendingOutput() > kOutputHighWater || m_entries.size() >= kMaxPipelined) {
        m_paused = true;
        return;
    }
    m_paused = false;
    m_processing = true;
    const Clock::time_point now = Clock::now();
    if (m_parser.readFrom(*m_socket) > 0)
        m_lastActivity = now;

    while (!m_gone && !m_stopReading) {
        if (m_entries.size() >= kMaxPipelined || pendingOutput() > kOutputHighWater) {
            m_paused = true;
            break;
        }
        const HttpRequestParser::Event event = m_parser.next();
        if (event == HttpRequestParser::Event::NeedMore)
            break;
        if (event == HttpRequestParser::Event::HeadersComplete) {
            if (!m_timingRequest)
                m_requestStarted = now;
            m_timingRequest = true;
            if (m_parser.isWebSocketUpgrade() && m_host.upgradeHandler && !m_host.draining && m_entries.empty()) {
                if (tryUpgrade()) {
                    m_processing = false;
                    return;
                }
                continue;
            }
            // 100 Continue only when nothing else is owed on the wire before it; a body
            // over the limit never gets here (the parser answered 413 from the headers).
            if (m_parser.expectsContinue() && m_parser.bytesAfterHead().isEmpty() && m_entries.empty())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            continue;
        }
        if (event == HttpRequestParser::Event::RequestComplete) {
            HttpRequest request = m_parser.takeRequest();
            request.received = m_timingRequest ? m_requestStarted : now;
            m_timingRequest = false;
            dispatch(std::move(request));
            continue;
        }
        // A malformed request: answer it and close, nothing after it can be framed.
        m_timingRequest = false;
        respondWithoutHandler(m_parser.errorStatus(), m_parser.errorCode(), m_parser.errorMessage());
        break;
    }
    if (!m_gone && !m_stopReading && !m_timingRequest && m_parser.inRequest()) {
        m_timingRequest = true;
        m_requestStarted = now;
    }
    m_processing = false;
}

void HttpConnection::fillRequest(HttpRequest &request) const
{
    request.peerAddress = m_peerAddress;
    request.localPort = m_localPort;
    request.secure = m_secure;
    const QByteArray clientId = request.header("x-request-id");
    request.requestId = isSaneRequestId(clientId) ? clientId : m_host.newRequestId();
}

bool HttpConnection::tryUpgrade()
{
    // QWebSocketServer::handleConnection() reads the handshake from the socket itself, so
    // the request's raw bytes (and anything sent after them) go back into the socket's
    // read buffer before the socket changes hands.
    const QByteArray raw = m_parser.rawHead().toByteArray() + m_parser.bytesAfterHead();
    const HttpRequestParser::Event event = m_parser.next();
    Q_ASSERT(event == HttpRequestParser::Event::RequestComplete);
    Q_UNUSED(event);
    HttpRequest request = m_parser.takeRequest();
    request.received = m_requestStarted;
    m_timingRequest = false;
    fillRequest(request);

    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    for (qsizetype i = raw.size() - 1; i >= 0; --i)
        socket->ungetChar(raw[i]);
    socket->setParent(nullptr);
    socket->setReadBufferSize(0);
    if (m_host.upgradeHandler(request, socket)) {
        if (m_host.accessLog) {
            QByteArray line;
            wire::appendAccessLogLine(line, request.method, request.path, 101, 0, Clock::now() - request.received, m_peer,
                                      request.requestId);
            m_host.writeAccessLog(line);
        }
        m_gone = true;
        m_socket = nullptr; // not ours any more, and may be deleted at any time
        m_tlsSocket = nullptr;
        Q_EMIT closed(this);
        return true;
    }
    // Refused: take the socket and its bytes back and answer like any other request.
    socket->setParent(this);
    socket->setReadBufferSize(kSocketReadBuffer);
    socket->skip(raw.size());
    connectSocket();
    // The client meant to leave HTTP; after a refusal it waits for the connection to end.
    dispatch(std::move(request), true);
    return false;
}

HttpConnection::Entry &HttpConnection::pushEntry(const HttpRequest &request,
                                                 const std::shared_ptr<HttpResponder::State> &state)
{
    state->connection = this;
    state->sequence = m_nextSequence++;
    Entry &e = m_entries.emplace_back();
    e.state = state.get();
    e.method = request.method;
    e.path = request.path;
    e.requestId = request.requestId;
    e.received = request.received;
    e.headMethod = request.method == "HEAD";
    e.http10 = m_parser.isHttp10();
    return e;
}

void HttpConnection::dispatch(HttpRequest request, bool closeAfter)
{
    if (request.requestId.isEmpty())
        fillRequest(request);
    auto state = std::make_shared<HttpResponder::State>();
    Entry &e = pushEntry(request, state);
    e.keepAlive = m_parser.keepAlive() && !closeAfter;
    if (!e.keepAlive)
        m_stopReading = true;
    if (m_host.draining) {
        m_stopReading = true;
        e.keepAlive = false;
        HttpResponder(std::move(state)).sendError(503, QByteArrayLiteral("draining"), QStringLiteral("the server is shutting down"));
        return;
    }
    if (!m_host.handler) {
        HttpResponder(std::move(state)).sendError(404, QByteArrayLiteral("not_found"), QStringLiteral("no handler"));
        return;
    }
    m_host.handler(request, HttpResponder(std::move(state)));
}

void HttpConnection::respondWithoutHandler(int status, const QByteArray &code, const QString &message)
{
    HttpRequest request = m_parser.request(); // whatever of the request was parsed, for the log
    if (request.received == Clock::time_point())
        request.received = m_timingRequest ? m_requestStarted : Clock::now();
    if (request.requestId.isEmpty())
        request.requestId = m_host.newRequestId();
    auto state = std::make_shared<HttpResponder::State>();
    Entry &e = pushEntry(request, state);
    e.keepAlive = false;
    m_stopReading = true;
    m_lingerOnClose = true;
    HttpResponder(std::move(state)).sendError(status, code, message);
}

HttpConnection::Entry *HttpConnection::entryFor(const HttpResponder::State &state)
{
    if (m_gone || state.connection != this || state.sequence < m_firstSequence)
        return nullptr;
    const quint64 index = state.sequence - m_firstSequence;
    return index < m_entries.size() ? &m_entries[size_t(index)] : nullptr;
}

bool HttpConnection::isOpen(const HttpResponder::State &state) const
{
    return !m_gone && state.phase != Phase::Done && const_cast<HttpConnection *>(this)->entryFor(state);
}

bool HttpConnection::keepAliveFor(const Entry &entry) const
{
    return entry.keepAlive && !m_host.draining && !m_closing;
}

void HttpConnection::send(HttpResponder::State &state, int status, QByteArrayView contentType, const QByteArray &body,
                          const HttpHeaders &headers)
{
    Entry *e = entryFor(state);
    if (!e || state.phase != Phase::Unanswered)
        return;
    state.phase = Phase::Done;
    const bool hasBody = wire::statusHasBody(status);
    e->status = status;
    e->keepAlive = keepAliveFor(*e);
    e->framing = hasBody ? wire::Framing::Length : wire::Framing::None;
    QByteArray &out = outputFor(*e);
    wire::appendHead(out, {status, e->framing, hasBody ? body.size() : 0, e->keepAlive,
                           hasBody ? contentType : QByteArrayView(), &headers, e->requestId});
    if (hasBody && !e->headMethod) {
        e->bodyBytes = body.size();
        if (isFront(*e) && body.size() > kCopyBodyLimit) {
            flushOut();
            m_socket->write(body);
        } else {
            out.append(body);
        }
    }
    completed(*e);
}

void HttpConnection::begin(HttpResponder::State &state, int status, const HttpHeaders &headers)
{
    Entry *e = entryFor(state);
    if (!e || state.phase != Phase::Unanswered)
        return;
    state.phase = Phase::Streaming;
    e->status = status;
    e->keepAlive = keepAliveFor(*e);
    const qint64 length = wire::declaredLength(headers);
    if (!wire::statusHasBody(status)) {
        e->framing = wire::Framing::None;
    } else if (length >= 0) {
        e->framing = wire::Framing::Length;
        e->declaredLength = length;
    } else if (e->http10) {
        // HTTP/1.0 knows no chunked coding: the body ends when the connection does.
        e->framing = wire::Framing::UntilClose;
        e->keepAlive = false;
        m_stopReading = true;
    } else {
        e->framing = wire::Framing::Chunked;
    }
    wire::appendHead(outputFor(*e), {status, e->framing, qMax<qint64>(length, 0), e->keepAlive, {}, &headers, e->requestId});
    if (isFront(*e))
        flushOut();
}

void HttpConnection::write(HttpResponder::State &state, const QByteArray &chunk)
{
    Entry *e = entryFor(state);
    if (!e || state.phase != Phase::Streaming || e->headMethod || e->framing == wire::Framing::None || chunk.isEmpty())
        return;
    if (e->framing == wire::Framing::Length && e->bodyBytes + chunk.size() > e->declaredLength) {
        // More than the handler declared would be read as the start of the next response.
        qCWarning(lcServer) << "handler wrote past its Content-Length on" << e->path << "; cut off";
        e->cutOff = true;
        state.phase = Phase::Done;
        completed(*e);
        return;
    }
    e->bodyBytes += chunk.size();
    if (e->framing == wire::Framing::Chunked) {
        wire::appendChunk(outputFor(*e), chunk);
        if (isFront(*e))
            flushOut();
    } else if (isFront(*e)) {
        flushOut();
        m_socket->write(chunk);
    } else {
        e->pending.append(chunk);
    }
}

void HttpConnection::end(HttpResponder::State &state)
{
    Entry *e = entryFor(state);
    if (!e || state.phase != Phase::Streaming)
        return;
    state.phase = Phase::Done;
    if (e->framing == wire::Framing::Chunked && !e->headMethod)
        outputFor(*e).append(wire::kLastChunk);
    if (e->framing == wire::Framing::Length && !e->headMethod && e->bodyBytes != e->declaredLength) {
        // Short of its Content-Length: the client would wait for the rest forever.
        qCWarning(lcServer) << "handler ended" << e->path << "short of its Content-Length; closing";
        e->cutOff = true;
    }
    completed(*e);
}

void HttpConnection::release(HttpResponder::State &state)
{
    Entry *e = entryFor(state);
    if (!e)
        return;
    e->state = nullptr;
    if (state.phase == Phase::Done)
        return;
    if (state.phase == Phase::Unanswered) {
        qCWarning(lcServer) << "handler dropped the request" << e->method << e->path << "unanswered: 500";
        HttpResponder::State &s = state;
        send(s, 500, "application/json",
             wire::errorBody(500, "unanswered", QStringLiteral("the handler did not answer")), {});
        return;
    }
    // A stream cut short: the client must see a truncated body, not a complete one.
    state.phase = Phase::Done;
    e->cutOff = true;
    completed(*e);
}

void HttpConnection::completed(Entry &entry)
{
    entry.complete = true;
    const Clock::duration elapsed = Clock::now() - entry.received;
    if (m_host.accessLog) {
        QByteArray line;
        wire::appendAccessLogLine(line, entry.method, entry.path, entry.status, entry.bodyBytes, elapsed, m_peer,
                                  entry.requestId);
        m_host.writeAccessLog(line);
    }
    if (m_host.responseObserver)
        m_host.responseObserver(entry.method, entry.path, entry.status, elapsed);
    if (!entry.keepAlive)
        m_stopReading = true;
    if (isFront(entry))
        advance();
}

void HttpConnection::advance()
{
    flushOut();
    while (!m_entries.empty() && m_entries.front().complete) {
        Entry &front = m_entries.front();
        const bool cut = front.cutOff || front.framing == wire::Framing::UntilClose;
        if (front.state)
            front.state->connection = nullptr; // answered: later calls have nothing to reach
        m_entries.pop_front();
        ++m_firstSequence;
        if (cut) {
            // Nothing after a cut-off or close-delimited body can be framed.
            for (Entry &e : m_entries) {
                if (e.state)
                    e.state->connection = nullptr;
            }
            m_entries.clear();
            m_stopReading = true;
            break;
        }
        if (!m_entries.empty() && !m_entries.front().pending.isEmpty()) {
            m_socket->write(m_entries.front().pending);
            m_entries.front().pending = QByteArray();
        }
    }
    if (m_gone)
        return;
    if (m_entries.empty())
        m_lastActivity = Clock::now(); // the idle timeout starts after the last answer
    if (m_entries.empty() && (m_stopReading || (m_host.draining && !m_timingRequest)))
        closeSocket();
    else if (m_paused)
        processInput(); // a no-op when called from inside processInput() itself
}

void HttpConnection::flushOut()
{
    if (m_out.isEmpty())
        return;
    if (!m_gone)
        m_socket->write(m_out);
    m_out.resize(0); // keeps the capacity for the next response
}

void HttpConnection::closeSocket()
{
    if (m_closing || m_gone)
        return;
    m_closing = true;
    m_stopReading = true;
    m_closeStarted = Clock::now();
    if (m_lingerOnClose) {
        m_lingering = true;
        m_lastDiscard = m_closeStarted;
        processInput(); // drops what already arrived; checkTimeouts() ends the linger
        return;
    }
    // Flushes what is queued first; checkTimeouts() aborts a client that never reads it.
    m_socket->disconnectFromHost();
}

void HttpConnection::onBytesWritten()
{
    m_lastWriteProgress = Clock::now();
    if (m_paused && pendingOutput() < kOutputLowWater)
        processInput();
}

void HttpConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    for (Entry &e : m_entries) {
        if (e.state)
            e.state->connection = nullptr;
    }
    m_entries.clear();
    Q_EMIT closed(this);
}

void HttpConnection::drain()
{
    if (m_gone)
        return;
    if (m_entries.empty() && !m_timingRequest)
        closeSocket();
}

void HttpConnection::abort()
{
    if (!m_gone)
        m_socket->abort();
    onDisconnected(); // abort() may not emit disconnected for a socket already closing
}

void HttpConnection::checkTimeouts(Clock::time_point now)
{
    if (m_gone)
        return;
    if (pendingOutput() == 0)
        m_lastWriteProgress = now;
    else if (now - m_lastWriteProgress > m_host.idleTimeout) {
        qCDebug(lcServer) << "client" << m_peer << "stopped reading; dropped";
        abort();
        return;
    }
    if (m_lingering) {
        using namespace std::chrono_literals;
        if (now - m_lastDiscard > 500ms || now - m_closeStarted > 5s) {
            m_lingering = false;
            m_closeStarted = now;
            m_socket->disconnectFromHost();
        }
        return;
    }
    if (m_closing) {
        if (now - m_closeStarted > m_host.idleTimeout)
            abort();
        return;
    }
    if (m_stopReading)
        return;
    if (m_timingRequest && now - m_requestStarted > m_host.requestTimeout) {
        m_timingRequest = false;
        respondWithoutHandler(408, QByteArrayLiteral("request_timeout"), QStringLiteral("the request did not arrive in time"));
    } else if (!m_timingRequest && m_entries.empty() && now - m_lastActivity > m_host.idleTimeout) {
        closeSocket();
    }
}

} // namespace helios::server
