// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace helios::test {

// What one run of the built `helios` printed and returned (-1: it crashed).
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// This process's environment with every Helios setting removed (nothing from the
// developer's shell leaks in) and the embedded back ends kept under `dataDir`.
inline QProcessEnvironment cliEnvironment(const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : Config::knownKeys())
        env.remove(key);
    env.remove(QStringLiteral("HELIOS_CONFIG"));
    env.insert(QStringLiteral("HELIOS_DATA_DIR"), dataDir);
    return env;
}

// Runs `helios <args>` to its end (a hang fails the test run).
inline CliRun runCli(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                     const QString &workDir = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        qFatal("helios %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The arguments of `helios new react-library <dir>` (no npm install): the project most CLI
// tests start from.
inline QStringList newReactLibraryArgs(const QString &dir, const QString &name, const QString &component)
{
    return {QStringLiteral("new"), QStringLiteral("react-library"), dir, QStringLiteral("--param"),
            QStringLiteral("name=") + name, QStringLiteral("--param"), QStringLiteral("component=") + component,
            QStringLiteral("--no-install")};
}

} // namespace helios::test
