// SPDX-License-Identifier: Apache-2.0
#include "deploy_command.h"

#include "cli.h"
#include "waypoint_cli_support.h"
#include "waypoint_json.h"

#include "core/config.h"
#include "engine.h"
#include "waypoint/waypoint_service.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace helios::cli {

namespace {

const char *const deployHelp =
    "usage: helios deploy <env> [--project DIR] [--version V] [--approve] [--promote] [--json]\n"
    "       helios deploy <env> [--project DIR] [--version V] --target kubernetes --dry-run [--out FILE]\n"
    "\n"
    "Deploys a release of the project (made by `helios build`) to an environment (dev,\n"
    "staging, prod, or as helios.json's deploy block names them): pull the image, roll it\n"
    "out, check its health, and only then switch the environment's address to it. A\n"
    "release that does not become healthy is rolled back to the environment's last\n"
    "healthy release, which keeps serving throughout.\n"
    "\n"
    "An environment with an approval gate (staging: a developer, prod: an admin) records\n"
    "the deployment as waiting; `helios deploy <env> --approve` approves the waiting one,\n"
    "or deploys and approves at once when none waits. You act as your OS user with the\n"
    "role `helios users` gave it (admin when the users table does not know you).\n"
    "\n"
    "options:\n"
    "  --project DIR      the project (default: the current directory)\n"
    "  --version V        the release to deploy (default: the latest; see helios releases)\n"
    "  --approve          approve the environment's gate (your role must allow it)\n"
    "  --promote          deploy what the previous environment runs (staging <- dev ...)\n"
    "  --target kubernetes --dry-run\n"
    "                     print the Deployment, Service and Ingress for the release as\n"
    "                     YAML and contact nothing\n"
    "  --out FILE         with --dry-run: write the YAML to FILE instead of stdout\n"
    "  --json             print the deployment as one JSON object on stdout\n"
    "  --help             this help\n"
    "\n"
    "exit: 0 deployed or waiting for approval, 1 failed (and rolled back) or could not\n"
    "start (unknown environment or version, no releases, refused), 2 usage\n";

struct Arguments {
    QString environment;
    QString project = QStringLiteral(".");
    QString version;
    QString target;
    QString out;
    bool approve = false;
    bool promote = false;
    bool dryRun = false;
    bool json = false;
};

QString parse(const QStringList &args, Arguments &parsed, bool &help)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--project") || a == QLatin1String("--version") || a == QLatin1String("--target")
            || a == QLatin1String("--out")) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(a);
            const QString value = args.at(++i);
            if (a == QLatin1String("--project"))
                parsed.project = value;
            else if (a == QLatin1String("--version"))
                parsed.version = value;
            else if (a == QLatin1String("--target"))
                parsed.target = value;
            else
                parsed.out = value;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            help = true;
        } else if (a == QLatin1String("--approve")) {
            parsed.approve = true;
        } else if (a == QLatin1String("--promote")) {
            parsed.promote = true;
        } else if (a == QLatin1String("--dry-run")) {
            parsed.dryRun = true;
        } else if (a == QLatin1String("--json")) {
            parsed.json = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return QStringLiteral("unknown option %1").arg(a.left(80));
        } else if (!parsed.environment.isEmpty()) {
            return QStringLiteral("one environment at most, got %1 and %2").arg(parsed.environment, a.left(80));
        } else {
            parsed.environment = a;
        }
    }
    if (help)
        return {};
    if (parsed.environment.isEmpty())
        return QStringLiteral("which environment? (dev, staging, prod)");
    if (!parsed.target.isEmpty() && parsed.target != QLatin1String("kubernetes"))
        return QStringLiteral("--target takes kubernetes (with --dry-run), not \"%1\"").arg(parsed.target.left(80));
    if (parsed.target.isEmpty() != !parsed.dryRun)
        return QStringLiteral("--target kubernetes and --dry-run go together");
    if (!parsed.out.isEmpty() && !parsed.dryRun)
        return QStringLiteral("--out goes with --dry-run");
    if (parsed.dryRun && (parsed.approve || parsed.promote || parsed.json))
        return QStringLiteral("--dry-run only prints manifests; --approve, --promote and --json do not go with it");
    if (parsed.promote && !parsed.version.isEmpty())
        return QStringLiteral("--promote deploys what the previous environment runs; --version does not go with it");
    return {};
}

int writeManifests(waypoint::WaypointService &service, const QString &projectId, const Arguments &args)
{
    QTextStream err(stderr);
    const auto yaml = service.kubernetesManifests(projectId, args.environment, args.version);
    if (!yaml) {
        err << "helios deploy: " << yaml.error().toString() << '\n';
        return Failure;
    }
    if (args.out.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(*yaml) != yaml->size()) {
            err << "helios deploy: cannot write the manifests to stdout\n";
            return Failure;
        }
        return Success;
    }
    QSaveFile file(args.out);
    if (!file.open(QIODevice::WriteOnly) || file.write(*yaml) != yaml->size() || !file.commit()) {
        err << "helios deploy: cannot write " << args.out << ": " << file.errorString() << '\n';
        return Failure;
    }
    err << "helios deploy: wrote the Deployment, Service and Ingress of " << args.environment << " to " << args.out << '\n';
    return Success;
}

// The deployment of `environment` that waits for approval (of `version` when given).
Result<std::optional<waypoint::Deployment>> waitingDeployment(waypoint::WaypointService &service, const QString &projectId,
                                                              const QString &environment, const QString &version)
{
    const auto history = service.history(projectId, environment);
    HELIOS_TRY(history);
    for (const waypoint::Deployment &deployment : *history)
        if (deployment.status == waypoint::DeploymentStatus::AwaitingApproval
            && (version.isEmpty() || deployment.version == version))
            return std::optional(deployment);
    return std::optional<waypoint::Deployment>();
}

QString approverOf(waypoint::WaypointService &service, const QString &projectId, const QString &environment)
{
    const auto environments = service.environments(projectId);
    if (environments)
        for (const waypoint::EnvironmentState &state : *environments)
            if (state.name == environment && state.policy.approver)
                return landing::roleName(*state.policy.approver);
    return QStringLiteral("approver");
}

int report(waypoint::WaypointService &service, const waypoint::Deployment &deployment, const Arguments &args)
{
    QTextStream out(stdout);
    if (args.json)
        out << QJsonDocument(server::deploymentJson(deployment)).toJson(QJsonDocument::Compact) << '\n';
    else
        printSteps(out, deployment);
    const QString what = QStringLiteral("%1 of %2").arg(deployment.version, deployment.environment);
    switch (deployment.status) {
    case waypoint::DeploymentStatus::Succeeded:
        if (!args.json)
            out << "deployed " << deployment.version << " to " << deployment.environment << " in " << deployment.durationMs
                << " ms: " << deployment.url << '\n';
        return Success;
    case waypoint::DeploymentStatus::AwaitingApproval: {
        const QString role = approverOf(service, deployment.projectId, deployment.environment);
        QTextStream(stderr) << "helios deploy: " << deployment.version << " waits for approval by a " << role
                            << (role == QLatin1String("admin") ? QString() : QStringLiteral("/admin"))
                            << ": run helios deploy " << deployment.environment << " --approve\n";
        return Success;
    }
    case waypoint::DeploymentStatus::Failed:
        QTextStream(stderr) << "helios deploy: " << what << " failed: " << deployment.error << "; "
                            << (deployment.rolledBackTo.isEmpty()
                                    ? QStringLiteral("%1 had no healthy release to go back to").arg(deployment.environment)
                                    : QStringLiteral("rolled back to %1, which %2 serves").arg(deployment.rolledBackTo, deployment.environment))
                            << '\n';
        return Failure;
    case waypoint::DeploymentStatus::Running:
    case waypoint::DeploymentStatus::RolledBack:
        break;
    }
    QTextStream(stderr) << "helios deploy: " << what << " ended "
                        << waypoint::deploymentStatusName(deployment.status) << '\n';
    return Failure;
}

} // namespace

int runDeploy(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Arguments args;
    bool help = false;
    if (const QString problem = parse(arguments, args, help); !problem.isEmpty()) {
        err << "helios deploy: " << problem << "\n\n" << deployHelp;
        return Usage;
    }
    if (help) {
        out << deployHelp;
        return Success;
    }
    auto session = WaypointSession::open(config);
    if (!session) {
        err << "helios deploy: " << session.error().toString() << '\n';
        return Failure;
    }
    waypoint::WaypointService &service = *(*session)->service;
    const auto projectId = releasedProjectIdOf(service, args.project);
    if (!projectId) {
        err << "helios deploy: " << projectId.error().message << '\n';
        return Failure;
    }
    if (args.dryRun)
        return writeManifests(service, *projectId, args);

    QElapsedTimer clock;
    clock.start();
    const auto progress = [&clock, quiet = args.json](const waypoint::DeployProgress &step) {
        if (quiet)
            return;
        QTextStream line(stderr);
        line << '[' << QString::number(clock.elapsed() / 1000.0, 'f', 2).rightJustified(6) << "s] "
             << step.step.leftJustified(8) << ' ' << step.text << '\n';
    };
    const landing::Identity actor = waypoint::localIdentity((*session)->engine->store());
    Result<waypoint::Deployment> deployment = makeError(ErrorCode::Internal, QStringLiteral("nothing was started"));
    std::optional<waypoint::Deployment> waiting;
    if (args.approve) {
        auto found = waitingDeployment(service, *projectId, args.environment, args.version);
        if (!found) {
            err << "helios deploy: " << found.error().toString() << '\n';
            return Failure;
        }
        waiting = *found;
    }
    waypoint::DeployRequest request;
    request.projectId = *projectId;
    request.environment = args.environment;
    request.version = args.version;
    request.approve = args.approve;
    request.progress = progress;
    if (waiting) {
        err << "helios deploy: approving " << waiting->version << " for " << args.environment << " (requested by "
            << waiting->requestedBy << " at " << waiting->createdAt << ") as " << actor.subject << '\n';
        err.flush();
        deployment = service.approve(waiting->id, actor, progress);
    } else if (args.promote) {
        deployment = service.promote(request, actor);
    } else {
        deployment = service.deploy(request, actor);
    }
    if (!deployment) {
        err << "helios deploy: " << deployment.error().toString() << '\n';
        return Failure;
    }
    return report(service, *deployment, args);
}

} // namespace helios::cli
