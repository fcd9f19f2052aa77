// SPDX-License-Identifier: Apache-2.0
#include "rollback_command.h"

#include "cli.h"
#include "waypoint_cli_support.h"
#include "waypoint_json.h"

#include "core/config.h"
#include "engine.h"
#include "waypoint/waypoint_service.h"

#include <QJsonDocument>
#include <QTextStream>

namespace helios::cli {

namespace {

const char *const rollbackHelp =
    "usage: helios rollback <env> [--project DIR] [--json]\n"
    "\n"
    "Puts the environment back on the healthy release it ran before the current one (on\n"
    "the local target an instant switch of its address). Running it again goes further\n"
    "back. Needs the role that may deploy to the environment (prod: admin).\n"
    "\n"
    "options:\n"
    "  --project DIR  the project (default: the current directory)\n"
    "  --json         print the rollback's record as one JSON object on stdout\n"
    "  --help         this help\n"
    "\n"
    "exit: 0 rolled back, 1 nothing to go back to, refused or failed, 2 usage\n";

} // namespace

int runRollback(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString environment;
    QString project = QStringLiteral(".");
    bool json = false;
    QString problem;
    for (qsizetype i = 0; i < arguments.size() && problem.isEmpty(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << rollbackHelp;
            return Success;
        }
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--project") && i + 1 < arguments.size())
            project = arguments.at(++i);
        else if (a == QLatin1String("--project"))
            problem = QStringLiteral("--project needs a value");
        else if (a.startsWith(QLatin1Char('-')))
            problem = QStringLiteral("unknown option %1").arg(a.left(80));
        else if (!environment.isEmpty())
            problem = QStringLiteral("one environment at most, got %1 and %2").arg(environment, a.left(80));
        else
            environment = a;
    }
    if (problem.isEmpty() && environment.isEmpty())
        problem = QStringLiteral("which environment? (dev, staging, prod)");
    if (!problem.isEmpty()) {
        err << "helios rollback: " << problem << "\n\n" << rollbackHelp;
        return Usage;
    }

    auto session = WaypointSession::open(config);
    if (!session) {
        err << "helios rollback: " << session.error().toString() << '\n';
        return Failure;
    }
    waypoint::WaypointService &service = *(*session)->service;
    const auto projectId = releasedProjectIdOf(service, project);
    if (!projectId) {
        err << "helios rollback: " << projectId.error().message << '\n';
        return Failure;
    }
    const auto rolledBack = service.rollback(*projectId, environment, waypoint::localIdentity((*session)->engine->store()));
    if (!rolledBack) {
        err << "helios rollback: " << rolledBack.error().toString() << '\n';
        return Failure;
    }
    if (json)
        out << QJsonDocument(server::deploymentJson(*rolledBack)).toJson(QJsonDocument::Compact) << '\n';
    else
        printSteps(out, *rolledBack);
    if (rolledBack->status != waypoint::DeploymentStatus::RolledBack
        && rolledBack->status != waypoint::DeploymentStatus::Succeeded) {
        err << "helios rollback: " << environment << " could not go back to " << rolledBack->version << ": "
            << rolledBack->error << '\n';
        return Failure;
    }
    if (!json)
        out << environment << " is back on " << rolledBack->version << " (" << rolledBack->durationMs
            << " ms): " << rolledBack->url << '\n';
    return Success;
}

} // namespace helios::cli
