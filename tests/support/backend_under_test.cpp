// SPDX-License-Identifier: Apache-2.0
#include "backend_under_test.h"

#include "test_config.h"

#include <QProcess>
#include <QTcpServer>
#include <QTest>

namespace helios::test {

bool realBackend() { return qEnvironmentVariable("HELIOS_TEST_BACKEND") == QLatin1String("real"); }

QString serviceUrl(const QString &key)
{
    const QString var = QStringLiteral("HELIOS_TEST_") + key;
    const QString url = qEnvironmentVariable(var.toLatin1().constData());
    if (url.isEmpty())
        qFatal("%s is not set: run the real-backend suites through scripts/test, which starts the servers",
               qPrintable(var));
    return url;
}

Config configFor(const QString &dataDir, const QStringList &keys)
{
    Config config = Config::embedded(dataDir);
    config.set(QString::fromLatin1(Config::ConnectTimeoutMs), QStringLiteral("3000"));
    if (realBackend()) {
        for (const QString &key : keys)
            config.set(key, serviceUrl(key));
    }
    return config;
}

namespace {
bool runService(const QString &verb, const QString &name, QString *errorMessage)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(HELIOS_SOURCE_DIR "/scripts/service"), {verb, name});
    const bool finished = process.waitForFinished(60000);
    const bool ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok && errorMessage)
        *errorMessage = QStringLiteral("scripts/service %1 %2 failed: %3")
                            .arg(verb, name, QString::fromLocal8Bit(process.readAll()));
    return ok;
}
} // namespace

bool restartService(const QString &name, QString *errorMessage) { return runService(QStringLiteral("restart"), name, errorMessage); }
bool stopService(const QString &name, QString *errorMessage) { return runService(QStringLiteral("stop"), name, errorMessage); }
bool startService(const QString &name, QString *errorMessage) { return runService(QStringLiteral("start"), name, errorMessage); }

QString deadTcpAddress()
{
    // Bind an ephemeral port, then close it: nothing listens there afterwards.
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

} // namespace helios::test
