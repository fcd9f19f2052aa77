// SPDX-License-Identifier: Apache-2.0
// The built helios-workbench (HELIOS_WORKBENCH_PATH, offscreen) closes in order on SIGINT
// and SIGTERM: it says so and exits with 0, instead of being killed by the signal (which
// left a scaffold's npm running in its own process group).
#include "cli_run.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace helios;

class WorkbenchSignalsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void closesInOrder_data();
    void closesInOrder();
};

void WorkbenchSignalsTest::closesInOrder_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << QStringLiteral("SIGTERM");
    QTest::newRow("SIGINT") << int(SIGINT) << QStringLiteral("SIGINT");
}

void WorkbenchSignalsTest::closesInOrder()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = test::cliEnvironment(home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    QProcess workbench;
    workbench.setProcessEnvironment(env);
    workbench.setWorkingDirectory(home.path());
    workbench.start(QStringLiteral(HELIOS_WORKBENCH_PATH), {});
    QVERIFY2(workbench.waitForStarted(30000), qPrintable(workbench.errorString()));

    // The handler is in place before the engine reports itself open.
    QByteArray err;
    const QDeadlineTimer opened(120000);
    while (!err.contains("engine open") && !opened.hasExpired() && workbench.state() == QProcess::Running) {
        workbench.waitForReadyRead(1000);
        err += workbench.readAllStandardError();
    }
    QVERIFY2(err.contains("engine open"), err.constData());

    QCOMPARE(::kill(pid_t(workbench.processId()), signalNumber), 0);
    QVERIFY2(workbench.waitForFinished(60000), "the workbench did not close after the signal");
    err += workbench.readAllStandardError();
    QCOMPARE(workbench.exitStatus(), QProcess::NormalExit);
    QCOMPARE(workbench.exitCode(), 0);
    QVERIFY2(err.contains(QStringLiteral("helios-workbench: %1 received, closing").arg(name).toUtf8()), err.constData());
}

QTEST_GUILESS_MAIN(WorkbenchSignalsTest)
#include "workbench_signals_test.moc"
