// SPDX-License-Identifier: Apache-2.0
#include "deploy_texts.h"

#include "deploy_panel.h"

#include <QDateTime>
#include <QLocale>

namespace helios::panels {

// lupdate files these under the panel's context.

QString deploymentStatusText(waypoint::DeploymentStatus status) {
    switch (status) {
    case waypoint::DeploymentStatus::AwaitingApproval:
        return DeployPanel::tr("awaiting approval");
    case waypoint::DeploymentStatus::Running:
        return DeployPanel::tr("running");
    case waypoint::DeploymentStatus::Succeeded:
        return DeployPanel::tr("succeeded");
    case waypoint::DeploymentStatus::Failed:
        return DeployPanel::tr("failed, rolled back");
    case waypoint::DeploymentStatus::RolledBack:
        return DeployPanel::tr("rolled back");
    }
    return {};
}

QString healthText(const QString &health) {
    if (health == QLatin1StringView("healthy"))
        return DeployPanel::tr("healthy");
    if (health == QLatin1StringView("unhealthy"))
        return DeployPanel::tr("unhealthy");
    return DeployPanel::tr("not deployed");
}

QString stepText(const QString &step) {
    if (step == QLatin1StringView("queued"))
        return DeployPanel::tr("Queued");
    if (step == QLatin1StringView("config"))
        return DeployPanel::tr("Loading the configuration");
    if (step == QLatin1StringView("pull"))
        return DeployPanel::tr("Pulling the image");
    if (step == QLatin1StringView("rollout"))
        return DeployPanel::tr("Rolling out");
    if (step == QLatin1StringView("health"))
        return DeployPanel::tr("Checking health");
    if (step == QLatin1StringView("switch"))
        return DeployPanel::tr("Switching the address");
    if (step == QLatin1StringView("rollback"))
        return DeployPanel::tr("Rolling back");
    if (step == QLatin1StringView("record"))
        return DeployPanel::tr("Recording");
    return step;
}

QString deploymentKindText(const QString &kind) {
    if (kind == QLatin1StringView("deploy"))
        return DeployPanel::tr("deploy");
    if (kind == QLatin1StringView("promote"))
        return DeployPanel::tr("promotion");
    if (kind == QLatin1StringView("auto"))
        return DeployPanel::tr("automatic deploy");
    if (kind == QLatin1StringView("rollback"))
        return DeployPanel::tr("rollback");
    return kind;
}

QString localTimeText(const QString &rfc3339) {
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!time.isValid())
        return rfc3339;
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString shortDigest(const QString &digest) {
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    return colon < 0 ? digest.left(12) : digest.left(colon + 1 + 12);
}

} // namespace helios::panels
