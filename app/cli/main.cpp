// SPDX-License-Identifier: Apache-2.0
// `helios`: runs `helios tokens` itself and hands every other command to helios-engine.
// A token build is over in tens of milliseconds, most of it process start-up, so this
// executable links only QtCore and SLATE; loading the server, data and build libraries
// first took longer than building 10,000 tokens (bench/tokens).
#include "cli.h"
#include "engine_handoff.h"
#include "tokens_command.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char **argv)
{
    // Nothing the CLI runs needs GLib's main loop; Qt's own UNIX dispatcher costs less
    // per event, which `helios serve` feels on every request. A caller may still choose.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    const char *command = helios::cli::commandName(argc, argv);
    if (!command || std::strcmp(command, "tokens") != 0)
        return helios::cli::runInEngine(argv);

    QCoreApplication app(argc, argv);
    static constexpr helios::cli::Command tokens[] = {
        {"tokens", "design tokens", helios::cli::runTokens},
    };
    return helios::cli::run(app.arguments(), {tokens});
}
