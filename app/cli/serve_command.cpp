// SPDX-License-Identifier: Apache-2.0
#include "serve_command.h"

#include "cli.h"

#include "server_node.h"

#include "core/config.h"
#include "core/termination_signals.h"
#include "engine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace helios::cli {

namespace {

const char *const kHelp =
    "usage: helios serve [--role control|compute|all] [--bind ADDRESS] [options]\n"
    "\n"
    "Serves the subsystems of a node's role over HTTPS until SIGTERM or SIGINT, then\n"
    "drains: requests in flight finish, new ones are refused.\n"
    "  control  LANDING 3000, IGNITION 3002, IGNIS 3004\n"
    "  compute  SLATE 3001, SPARK 3003, WAYPOINT 3005\n"
    "  all      all six (the default)\n"
    "WAYPOINT's local deployments are served over plain HTTP on HELIOS_SITES_PORT\n"
    "(default 3105) by the node that runs WAYPOINT.\n"
    "Ports: HELIOS_<NAME>_PORT (0 picks a free one). A subsystem another node runs is\n"
    "reached through LANDING at HELIOS_<NAME>_UPSTREAM. TLS: HELIOS_TLS_CERT and\n"
    "HELIOS_TLS_KEY, else a self-signed certificate kept in the data dir. Identity:\n"
    "HELIOS_JWT_SECRET (HS256), HELIOS_JWKS_URL (RS256/ES256), HELIOS_JWT_ISSUER,\n"
    "HELIOS_JWT_AUDIENCE; HELIOS_ANONYMOUS=1 only on a loopback address.\n"
    "\n"
    "options:\n"
    "  --role ROLE          control, compute or all\n"
    "  --bind ADDRESS       the address every port listens on (default 127.0.0.1)\n"
    "  --ready-file FILE    once listening, write {\"pid\", \"role\", \"ports\": {name: port}}\n"
    "                       (\"sites\" is the deployments' port)\n"
    "  --no-access-log      no JSON access log lines on stdout\n"
    "  --drain-seconds N    how long requests in flight may take at shutdown (default 20)\n"
    "  --help               this help\n";

bool writeReadyFile(const QString &path, const QJsonObject &ready, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit()) {
        error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

int runServe(const Config &config, const QStringList &args)
{
    QTextStream err(stderr);
    server::ServerNode::Options options;
    QString readyFile;
    int drainSeconds = 20;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (a == u"--help") {
            QTextStream(stdout) << kHelp;
            return Success;
        }
        if (a == u"--no-access-log") {
            options.accessLog = false;
            continue;
        }
        const std::optional<QString> v = value();
        if (!v) {
            err << "helios serve: " << a << " needs a value (helios serve --help)\n";
            return Usage;
        }
        if (a == u"--role") {
            const auto role = server::nodeRoleFromName(*v);
            if (!role) {
                err << "helios serve: --role is control, compute or all, not \"" << *v << "\"\n";
                return Usage;
            }
            options.role = *role;
        } else if (a == u"--bind") {
            if (!options.address.setAddress(*v)) {
                err << "helios serve: --bind needs an IP address, not \"" << *v << "\"\n";
                return Usage;
            }
        } else if (a == u"--ready-file") {
            readyFile = *v;
        } else if (a == u"--drain-seconds") {
            bool ok = false;
            drainSeconds = v->toInt(&ok);
            if (!ok || drainSeconds < 0) {
                err << "helios serve: --drain-seconds needs a number of seconds\n";
                return Usage;
            }
        } else {
            err << "helios serve: unknown option " << a << " (helios serve --help)\n";
            return Usage;
        }
    }

    auto engine = Engine::open(config);
    if (!engine) {
        err << "helios serve: " << engine.error().toString() << '\n';
        return Failure;
    }
    // Before the node: a signal during start-up must not kill a half-bound server.
    TerminationSignals terminations;
    auto node = server::ServerNode::start(**engine, options);
    if (!node) {
        err << "helios serve: " << node.error().toString() << '\n';
        return Failure;
    }

    QJsonObject ports;
    for (const server::ServerNode::Listener &l : (*node)->listeners()) {
        ports.insert(l.subsystem, l.port);
        err << "helios serve: " << l.subsystem.toUpper() << " on https://" << options.address.toString() << ':' << l.port << '\n';
    }
    if (const QUrl sites = (*node)->sitesUrl(); sites.isValid()) {
        ports.insert(QStringLiteral("sites"), sites.port());
        err << "helios serve: WAYPOINT's deployments on http://" << options.address.toString() << ':' << sites.port() << '\n';
    }
    err.flush();
    if (!readyFile.isEmpty()) {
        QString error;
        const QJsonObject ready{{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                {QStringLiteral("role"), server::nodeRoleName(options.role)},
                                {QStringLiteral("ports"), ports}};
        if (!writeReadyFile(readyFile, ready, error)) {
            err << "helios serve: cannot write " << readyFile << ": " << error << '\n';
            return Failure;
        }
    }

    server::ServerNode *running = node->get();
    QObject::connect(&terminations, &TerminationSignals::received, running, [&err, running, drainSeconds](int number) {
        err << "helios serve: signal " << number << ", draining\n";
        err.flush();
        running->drain(std::chrono::seconds(drainSeconds));
    });
    QObject::connect(running, &server::ServerNode::drained, running, []() { QCoreApplication::exit(0); });
    const int code = QCoreApplication::exec();
    err << "helios serve: stopped\n";
    return code == 0 ? Success : Failure;
}

} // namespace helios::cli
