// SPDX-License-Identifier: Apache-2.0
#include "waypoint/kubernetes/kubernetes_target.h"

#include "image_reference.h"
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include "artifacts/artifact_store.h"
#include "core/logging.h"

#include <QJsonObject>

#include <algorithm>

namespace helios::waypoint {

KubernetesTarget::KubernetesTarget(data::ArtifactStore &artifacts, KubernetesConnection connection,
                                   KubernetesSettings settings, QString projectName)
    : m_artifacts(artifacts)
    , m_client(std::move(connection))
    , m_settings(std::move(settings))
    , m_projectName(std::move(projectName))
{
}

Result<QString> KubernetesTarget::pull(const RolloutRequest &request)
{
    // The nodes pull from the registry themselves; what WAYPOINT can check is that the
    // image it is about to name exists where the registry serves it from.
    const Release &release = request.release;
    const QString repository = repositoryOf(release.image);
    const auto manifest = m_artifacts.getManifest(repository, release.imageDigest);
    if (!manifest.ok()) {
        if (manifest.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("release %1's image %2@%3 is not in the ArtifactStore (%4), so the cluster "
                                            "could not pull it")
                                 .arg(release.version, repository, release.imageDigest, m_artifacts.location()),
                             manifest.error().context);
        return manifest.error();
    }
    return QStringLiteral("image %1@%2 is in the ArtifactStore; the cluster pulls it").arg(repository,
                                                                                        release.imageDigest);
}

Result<QString> KubernetesTarget::applyAll(const KubernetesObjects &objects, const std::atomic_bool *cancelled)
{
    QStringList applied;
    for (const QJsonObject &object : objects.all()) {
        const QString kind = object.value(QStringLiteral("kind")).toString();
        if (cancelled && cancelled->load())
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("cancelled before applying the %1 %2/%3")
                                 .arg(kind, m_settings.ns, objects.name));
        const auto answer = m_client.apply(object);
        HELIOS_TRY(answer);
        const auto generation = answer->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation"));
        applied += generation.isDouble() ? QStringLiteral("%1 (generation %2)").arg(kind).arg(generation.toInteger())
                                         : kind;
    }
    return QStringLiteral("applied %1 %2/%3").arg(applied.join(QStringLiteral(", ")), m_settings.ns, objects.name);
}

Result<RolledOut> KubernetesTarget::rollOut(const RolloutRequest &request)
{
    const KubernetesObjects objects = kubernetesObjects(m_projectName, request.release, request.environment, m_settings);
    const auto applied = applyAll(objects, request.cancelled);
    HELIOS_TRY(applied);
    qCInfo(lcWaypoint) << "kubernetes:" << *applied << "for release" << request.release.version;
    // No probe URL: the Deployment's readiness probe on the environment's health path is
    // the health check, and awaitReady waits for it.
    return RolledOut{QUrl(), QString(), *applied};
}

Result<QString> KubernetesTarget::awaitReady(const RolloutRequest &request)
{
    const QString name = kubernetesObjects(m_projectName, request.release, request.environment, m_settings).name;
    return m_client.awaitRollout(m_settings.ns, name, std::chrono::milliseconds(m_settings.rolloutTimeoutMs),
                                 request.cancelled);
}

QString KubernetesTarget::environmentUrl() const
{
    // The Ingress routes plain HTTP for its host; without a host rule there is no
    // address WAYPOINT knows (the cluster's ingress controller decides).
    return m_settings.host.isEmpty() ? QString() : QStringLiteral("http://%1/").arg(m_settings.host);
}

Result<QString> KubernetesTarget::activate(const RolloutRequest &)
{
    // Traffic moved while the rollout replaced the pods: the Service selects the
    // environment's pods whatever their release.
    return environmentUrl();
}

Result<QString> KubernetesTarget::restore(const QString &, const EnvironmentPolicy &environment,
                                          const std::optional<std::pair<Release, QString>> &previous)
{
    if (!previous) {
        // It had nothing live: the failed release's objects go, so it serves nothing again
        // (Ingress first, the Deployment last: no route to pods on their way out). Their
        // names and paths depend on the project and environment only, not the release.
        const KubernetesObjects objects = kubernetesObjects(m_projectName, Release{}, environment, m_settings);
        QList<QJsonObject> all = objects.all();
        std::reverse(all.begin(), all.end());
        QStringList removed;
        for (const QJsonObject &object : std::as_const(all)) {
            HELIOS_TRY(m_client.remove(object));
            removed += object.value(QStringLiteral("kind")).toString();
        }
        return QStringLiteral("environment %1 had nothing live; deleted %2 %3/%4")
            .arg(environment.name, removed.join(QStringLiteral(", ")), m_settings.ns, objects.name);
    }
    const Release &release = previous->first;
    const KubernetesObjects objects = kubernetesObjects(m_projectName, release, environment, m_settings);
    // A restore runs after a cancel too: it is what makes the environment whole again.
    const auto applied = applyAll(objects, nullptr);
    HELIOS_TRY(applied);
    const auto ready =
        m_client.awaitRollout(m_settings.ns, objects.name, std::chrono::milliseconds(m_settings.rolloutTimeoutMs));
    HELIOS_TRY(ready);
    qCInfo(lcWaypoint) << "kubernetes: restored release" << release.version << "in" << environment.name << "-"
                       << *ready;
    return environmentUrl();
}

QString KubernetesTarget::prune(const QString &, const EnvironmentPolicy &, const QStringList &, const QStringList &)
{
    return QStringLiteral("nothing to prune: the cluster keeps the Deployment's ReplicaSet history");
}

} // namespace helios::waypoint
