// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_responder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <chrono>

// Building response bytes: status lines, headers, chunk framing, error bodies, access
// log lines. Everything appends to a caller's buffer so one response is one QByteArray
// and one socket write. Private to helios_http.
namespace helios::server::wire {

QByteArrayView reasonPhrase(int status);

// The IMF-fixdate of the current second ("Sun, 06 Nov 1994 08:49:37 GMT"), formatted
// once per second rather than per response.
QByteArray httpDate();

// How a response's body is framed.
enum class Framing {
    Length,    // Content-Length: contentLength
    Chunked,   // Transfer-Encoding: chunked
    UntilClose,// an HTTP/1.0 client streaming without length: the close ends the body
    None,      // 1xx, 204, 304: no body and no framing header
};

struct Head {
    int status = 200;
    Framing framing = Framing::Length;
    qint64 contentLength = 0;
    bool keepAlive = true;
    QByteArrayView contentType;  // omitted when empty
    const HttpHeaders *extra = nullptr;
    QByteArrayView requestId;
};

// Appends the status line and headers, blank line included. Handler headers that the
// server owns (content-length, transfer-encoding, connection) are dropped, and so is any
// header whose name or value could split the response (CR, LF, NUL).
void appendHead(QByteArray &out, const Head &head);

void appendChunk(QByteArray &out, QByteArrayView data);
inline constexpr QByteArrayView kLastChunk = "0\r\n\r\n";

// {"error": {"status": 413, "code": "body_too_large", "message": "..."}}
QByteArray errorBody(int status, QByteArrayView code, const QString &message);

// The Content-Length a handler set on a streamed response, or -1.
qint64 declaredLength(const HttpHeaders &headers);

bool statusHasBody(int status);

// One access log line, newline included:
// {"ts","method","path","status","bytes","ms","peer","id"}. The path is the decoded
// path without the query string, which may hold secrets.
void appendAccessLogLine(QByteArray &out, QByteArrayView method, QByteArrayView path, int status,
                         qint64 bytes, std::chrono::steady_clock::duration elapsed,
                         QByteArrayView peer, QByteArrayView requestId);

} // namespace helios::server::wire
