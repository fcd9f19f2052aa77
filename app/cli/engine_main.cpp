// SPDX-License-Identifier: Apache-2.0
// `helios-engine`: every helios command. Users run `helios`, which hands over to this
// executable (see engine_handoff.h) for everything but `helios tokens`.
#include "build_command.h"
#include "cli.h"
#include "deploy_command.h"
#include "dev_command.h"
#include "generate_command.h"
#include "mcp_command.h"
#include "new_command.h"
#include "releases_command.h"
#include "rollback_command.h"
#include "self_test.h"
#include "serve_command.h"
#include "status_command.h"
#include "tokens_command.h"
#include "users_command.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // Set by `helios` before the hand-over; repeated for a direct start (see main.cpp).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    using namespace helios::cli;
    static constexpr Command commands[] = {
        {"build", "production build of a project, cached; --watch rebuilds (helios build --help)", runBuild},
        {"deploy", "deploy a release to an environment, approve, promote (helios deploy --help)", runDeploy},
        {"dev", "serve a project for development with hot updates (helios dev --help)", runDev},
        {"generate", "a React component from a prompt, checked and written (helios generate --help)", runGenerate},
        {"mcp", "the Luminera MCP server for a project on stdio (helios mcp --help)", runMcp},
        {"new", "create a project from a template (helios new --help, --list)", runNew},
        {"releases", "a project's releases and what each environment runs [--json]", runReleases},
        {"rollback", "put an environment back on its previous healthy release (helios rollback --help)", runRollback},
        {"serve", "serve a node's subsystems over HTTPS (helios serve --help)", runServe},
        {"status", "show each back end: kind, location, reachable, latency [--json]", runStatus},
        {"tokens", "design tokens: validate, build, diff, check (helios tokens --help)", runTokens},
        {"users", "who may use the server: add, role, remove, list, token (helios users --help)", runUsers},
    };
    return run(app.arguments(), {commands, runSelfTest});
}
