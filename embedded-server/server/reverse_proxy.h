// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"
#include "http_responder.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace helios::server {

// Forwards a request to another node and streams its answer back: the response starts
// as soon as the upstream's headers arrive and each body chunk is passed on as it comes.
// End-to-end headers pass both ways (hop-by-hop ones do not); X-Forwarded-For,
// X-Forwarded-Proto and X-Request-Id are added. An upstream that cannot be reached
// answers 502, one that does not answer in time 504, both with a JSON error body.
class ReverseProxy : public QObject {
    Q_OBJECT
public:
    // `tls` carries the CA certificates upstream nodes are verified against.
    ReverseProxy(QSslConfiguration tls, std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~ReverseProxy() override;

    // `upstream` is the node's base URL ("https://10.0.0.2:3001"); the request's target
    // is appended unchanged.
    void forward(const QUrl &upstream, const HttpRequest &request, HttpResponder responder);

private:
    QNetworkAccessManager *m_network;
    QSslConfiguration m_tls;
    std::chrono::milliseconds m_timeout;
};

} // namespace helios::server
