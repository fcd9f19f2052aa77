// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/deploy_target.h"

#include <QUrl>

namespace helios::data {
class ArtifactStore;
}

namespace helios::waypoint {

class LocalSites;

// Immutable deployments served by the embedded server (a SiteServer over `sites`).
// `probeBase` is where this process serves the sites now (the health check GETs it);
// `publicBase` the stable address users are given (the node's sites port); often the
// same. pull unpacks the image into sites.deploymentDir(id); rollOut only reports the
// deployment's URL; activate switches the environment atomically; restore switches it
// back (or leaves it, if it never moved); prune deletes retired directories.
class LocalTarget : public DeployTarget {
public:
    LocalTarget(data::ArtifactStore &artifacts, LocalSites &sites, QUrl probeBase, QUrl publicBase);

    QString name() const override { return QStringLiteral("local"); }
    Result<QString> pull(const RolloutRequest &request) override;
    Result<RolledOut> rollOut(const RolloutRequest &request) override;
    Result<QString> awaitReady(const RolloutRequest &request) override;
    Result<QString> activate(const RolloutRequest &request) override;
    Result<QString> restore(const QString &projectId, const EnvironmentPolicy &environment,
                            const std::optional<std::pair<Release, QString>> &previous) override;
    QString prune(const QString &projectId, const EnvironmentPolicy &environment, const QStringList &candidates,
                  const QStringList &keep) override;

private:
    data::ArtifactStore &m_artifacts;
    LocalSites &m_sites;
    QUrl m_probeBase;
    QUrl m_publicBase;
};

} // namespace helios::waypoint
