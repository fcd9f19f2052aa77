// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace helios::data {

// One HTTP exchange with a registry, as seen by the caller.
struct RegistryResponse {
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QUrl url;  // where the answer came from, after redirects: relative Locations resolve against it

    // A response header by case-insensitive name; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

using RawHeaders = QList<std::pair<QByteArray, QByteArray>>;

// Synchronous HTTP to one registry endpoint (primary or mirror), callable from any
// thread: each thread has its own QNetworkAccessManager (its connections are reused)
// driven by a local QEventLoop. A connection that does not come up within the connect
// timeout, or a transfer that stalls, fails with Unavailable. Basic-auth credentials
// taken from the URL are sent to the registry's own origin only, never to a redirect
// target elsewhere, and never appear in errors or logs.
class RegistryClient {
public:
    // Fails with InvalidArgument unless `url` is an absolute http(s) URL with a host.
    static Result<RegistryClient> create(const QString &url, int connectTimeoutMs);

    // The registry URL with its password removed: for errors, logs and location().
    QString redactedBase() const { return m_redactedBase; }

    // "<base>/v2/<path>", `path` without a leading slash.
    QUrl apiUrl(const QString &path) const;

    // Sends one request. Any HTTP status is a response; only transport failures
    // (refused, timed out, reset, TLS) are errors. GET and HEAD follow redirects.
    Result<RegistryResponse> send(const QByteArray &method, const QUrl &url, const RawHeaders &headers = {},
                                  const QByteArray &body = {}) const;

    // The Error for an unexpected status: 401 Unauthenticated, 403 PermissionDenied,
    // 404 NotFound, 5xx/429 Unavailable, 400 InvalidArgument…, with the registry's
    // {errors:[{code,message}]} in the message.
    Error httpError(const QByteArray &method, const RegistryResponse &response) const;

    // "<METHOD> <url without credentials or query>": where a failure happened.
    static QString contextFor(const QByteArray &method, const QUrl &url);

private:
    Result<RegistryResponse> sendOnce(const QByteArray &method, const QUrl &url, const RawHeaders &headers,
                                      const QByteArray &body, bool *closedEarly) const;
    bool sameOrigin(const QUrl &url) const;

    QUrl m_base;                 // without user info
    QString m_redactedBase;
    QByteArray m_authorization;  // "Basic …" or empty
    int m_connectTimeoutMs = 3000;
    int m_transferTimeoutMs = 30000;
};

} // namespace helios::data
