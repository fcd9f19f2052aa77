// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include "build_command.h"
#include "dev_command.h"
#include "new_command.h"
#include "self_test.h"
#include "serve_command.h"
#include "status_command.h"
#include "tokens_command.h"
#include "users_command.h"

#include "core/config.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>

namespace helios::cli {

namespace {

struct Command {
    const char *name;
    const char *summary;
    std::function<int(const Config &, const QStringList &)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"build", "production build of a project, cached; --watch rebuilds (helios build --help)", runBuild},
        {"dev", "serve a project for development with hot updates (helios dev --help)", runDev},
        {"new", "create a project from a template (helios new --help, --list)", runNew},
        {"serve", "serve a node's subsystems over HTTPS (helios serve --help)", runServe},
        {"status", "show each back end: kind, location, reachable, latency [--json]", runStatus},
        {"tokens", "design tokens: validate, build, diff, check (helios tokens --help)", runTokens},
        {"users", "who may use the server: add, role, remove, list, token (helios users --help)", runUsers},
    };
    return list;
}

QString usage()
{
    QString text = QStringLiteral(
        "usage: helios [--config FILE] [--data-dir DIR] <command> [options]\n"
        "       helios --version | --help | --self-test\n"
        "\n"
        "The Helios engine, headless. Back ends come from the environment (DATABASE_URL,\n"
        "REDIS_URL, REDIS_SENTINEL_URL, NATS_URL, REGISTRY_URL, ...) or a config file;\n"
        "unset means embedded (SQLite, in-process cache and bus, an OCI layout directory).\n"
        "\n"
        "commands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name).leftJustified(10), QLatin1StringView(c.summary));
    text += QStringLiteral(
        "\noptions:\n"
        "  --config FILE    read settings from FILE (JSON; keys are the variable names)\n"
        "  --data-dir DIR   keep embedded state in DIR (HELIOS_DATA_DIR)\n"
        "  --self-test      round-trip every embedded back end in a temporary dir\n"
        "  --version        print the version\n"
        "  --help           print this help\n");
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = arguments.mid(1);

    Config::LoadOptions options;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString flag = args.takeFirst();
        if (flag == QLatin1String("--help") || flag == QLatin1String("-h")) {
            out << usage();
            return Success;
        }
        if (flag == QLatin1String("--version")) {
            out << "helios " << HELIOS_VERSION << '\n';
            return Success;
        }
        if (flag == QLatin1String("--self-test"))
            return runSelfTest(out, err);
        if (flag == QLatin1String("--config") || flag == QLatin1String("--data-dir")) {
            if (args.isEmpty()) {
                err << "helios: " << flag << " needs a value\n";
                return Usage;
            }
            if (flag == QLatin1String("--config"))
                options.configFile = args.takeFirst();
            else
                options.overrides.insert(QString::fromLatin1(Config::DataDir), args.takeFirst());
            continue;
        }
        err << "helios: unknown option " << flag << "\n\n" << usage();
        return Usage;
    }
    if (args.isEmpty()) {
        err << usage();
        return Usage;
    }

    const QString name = args.takeFirst();
    for (const Command &c : commands()) {
        if (name != QLatin1StringView(c.name))
            continue;
        const auto config = Config::load(options);
        if (!config.ok()) {
            err << "helios: configuration: " << config.error().toString() << '\n';
            return Failure;
        }
        return c.run(*config, args);
    }
    err << "helios: unknown command \"" << name << "\"\n\n" << usage();
    return Usage;
}

} // namespace helios::cli
