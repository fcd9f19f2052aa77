// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace helios::server {

// An incremental HTTP/1.1 request parser. Bytes arrive in slices of any size (feed() or
// readFrom()); next() advances as far as the bytes allow. Several pipelined requests in
// one slice come out one at a time. Strict on purpose: anything two HTTP parsers could
// read differently (obs-fold, bare LF, Content-Length with Transfer-Encoding, conflicting
// lengths) is an error, so no request can be smuggled past a proxy in front of us.
//
// A failure is final: next() keeps returning Error, errorStatus() says which HTTP status
// to answer (400, 413, 417, 431, 501, 505) and the connection is to be closed.
class HttpRequestParser {
public:
    struct Limits {
        qint64 maxBodyBytes = 1 << 20;
        int maxHeaderBytes = 64 * 1024; // request line + headers, and separately the trailers
    };
    enum class Event {
        NeedMore,         // feed more bytes
        HeadersComplete,  // request() has its line and headers; the body is still to come
        RequestComplete,  // takeRequest() returns the whole request
        Error,
    };

    HttpRequestParser(); // default Limits
    explicit HttpRequestParser(Limits limits);

    void feed(QByteArrayView bytes);
    // Appends everything `device` has available without an intermediate copy; returns
    // the number of bytes read.
    qint64 readFrom(QIODevice &device);

    // HeadersComplete is reported once per request, also when the body is empty (the
    // next call then reports RequestComplete), so that 100-continue and upgrades can be
    // decided before the body is read.
    Event next();

    const HttpRequest &request() const { return m_request; }
    // The complete request; the parser moves on to the next one.
    HttpRequest takeRequest();

    // Of the current request, valid from HeadersComplete on.
    bool keepAlive() const { return m_keepAlive; }
    bool isHttp10() const { return m_http10; }
    bool expectsContinue() const { return m_expectContinue; }
    bool isWebSocketUpgrade() const { return m_webSocketUpgrade; }
    bool hasBody() const { return m_chunked || m_contentLength > 0; }

    // The current request's raw line and headers, CRLFs included, and everything received
    // after them: what a WebSocket handshake needs to read again. Valid at
    // HeadersComplete, before any further next().
    QByteArrayView rawHead() const;
    QByteArrayView bytesAfterHead() const;

    // True while some bytes of a request that is not complete have arrived: the request
    // timeout runs, not the idle one.
    bool inRequest() const;

    int errorStatus() const { return m_errorStatus; }
    QByteArray errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Complete, Failed };

    Event parseHead();
    Event parseBody();
    Event parseChunked();
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool checkHeaders();
    bool decodeTarget();
    // The next CRLF-terminated line from m_pos (consumed when Found); Bad for a bare LF
    // or a line longer than `limit`.
    enum class Line { Found, NeedMore, Bad };
    Line nextLine(QByteArrayView &line, qsizetype limit);
    Event fail(int status, const char *code, const QString &message);
    void compact();

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer;   // unconsumed input from m_pos; its capacity is reused
    qsizetype m_pos = 0;
    qsizetype m_scan = 0;      // where the search for the end of the head resumes
    qsizetype m_headStart = 0; // the current request's first byte in m_buffer
    qsizetype m_headEnd = 0;   // one past its blank line
    qsizetype m_trailerBytes = 0;
    bool m_headersReported = false;

    HttpRequest m_request;
    qint64 m_contentLength = 0; // declared, or the current chunk's remaining size
    bool m_chunked = false;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    bool m_webSocketUpgrade = false;
    bool m_http10 = false;
    int m_hostCount = 0;
    bool m_hasContentLength = false;
    bool m_transferEncodingSeen = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_connectionUpgrade = false;
    bool m_upgradeWebSocket = false;

    int m_errorStatus = 0;
    QByteArray m_errorCode;
    QString m_errorMessage;
};

} // namespace helios::server
