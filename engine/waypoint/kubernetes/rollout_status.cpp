// SPDX-License-Identifier: Apache-2.0
// rolloutStatusOf: the Deployment status rules `kubectl rollout status` applies, so that
// WAYPOINT and an operator watching the same cluster agree on when a rollout is done.
#include "waypoint/kubernetes/kubernetes_client.h"

#include <QJsonArray>

namespace helios::waypoint {

namespace {

QJsonObject conditionOf(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &condition : status.value(QStringLiteral("conditions")).toArray())
        if (condition.toObject().value(QStringLiteral("type")).toString() == type)
            return condition.toObject();
    return {};
}

qint64 integer(const QJsonObject &object, const QString &key, qint64 fallback = 0)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? qint64(value.toDouble()) : fallback;
}

} // namespace

RolloutStatus rolloutStatusOf(const QJsonObject &deployment)
{
    const QJsonObject metadata = deployment.value(QStringLiteral("metadata")).toObject();
    const QJsonObject spec = deployment.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = deployment.value(QStringLiteral("status")).toObject();
    const QString name = metadata.value(QStringLiteral("name")).toString();

    RolloutStatus result;
    // Until the controller has seen the newest spec, the rest of the status describes an
    // older one.
    if (integer(status, QStringLiteral("observedGeneration")) < integer(metadata, QStringLiteral("generation"))) {
        result.message = QStringLiteral("waiting for the deployment's new spec to be observed");
        return result;
    }
    const QJsonObject progressing = conditionOf(status, QStringLiteral("Progressing"));
    if (progressing.value(QStringLiteral("reason")).toString() == QLatin1StringView("ProgressDeadlineExceeded")) {
        result.failed = true;
        const QString why = progressing.value(QStringLiteral("message")).toString();
        result.message = QStringLiteral("deployment %1 exceeded its progress deadline%2")
                             .arg(name, why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return result;
    }
    const qint64 wanted = integer(spec, QStringLiteral("replicas"), 1); // the API's default
    const qint64 replicas = integer(status, QStringLiteral("replicas"));
    const qint64 updated = integer(status, QStringLiteral("updatedReplicas"));
    const qint64 available = integer(status, QStringLiteral("availableReplicas"));
    if (updated < wanted) {
        result.message = QStringLiteral("%1 of %2 new replicas have been updated").arg(updated).arg(wanted);
    } else if (replicas > updated) {
        result.message = QStringLiteral("%1 old replicas are pending termination").arg(replicas - updated);
    } else if (available < updated) {
        result.message = QStringLiteral("%1 of %2 updated replicas are available").arg(available).arg(updated);
    } else {
        result.done = true;
        result.message = QStringLiteral("%1 of %2 updated replicas are available").arg(available).arg(updated);
    }
    return result;
}

} // namespace helios::waypoint
