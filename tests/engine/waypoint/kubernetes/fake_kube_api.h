// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_server.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <utility>

namespace helios::test {

// A stand-in for the Kubernetes API server, for the requests WAYPOINT makes, answering
// as the API documents them (no API server runs on the test machines):
//   PATCH  .../deployments|services|ingresses/<name>?fieldManager=..&force=true with
//          Content-Type application/apply-patch+yaml: server-side apply. Stores the
//          object, sets metadata.generation (1 on create, +1 when the spec changes) and
//          answers it (201 created, 200 updated).
//   GET    /apis/apps/v1/namespaces/<ns>/deployments/<name>: the object with a status
//          that converges over polls like the Deployment controller's: first the new
//          generation unobserved, then updated replicas coming up with old ones pending
//          termination, then done (Progressing/NewReplicaSetAvailable, Available). A pod
//          template whose image contains the broken marker instead gets the Progressing
//          condition with reason ProgressDeadlineExceeded.
//   DELETE .../deployments|services|ingresses/<name>: removes the stored object and
//          answers a Success Status (200), or 404 NotFound when there is none.
// Failures are meta/v1 Status objects ({"kind":"Status","status":"Failure",...}); a
// missing or wrong bearer token is 401 Unauthorized. Lives on the thread that made it.
class FakeKubeApi : public QObject {
public:
    explicit FakeKubeApi(QByteArray token, QObject *parent = nullptr);
    ~FakeKubeApi() override;

    // Listens on 127.0.0.1, a free port; HTTPS when `tls` is given.
    bool start(std::optional<QSslConfiguration> tls = std::nullopt);
    QUrl url() const;

    // Every request received, in order.
    const QList<server::HttpRequest> &requests() const { return m_requests; }
    // The stored object at an API path, empty if none.
    QJsonObject object(const QString &path) const;
    // The container images of every apply to a Deployment, in order.
    QStringList appliedImages() const;

    void setBrokenImageMarker(const QString &marker) { m_brokenMarker = marker; }
    // GETs of a Deployment after a change until its rollout is done (at least 1).
    void setPollsToConverge(int polls) { m_pollsToConverge = polls; }
    // The next request to `path` fails with a Status of `code`, `reason` and `message`.
    void failNext(const QString &path, int code, const QString &reason, const QString &message);

private:
    struct Stored {
        QJsonObject object;
        int pollsSinceChange = 0;
    };
    struct Failure {
        int code;
        QString reason;
        QString message;
    };

    void handle(const server::HttpRequest &request, server::HttpResponder responder);
    void apply(const server::HttpRequest &request, server::HttpResponder &responder);
    void getDeployment(const QString &path, server::HttpResponder &responder);
    void remove(const QString &path, server::HttpResponder &responder);
    QJsonObject withStatus(Stored &stored) const;

    QByteArray m_token;
    std::unique_ptr<server::HttpServer> m_server;
    bool m_tls = false;
    QList<server::HttpRequest> m_requests;
    QHash<QString, Stored> m_objects;
    QHash<QString, Failure> m_failures;
    QString m_brokenMarker;
    int m_pollsToConverge = 3;
};

// A meta/v1 Status failure, as the API server sends it.
QJsonObject statusFailure(int code, const QString &reason, const QString &message);

} // namespace helios::test
