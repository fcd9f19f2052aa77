// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>

namespace helios::waypoint {

// Where the API server is and how to talk to it: HELIOS_KUBE_API (https URL),
// HELIOS_KUBE_TOKEN (a bearer token, secret: never logged), HELIOS_KUBE_CA (PEM file;
// empty: the system's CAs). http:// is accepted for loopback only (tests).
struct KubernetesConnection {
    QUrl apiServer;
    QString token;
    QString caFile;
};

// What a Deployment's status says about its rollout, the way `kubectl rollout status`
// reads it: done when observedGeneration >= generation, updatedReplicas == replicas,
// availableReplicas == replicas and no old replicas remain; failed when the Progressing
// condition has reason ProgressDeadlineExceeded.
struct RolloutStatus {
    bool done = false;
    bool failed = false;
    QString message; // "2 of 2 updated replicas are available", the failing condition's message
};
RolloutStatus rolloutStatusOf(const QJsonObject &deployment);

// A client for the few Kubernetes API requests WAYPOINT makes, as the API documents them.
// Blocking: call from a worker thread. Errors carry the HTTP status and the API's
// Status message; 401/403 are Unauthenticated/PermissionDenied, 404 NotFound, 409
// Conflict, 422 InvalidArgument, anything else Unavailable.
class KubernetesClient {
public:
    explicit KubernetesClient(KubernetesConnection connection);
    ~KubernetesClient();

    // Server-side apply: PATCH <object's path>?fieldManager=helios&force=true with
    // Content-Type application/apply-patch+yaml (the object as JSON, which is YAML).
    // Returns the object the server answered with.
    Result<QJsonObject> apply(const QJsonObject &object);
    // DELETE <object's path>?propagationPolicy=Background: the object, and what it owns
    // (a Deployment's ReplicaSets and pods) in the background. One already gone is fine.
    Result<void> remove(const QJsonObject &object);
    // GET /apis/apps/v1/namespaces/<ns>/deployments/<name>.
    Result<QJsonObject> deployment(const QString &ns, const QString &name);
    // Polls the Deployment until rolloutStatusOf says done (returns its message) or failed
    // (Unavailable), or `timeout` passes (Timeout).
    Result<QString> awaitRollout(const QString &ns, const QString &name, std::chrono::milliseconds timeout,
                                 const std::atomic_bool *cancelled = nullptr);

    // The API path of an object ("/apis/apps/v1/namespaces/web/deployments/acme-prod").
    static Result<QString> objectPath(const QJsonObject &object);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::waypoint
