// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include "core/config.h"

#include <QCoreApplication>
#include <QTextStream>

namespace helios::cli {

namespace {

QString usage(const Program &program)
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
    for (const Command &c : program.commands)
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

int run(const QStringList &arguments, const Program &program)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = arguments.mid(1);

    Config::LoadOptions options;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString flag = args.takeFirst();
        if (flag == QLatin1String("--help") || flag == QLatin1String("-h")) {
            out << usage(program);
            return Success;
        }
        if (flag == QLatin1String("--version")) {
            out << "helios " << HELIOS_VERSION << '\n';
            return Success;
        }
        if (flag == QLatin1String("--self-test") && program.selfTest)
            return program.selfTest(out, err);
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
        err << "helios: unknown option " << flag << "\n\n" << usage(program);
        return Usage;
    }
    if (args.isEmpty()) {
        err << usage(program);
        return Usage;
    }

    const QString name = args.takeFirst();
    for (const Command &c : program.commands) {
        if (name != QLatin1StringView(c.name))
            continue;
        const auto config = Config::load(options);
        if (!config.ok()) {
            err << "helios: configuration: " << config.error().toString() << '\n';
            return Failure;
        }
        return c.run(*config, args);
    }
    err << "helios: unknown command \"" << name << "\"\n\n" << usage(program);
    return Usage;
}

} // namespace helios::cli
