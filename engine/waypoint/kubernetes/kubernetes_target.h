// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/deploy_target.h"
#include "waypoint/kubernetes/kubernetes_client.h"
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include <QString>

namespace helios::data {
class ArtifactStore;
}

namespace helios::waypoint {

// Releases as Deployment + Service + Ingress through the API server. pull checks that
// the image manifest is in the ArtifactStore (the cluster's nodes pull it themselves);
// rollOut server-side applies the three objects; awaitReady watches the Deployment's
// rollout status (the target's own readiness is the health: rollOut gives no probeUrl);
// activate returns the Ingress address; restore re-applies the previous release's
// objects and waits for them (nullopt: nothing was live, so the failed release's objects
// are deleted and the environment serves nothing again, as on the local target);
// prune does nothing (the cluster keeps its own ReplicaSet history).
class KubernetesTarget : public DeployTarget {
public:
    KubernetesTarget(data::ArtifactStore &artifacts, KubernetesConnection connection, KubernetesSettings settings,
                     QString projectName);

    QString name() const override { return QStringLiteral("kubernetes"); }
    Result<QString> pull(const RolloutRequest &request) override;
    Result<RolledOut> rollOut(const RolloutRequest &request) override;
    Result<QString> awaitReady(const RolloutRequest &request) override;
    Result<QString> activate(const RolloutRequest &request) override;
    Result<QString> restore(const QString &projectId, const EnvironmentPolicy &environment,
                            const std::optional<std::pair<Release, QString>> &previous) override;
    QString prune(const QString &projectId, const EnvironmentPolicy &environment, const QStringList &candidates,
                  const QStringList &keep) override;

private:
    // Server-side applies the Deployment, Service and Ingress in that order; one line
    // naming what was applied and the Deployment's generation.
    Result<QString> applyAll(const KubernetesObjects &objects, const std::atomic_bool *cancelled);
    QString environmentUrl() const; // "http://<host>/", empty without an Ingress host

    data::ArtifactStore &m_artifacts;
    KubernetesClient m_client;
    KubernetesSettings m_settings;
    QString m_projectName;
};

} // namespace helios::waypoint
