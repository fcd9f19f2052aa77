// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <utility>

namespace helios::test {

// One HTTP/1.1 request over a fresh loopback connection ("Connection: close"), blocking,
// for test threads without an event loop. status 0: no answer within `timeoutMs`.
struct HttpAnswer {
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};
HttpAnswer blockingRequest(const QByteArray &method, const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                           int timeoutMs = 5000);

} // namespace helios::test
