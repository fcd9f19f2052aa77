// SPDX-License-Identifier: Apache-2.0
#include "status_command.h"

#include "cli.h"

#include "engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace helios::cli {

int runStatus(const Config &config, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else {
            err << "helios status: unknown argument " << a << '\n';
            return Usage;
        }
    }

    const auto engine = Engine::open(config);
    if (!engine.ok()) {
        if (json) {
            out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                             {QStringLiteral("error"), engine.error().toString()},
                                             {QStringLiteral("code"), errorCodeName(engine.error().code)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        } else {
            err << "helios status: " << engine.error().toString() << '\n';
        }
        return Failure;
    }

    const QList<Engine::BackendStatus> statuses = (*engine)->backendStatus();
    bool allReachable = true;
    QJsonArray rows;
    for (const Engine::BackendStatus &s : statuses) {
        allReachable = allReachable && s.reachable;
        rows.append(QJsonObject{{QStringLiteral("role"), s.role},
                                {QStringLiteral("kind"), s.kind},
                                {QStringLiteral("location"), s.location},
                                {QStringLiteral("reachable"), s.reachable},
                                {QStringLiteral("latencyMicros"), s.latencyMicros},
                                {QStringLiteral("error"), s.error}});
        if (!json) {
            out << s.role.leftJustified(10) << s.kind.leftJustified(12)
                << (s.reachable ? QStringLiteral("ok   %1 ms").arg(s.latencyMicros / 1000.0, 0, 'f', 2)
                                : QStringLiteral("DOWN %1").arg(s.error))
                << "  " << s.location << '\n';
        }
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), allReachable}, {QStringLiteral("backends"), rows}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    }
    return allReachable ? Success : Failure;
}

} // namespace helios::cli
