// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "landing/identity.h"
#include "waypoint/release_version.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace helios::waypoint {

// The HTTP probe that decides whether a deployment is healthy: GET `path` until
// `successThreshold` consecutive answers are 2xx, at most `attempts` tries, `intervalMs`
// apart, each bounded by `timeoutMs`.
struct HealthCheck {
    QString path = QStringLiteral("/");
    int attempts = 5;
    int intervalMs = 200;
    int timeoutMs = 2000;
    int successThreshold = 2;
};

struct KubernetesSettings {
    QString ns = QStringLiteral("default");  // metadata.namespace
    QString host;                            // the Ingress host; empty: no host rule
    int replicas = 2;
    int containerPort = 8080;                // what the image's server listens on
    QString registry;                        // prefix of the image reference in the pod spec ("registry.local:5000")
    QString ingressClass;                    // spec.ingressClassName; empty: the cluster default
    int rolloutTimeoutMs = 120000;
};

struct EnvironmentPolicy {
    QString name;                      // "dev"
    bool autoDeploy = false;           // on build.completed
    std::optional<landing::Role> approver; // the least role that may approve; none: no gate
    QString promotesFrom;              // the environment a promotion takes its release from ("" for dev)
    QString target = QStringLiteral("local"); // "local" or "kubernetes"
    HealthCheck health;
    int retention = 5;                 // deployments kept (local target), at least 2
};

// helios.json's "deploy" block, defaults as in the seed:
//
//   "deploy": {
//     "version": "semver-patch",
//     "health": {"path": "/", "attempts": 5, "intervalMs": 200, "timeoutMs": 2000, "successThreshold": 2},
//     "retention": 5,
//     "kubernetes": {"namespace": "web", "host": "acme.example.com", "replicas": 2, "containerPort": 8080,
//                    "registry": "registry.local:5000", "ingressClass": "nginx", "rolloutTimeoutMs": 120000},
//     "environments": {
//       "dev":     {"auto": true},
//       "staging": {"approval": "developer", "from": "dev"},
//       "prod":    {"approval": "admin", "from": "staging", "target": "kubernetes",
//                   "health": {"path": "/healthz.txt"}, "retention": 10} } }
//
// Without the block: dev (auto, no gate), staging (developer, from dev), prod (admin,
// from staging), all local. Environment-level health/retention override the top level.
struct DeployPolicy {
    VersionScheme versionScheme = VersionScheme::SemverPatch;
    QList<EnvironmentPolicy> environments; // in promotion order
    KubernetesSettings kubernetes;

    const EnvironmentPolicy *environment(const QString &name) const;
    static DeployPolicy defaults();
    // The policy as stored in the Store and shown by the API; round-trips through fromJson.
    QJsonObject toJson() const;
    static Result<DeployPolicy> fromJson(const QJsonObject &json);
};

// Reads <projectDir>/helios.json's deploy block. Every problem is reported at once, with
// helios.json:line:column, as one InvalidArgument whose message lists them one per line.
Result<DeployPolicy> readDeployPolicy(const QString &projectDir);
// The same on bytes already read (`fileName` for messages).
Result<DeployPolicy> parseDeployPolicy(QByteArrayView heliosJson, const QString &fileName);

} // namespace helios::waypoint
