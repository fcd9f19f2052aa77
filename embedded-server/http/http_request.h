// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <chrono>
#include <utility>

namespace helios::server {

// One parsed HTTP/1.1 request, body complete (bodies are bounded by
// HttpServer::Options::maxBodyBytes, so holding them whole is safe).
struct HttpRequest {
    QByteArray method;  // "GET", as sent (methods are case-sensitive)
    QByteArray target;  // the request target as sent: "/api/slate/sets?limit=5"
    QByteArray path;    // percent-decoded path without the query: "/api/slate/sets"
    QByteArray query;   // the raw query string without '?': "limit=5"
    // Header names lower-cased, values trimmed, in the order received.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QHostAddress peerAddress;
    quint16 localPort = 0;
    bool secure = false;      // arrived over TLS
    QByteArray requestId;     // X-Request-Id if the client sent a sane one, else generated
    std::chrono::steady_clock::time_point received{};

    // The first value of a header (name compared case-insensitively), or empty.
    QByteArray header(QByteArrayView name) const;
    // A query parameter, percent-decoded; empty if absent.
    QByteArray queryValue(QByteArrayView name) const;
};

} // namespace helios::server
