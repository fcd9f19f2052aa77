// SPDX-License-Identifier: Apache-2.0
#include "deploy_texts.h"

#include "deploy_panel.h"

#include <QDateTime>
#include <QLocale>

namespace helios::panels {

// lupdate files these under the panel's context.
using Tr = DeployPanel;

QString deploymentStatusText(waypoint::DeploymentStatus status) {
    switch (status) {
    case waypoint::DeploymentStatus::AwaitingApproval:
        return Tr::tr("awaiting approval");
    case waypoint::DeploymentStatus::Running:
        return Tr::tr("running");
    case waypoint::DeploymentStatus::Succeeded:
        return Tr::tr("succeeded");
    case waypoint::DeploymentStatus::Failed:
        return Tr::tr("failed, rolled back");
    case waypoint::DeploymentStatus::RolledBack:
        return Tr::tr("rolled back");
    }
    return {};
}

QString healthText(const QString &health) {
    if (health == QLatin1StringView("healthy"))
        return Tr::tr("healthy");
    if (health == QLatin1StringView("unhealthy"))
        return Tr::tr("unhealthy");
    return Tr::tr("not deployed");
}

QString stepText(const QString &step) {
    if (step == QLatin1StringView("queued"))
        return Tr::tr("Queued");
    if (step == QLatin1StringView("config"))
        return Tr::tr("Loading the configuration");
    if (step == QLatin1StringView("pull"))
        return Tr::tr("Pulling the image");
    if (step == QLatin1StringView("rollout"))
        return Tr::tr("Rolling out");
    if (step == QLatin1StringView("health"))
        return Tr::tr("Checking health");
    if (step == QLatin1StringView("switch"))
        return Tr::tr("Switching the address");
    if (step == QLatin1StringView("rollback"))
        return Tr::tr("Rolling back");
    if (step == QLatin1StringView("record"))
        return Tr::tr("Recording");
    return step;
}

QString deploymentKindText(const QString &kind) {
    if (kind == QLatin1StringView("deploy"))
        return Tr::tr("deploy");
    if (kind == QLatin1StringView("promote"))
        return Tr::tr("promotion");
    if (kind == QLatin1StringView("auto"))
        return Tr::tr("automatic deploy");
    if (kind == QLatin1StringView("rollback"))
        return Tr::tr("rollback");
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
