// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/kubernetes/kubernetes_client.h"

#include <QByteArray>
#include <QString>

#include <chrono>

class QNetworkAccessManager;

namespace helios::waypoint {

struct KubernetesResponse {
    int status = 0;
    QByteArray body;
};

// One blocking HTTP exchange with the API server at a time, private to KubernetesClient.
// The caller owns the QNetworkAccessManager (one per client call, on the calling thread);
// a local event loop waits for the reply, so the calling thread needs no event loop of
// its own. The bearer token goes in the Authorization header and is scrubbed from every
// error this class makes.
class KubernetesHttp {
public:
    explicit KubernetesHttp(KubernetesConnection connection);

    // InvalidArgument unless the API server is https://, or http:// on a loopback host,
    // and the CA file (if any) holds PEM certificates. Checked before every request.
    Result<void> check() const;

    // Any HTTP status is a response; transport failures are Unavailable (refused, TLS,
    // reset) or Timeout.
    Result<KubernetesResponse> send(QNetworkAccessManager &manager, const QByteArray &method, const QString &path,
                                    const QString &query, const QByteArray &contentType, const QByteArray &body,
                                    std::chrono::milliseconds timeout) const;

    // The Error for a failed status: the API's Status message and reason, with the code
    // KubernetesClient documents.
    Error statusError(const QByteArray &method, const QString &path, const KubernetesResponse &response) const;

    // "<METHOD> <API server><path>": where a failure happened.
    QString where(const QByteArray &method, const QString &path) const;

private:
    QString scrubbed(QString text) const;

    KubernetesConnection m_connection;
};

} // namespace helios::waypoint
