// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/deploy_policy.h"
#include "waypoint/release.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace helios::waypoint {

// The objects a release becomes in a cluster, for one environment. Names are
// "<project name>-<env>" made DNS-1123 safe (lower case, [a-z0-9-], at most 63).
// Labels app.kubernetes.io/{name,instance,version,managed-by=helios} and
// helios.dev/{environment,release}; the pod template is annotated with the release id so
// that a re-apply of another release rolls the pods. The container image is
// settings.registry + "/" + repository + "@" + digest (by digest, never by tag), with a
// readiness probe on the environment's health path.
struct KubernetesObjects {
    QString name;
    QJsonObject deployment; // apps/v1 Deployment: replicas, RollingUpdate maxUnavailable 0
    QJsonObject service;    // v1 Service: ClusterIP, port 80 -> containerPort
    QJsonObject ingress;    // networking.k8s.io/v1 Ingress: host (if any), path "/" Prefix -> service
    QList<QJsonObject> all() const { return {deployment, service, ingress}; }
};

KubernetesObjects kubernetesObjects(const QString &projectName, const Release &release,
                                    const EnvironmentPolicy &environment, const KubernetesSettings &settings);

// Objects as one YAML stream ("---" between documents), keys in a fixed order, strings
// quoted where YAML would read them otherwise: byte-stable for the same input.
QByteArray toYamlStream(const QList<QJsonObject> &objects);

} // namespace helios::waypoint
