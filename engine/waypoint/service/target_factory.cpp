// SPDX-License-Identifier: Apache-2.0
#include "target_factory.h"

#include "engine.h"
#include "waypoint/kubernetes/kubernetes_target.h"
#include "waypoint/local_target.h"
#include "waypoint_context.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::waypoint {

QString projectNameOf(const QString &projectDir)
{
    QFile file(projectDir + QStringLiteral("/helios.json"));
    if (file.open(QIODevice::ReadOnly))
        if (const QString name = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("name")).toString();
            !name.isEmpty())
            return name;
    return QFileInfo(projectDir).fileName();
}

Result<std::unique_ptr<DeployTarget>> makeDeployTarget(WaypointContext &context, const DeployPolicy &policy,
                                                       const EnvironmentPolicy &environment, const QString &projectDir)
{
    if (environment.target == QLatin1StringView("local")) {
        if (!context.options.sites)
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("environment %1 deploys to the local target, but no sites server runs in "
                                            "this process")
                                 .arg(environment.name));
        const QUrl publicBase =
            context.options.sitesPublicBase.isEmpty() ? context.options.sitesProbeBase : context.options.sitesPublicBase;
        return std::unique_ptr<DeployTarget>(std::make_unique<LocalTarget>(
            context.engine.artifacts(), *context.options.sites, context.options.sitesProbeBase, publicBase));
    }
    if (environment.target == QLatin1StringView("kubernetes")) {
        const Config &config = context.engine.config();
        KubernetesConnection connection{QUrl(config.value(QString::fromLatin1(Config::KubeApi))),
                                        config.value(QString::fromLatin1(Config::KubeToken)),
                                        config.value(QString::fromLatin1(Config::KubeCa))};
        if (connection.apiServer.isEmpty())
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("environment %1 deploys to kubernetes, but %2 names no API server")
                                 .arg(environment.name, QString::fromLatin1(Config::KubeApi)));
        return std::unique_ptr<DeployTarget>(std::make_unique<KubernetesTarget>(
            context.engine.artifacts(), std::move(connection), policy.kubernetes, projectNameOf(projectDir)));
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("environment %1 names an unknown target \"%2\"").arg(environment.name, environment.target));
}

} // namespace helios::waypoint
