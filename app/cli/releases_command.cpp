// SPDX-License-Identifier: Apache-2.0
#include "releases_command.h"

#include "cli.h"
#include "waypoint_cli_support.h"
#include "waypoint_json.h"

#include "core/config.h"
#include "waypoint/waypoint_service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace helios::cli {

namespace {

const char *const releasesHelp =
    "usage: helios releases [--project DIR] [--json]\n"
    "\n"
    "The project's releases, newest first: version, number, image digest, when it was\n"
    "made and the first lines of its changelog (the git commits since the release\n"
    "before); then each environment with the version it runs, its health and address.\n"
    "`helios build` makes a release of every successful build.\n"
    "\n"
    "options:\n"
    "  --project DIR  the project (default: the current directory)\n"
    "  --json         one JSON object {projectId, releases, environments} on stdout\n"
    "  --help         this help\n"
    "\n"
    "exit: 0 listed, 1 not a project or the store could not be read, 2 usage\n";

constexpr int changelogLines = 3;

void printReleases(QTextStream &out, const QList<waypoint::Release> &releases)
{
    if (releases.isEmpty()) {
        out << "no releases yet; `helios build` makes one\n";
        return;
    }
    out << "releases:\n";
    for (const waypoint::Release &release : releases) {
        out << "  " << release.version.leftJustified(10) << " #" << QString::number(release.number).leftJustified(4) << ' '
            << shortDigest(release.imageDigest).leftJustified(20) << "  " << release.createdAt << '\n';
        for (qsizetype i = 0; i < std::min<qsizetype>(changelogLines, release.changelog.size()); ++i)
            out << "      " << release.changelog.at(i) << '\n';
        if (release.changelog.size() > changelogLines)
            out << "      (" << release.changelog.size() - changelogLines << " more)\n";
    }
}

void printEnvironments(QTextStream &out, const QList<waypoint::EnvironmentState> &environments)
{
    if (environments.isEmpty())
        return;
    out << "environments:\n";
    for (const waypoint::EnvironmentState &environment : environments) {
        const QString version = environment.currentVersion.isEmpty() ? QStringLiteral("-") : environment.currentVersion;
        QString gate = environment.policy.autoDeploy ? QStringLiteral("deploys every build") : QString();
        if (environment.policy.approver)
            gate = QStringLiteral("%1 approves").arg(landing::roleName(*environment.policy.approver));
        out << "  " << environment.name.leftJustified(10) << ' ' << version.leftJustified(10) << ' '
            << environment.health.leftJustified(10) << ' ' << gate.leftJustified(20) << ' '
            << (environment.currentVersion.isEmpty() ? QString() : environment.url) << '\n';
    }
}

} // namespace

int runReleases(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString project = QStringLiteral(".");
    bool json = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << releasesHelp;
            return Success;
        }
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--project") && i + 1 < arguments.size()) {
            project = arguments.at(++i);
        } else {
            err << "helios releases: "
                << (a == QLatin1String("--project") ? QStringLiteral("--project needs a value")
                                                    : QStringLiteral("unexpected argument %1").arg(a.left(80)))
                << "\n\n" << releasesHelp;
            return Usage;
        }
    }
    auto session = WaypointSession::open(config);
    if (!session) {
        err << "helios releases: " << session.error().toString() << '\n';
        return Failure;
    }
    waypoint::WaypointService &service = *(*session)->service;
    const auto projectId = projectIdOf(service, project);
    if (!projectId) {
        err << "helios releases: " << projectId.error().message << '\n';
        return Failure;
    }
    const auto releases = service.releases(*projectId);
    if (!releases) {
        err << "helios releases: " << releases.error().toString() << '\n';
        return Failure;
    }
    // Before the first release there is no stored policy, hence no environments.
    QList<waypoint::EnvironmentState> environments;
    if (!releases->isEmpty()) {
        auto states = service.environments(*projectId);
        if (!states) {
            err << "helios releases: " << states.error().toString() << '\n';
            return Failure;
        }
        environments = *states;
    }
    if (json) {
        QJsonArray releaseArray;
        for (const waypoint::Release &release : *releases)
            releaseArray.append(server::releaseJson(release));
        QJsonArray environmentArray;
        for (const waypoint::EnvironmentState &environment : std::as_const(environments))
            environmentArray.append(server::environmentJson(environment));
        out << QJsonDocument(QJsonObject{{QStringLiteral("projectId"), *projectId},
                                         {QStringLiteral("releases"), releaseArray},
                                         {QStringLiteral("environments"), environmentArray}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
        return Success;
    }
    printReleases(out, *releases);
    printEnvironments(out, environments);
    return Success;
}

} // namespace helios::cli
