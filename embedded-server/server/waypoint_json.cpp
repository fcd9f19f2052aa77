// SPDX-License-Identifier: Apache-2.0
#include "waypoint_json.h"

#include "waypoint/deployment_history.h"
#include "waypoint/release.h"

#include <QJsonArray>

namespace helios::server {

namespace {

QJsonObject typed(const char *type) { return {{QStringLiteral("type"), QLatin1StringView(type)}}; }

QJsonObject objectSchema(std::initializer_list<const char *> strings, std::initializer_list<const char *> integers = {},
                         QJsonObject extra = {})
{
    QJsonObject properties = std::move(extra);
    for (const char *name : strings)
        properties.insert(QLatin1StringView(name), typed("string"));
    for (const char *name : integers)
        properties.insert(QLatin1StringView(name), typed("integer"));
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

} // namespace

QJsonObject releaseJson(const waypoint::Release &release)
{
    return {{QStringLiteral("id"), release.id},
            {QStringLiteral("projectId"), release.projectId},
            {QStringLiteral("projectDir"), release.projectDir},
            {QStringLiteral("version"), release.version},
            {QStringLiteral("number"), release.number},
            {QStringLiteral("buildId"), release.buildId},
            {QStringLiteral("image"), release.image},
            {QStringLiteral("imageDigest"), release.imageDigest},
            {QStringLiteral("imageRoot"), release.imageRoot},
            {QStringLiteral("gitCommit"), release.gitCommit},
            {QStringLiteral("changelog"), QJsonArray::fromStringList(release.changelog)},
            {QStringLiteral("createdAt"), release.createdAt}};
}

QJsonObject deploymentJson(const waypoint::Deployment &deployment)
{
    QJsonArray steps;
    for (const waypoint::DeploymentStep &step : deployment.steps)
        steps.append(QJsonObject{{QStringLiteral("name"), step.name},
                                 {QStringLiteral("ok"), step.ok},
                                 {QStringLiteral("ms"), step.ms},
                                 {QStringLiteral("detail"), step.detail}});
    return {{QStringLiteral("id"), deployment.id},
            {QStringLiteral("projectId"), deployment.projectId},
            {QStringLiteral("environment"), deployment.environment},
            {QStringLiteral("releaseId"), deployment.releaseId},
            {QStringLiteral("version"), deployment.version},
            {QStringLiteral("kind"), deployment.kind},
            {QStringLiteral("target"), deployment.target},
            {QStringLiteral("status"), waypoint::deploymentStatusName(deployment.status)},
            {QStringLiteral("requestedBy"), deployment.requestedBy},
            {QStringLiteral("approvedBy"), deployment.approvedBy},
            {QStringLiteral("approvedAt"), deployment.approvedAt},
            {QStringLiteral("createdAt"), deployment.createdAt},
            {QStringLiteral("finishedAt"), deployment.finishedAt},
            {QStringLiteral("durationMs"), deployment.durationMs},
            {QStringLiteral("url"), deployment.url},
            {QStringLiteral("deploymentUrl"), deployment.deploymentUrl},
            {QStringLiteral("rolledBackTo"), deployment.rolledBackTo},
            {QStringLiteral("error"), deployment.error},
            {QStringLiteral("steps"), steps}};
}

QJsonObject environmentJson(const waypoint::EnvironmentState &environment)
{
    const waypoint::EnvironmentPolicy &policy = environment.policy;
    return {{QStringLiteral("projectId"), environment.projectId},
            {QStringLiteral("name"), environment.name},
            {QStringLiteral("autoDeploy"), policy.autoDeploy},
            {QStringLiteral("approver"), policy.approver ? QJsonValue(landing::roleName(*policy.approver)) : QJsonValue()},
            {QStringLiteral("promotesFrom"), policy.promotesFrom},
            {QStringLiteral("target"), policy.target},
            {QStringLiteral("currentDeploymentId"), environment.currentDeploymentId},
            {QStringLiteral("currentReleaseId"), environment.currentReleaseId},
            {QStringLiteral("currentVersion"), environment.currentVersion},
            {QStringLiteral("url"), environment.url},
            {QStringLiteral("health"), environment.health},
            {QStringLiteral("updatedAt"), environment.updatedAt}};
}

QJsonObject releaseSchema()
{
    return objectSchema({"id", "projectId", "projectDir", "version", "buildId", "image", "imageDigest", "imageRoot",
                         "gitCommit", "createdAt"},
                        {"number"}, {{QStringLiteral("changelog"), arrayOf(typed("string"))}});
}

QJsonObject deploymentSchema()
{
    const QJsonObject step = objectSchema({"name", "detail"}, {"ms"}, {{QStringLiteral("ok"), typed("boolean")}});
    QJsonObject status = typed("string");
    status.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("awaiting_approval"), QStringLiteral("running"),
                                                     QStringLiteral("succeeded"), QStringLiteral("failed"),
                                                     QStringLiteral("rolled_back")});
    return objectSchema({"id", "projectId", "environment", "releaseId", "version", "kind", "target", "requestedBy",
                         "approvedBy", "approvedAt", "createdAt", "finishedAt", "url", "deploymentUrl", "rolledBackTo",
                         "error"},
                        {"durationMs"}, {{QStringLiteral("status"), status}, {QStringLiteral("steps"), arrayOf(step)}});
}

QJsonObject environmentSchema()
{
    QJsonObject approver{{QStringLiteral("type"), QJsonArray{QStringLiteral("string"), QStringLiteral("null")}}};
    return objectSchema({"projectId", "name", "promotesFrom", "target", "currentDeploymentId", "currentReleaseId",
                         "currentVersion", "url", "health", "updatedAt"},
                        {}, {{QStringLiteral("autoDeploy"), typed("boolean")}, {QStringLiteral("approver"), approver}});
}

} // namespace helios::server
