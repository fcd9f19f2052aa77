// SPDX-License-Identifier: Apache-2.0
// DeployPolicy's defaults and its JSON form in the Store; reading helios.json is in
// deploy_policy_reader.cpp.
#include "waypoint/deploy_policy.h"

#include <QJsonArray>

namespace helios::waypoint {

namespace {

QJsonObject healthToJson(const HealthCheck &health)
{
    return {{QStringLiteral("path"), health.path},
            {QStringLiteral("attempts"), health.attempts},
            {QStringLiteral("intervalMs"), health.intervalMs},
            {QStringLiteral("timeoutMs"), health.timeoutMs},
            {QStringLiteral("successThreshold"), health.successThreshold}};
}

HealthCheck healthFromJson(const QJsonObject &json)
{
    HealthCheck health;
    health.path = json.value(QStringLiteral("path")).toString(health.path);
    health.attempts = json.value(QStringLiteral("attempts")).toInt(health.attempts);
    health.intervalMs = json.value(QStringLiteral("intervalMs")).toInt(health.intervalMs);
    health.timeoutMs = json.value(QStringLiteral("timeoutMs")).toInt(health.timeoutMs);
    health.successThreshold = json.value(QStringLiteral("successThreshold")).toInt(health.successThreshold);
    return health;
}

QJsonObject kubernetesToJson(const KubernetesSettings &k)
{
    return {{QStringLiteral("namespace"), k.ns},           {QStringLiteral("host"), k.host},
            {QStringLiteral("replicas"), k.replicas},      {QStringLiteral("containerPort"), k.containerPort},
            {QStringLiteral("registry"), k.registry},      {QStringLiteral("ingressClass"), k.ingressClass},
            {QStringLiteral("rolloutTimeoutMs"), k.rolloutTimeoutMs}};
}

KubernetesSettings kubernetesFromJson(const QJsonObject &json)
{
    KubernetesSettings k;
    k.ns = json.value(QStringLiteral("namespace")).toString(k.ns);
    k.host = json.value(QStringLiteral("host")).toString();
    k.replicas = json.value(QStringLiteral("replicas")).toInt(k.replicas);
    k.containerPort = json.value(QStringLiteral("containerPort")).toInt(k.containerPort);
    k.registry = json.value(QStringLiteral("registry")).toString();
    k.ingressClass = json.value(QStringLiteral("ingressClass")).toString();
    k.rolloutTimeoutMs = json.value(QStringLiteral("rolloutTimeoutMs")).toInt(k.rolloutTimeoutMs);
    return k;
}

EnvironmentPolicy environment(const QString &name, bool autoDeploy, std::optional<landing::Role> approver,
                              const QString &from)
{
    EnvironmentPolicy policy;
    policy.name = name;
    policy.autoDeploy = autoDeploy;
    policy.approver = approver;
    policy.promotesFrom = from;
    return policy;
}

} // namespace

const EnvironmentPolicy *DeployPolicy::environment(const QString &name) const
{
    for (const EnvironmentPolicy &policy : environments)
        if (policy.name == name)
            return &policy;
    return nullptr;
}

DeployPolicy DeployPolicy::defaults()
{
    DeployPolicy policy;
    policy.environments = {
        waypoint::environment(QStringLiteral("dev"), true, std::nullopt, {}),
        waypoint::environment(QStringLiteral("staging"), false, landing::Role::Developer, QStringLiteral("dev")),
        waypoint::environment(QStringLiteral("prod"), false, landing::Role::Admin, QStringLiteral("staging")),
    };
    return policy;
}

QJsonObject DeployPolicy::toJson() const
{
    QJsonArray list;
    for (const EnvironmentPolicy &env : environments)
        list.append(QJsonObject{{QStringLiteral("name"), env.name},
                                {QStringLiteral("auto"), env.autoDeploy},
                                {QStringLiteral("approval"), env.approver ? landing::roleName(*env.approver) : QString()},
                                {QStringLiteral("from"), env.promotesFrom},
                                {QStringLiteral("target"), env.target},
                                {QStringLiteral("health"), healthToJson(env.health)},
                                {QStringLiteral("retention"), env.retention}});
    return {{QStringLiteral("version"), versionSchemeName(versionScheme)},
            {QStringLiteral("kubernetes"), kubernetesToJson(kubernetes)},
            {QStringLiteral("environments"), list}};
}

Result<DeployPolicy> DeployPolicy::fromJson(const QJsonObject &json)
{
    DeployPolicy policy;
    if (json.contains(QStringLiteral("version"))) {
        const auto scheme = versionSchemeFromName(json.value(QStringLiteral("version")).toString());
        HELIOS_TRY(scheme);
        policy.versionScheme = *scheme;
    }
    policy.kubernetes = kubernetesFromJson(json.value(QStringLiteral("kubernetes")).toObject());
    for (const QJsonValue &value : json.value(QStringLiteral("environments")).toArray()) {
        const QJsonObject env = value.toObject();
        EnvironmentPolicy e;
        e.name = env.value(QStringLiteral("name")).toString();
        if (e.name.isEmpty())
            return makeError(ErrorCode::Corrupt, QStringLiteral("a stored deploy policy has an environment without a name"));
        e.autoDeploy = env.value(QStringLiteral("auto")).toBool();
        if (const QString approval = env.value(QStringLiteral("approval")).toString(); !approval.isEmpty()) {
            e.approver = landing::roleFromName(approval);
            if (!e.approver)
                return makeError(ErrorCode::Corrupt, QStringLiteral("a stored deploy policy names an unknown role \"%1\"")
                                                         .arg(approval));
        }
        e.promotesFrom = env.value(QStringLiteral("from")).toString();
        e.target = env.value(QStringLiteral("target")).toString(e.target);
        e.health = healthFromJson(env.value(QStringLiteral("health")).toObject());
        e.retention = env.value(QStringLiteral("retention")).toInt(e.retention);
        policy.environments.append(e);
    }
    return policy;
}

} // namespace helios::waypoint
