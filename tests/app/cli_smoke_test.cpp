// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios` binary the way a user or a script does.
#include "cli_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class CliSmokeTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;
    static Run helios(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      const QString &program = QStringLiteral(HELIOS_CLI_PATH))
    {
        return helios::test::runCli(program, args, env);
    }
    // Every back end embedded, whatever the developer's shell exports.
    static QProcessEnvironment embeddedEnvironment(const QString &dataDir) { return helios::test::cliEnvironment(dataDir); }

private Q_SLOTS:
    void testVersionPrintsTheProjectVersion()
    {
        const Run r = helios({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("helios " HELIOS_VERSION));
    }

    void testHelpListsTheCommands()
    {
        const Run r = helios({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("usage: helios"));
        QVERIFY(r.out.contains("status"));
    }

    void testEveryCommandButTokensIsHandedToHeliosEngine()
    {
        // A copy of `helios` alone in a directory has no helios-engine beside it: it says
        // so for other commands and still runs `helios tokens` itself.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("helios"));
        QVERIFY(QFile::copy(QStringLiteral(HELIOS_CLI_PATH), copy));
        const Run status = helios({QStringLiteral("status")}, embeddedEnvironment(dir.path()), copy);
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("helios-engine is missing"), status.err.constData());
        const Run tokens = helios({QStringLiteral("tokens"), QStringLiteral("--help")}, embeddedEnvironment(dir.path()), copy);
        QVERIFY2(tokens.exitCode == 0, tokens.err.constData());
        QVERIFY(tokens.out.contains("usage: helios tokens"));
        // Beside its engine, the same command works, global options and all.
        const Run real = helios({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status")}, embeddedEnvironment(dir.path()));
        QVERIFY2(real.exitCode == 0, real.err.constData());
        QVERIFY(real.out.contains("store"));
    }

    void testSelfTestRoundTripsEveryBackend()
    {
        const Run r = helios({QStringLiteral("--self-test")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char *backend : {"store ok", "cache ok", "bus ok", "artifacts ok"})
            QVERIFY2(r.out.contains(backend), r.out.constData());
    }

    void testMisuseExitsWithUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::newRow("no command at all") << QStringList{} << QByteArray("usage:");
        QTest::newRow("an unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown command \"frobnicate\"");
        QTest::newRow("an unknown option") << QStringList{QStringLiteral("--frob")} << QByteArray("unknown option --frob");
        QTest::newRow("a flag missing its value") << QStringList{QStringLiteral("--config")} << QByteArray("needs a value");
        QTest::newRow("an unknown argument to status") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")} << QByteArray("unknown argument --bogus");
    }
    void testMisuseExitsWithUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, messagePart);
        QTemporaryDir dir;
        const Run r = helios(args, embeddedEnvironment(dir.path()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), r.err.constData());
    }

    void testStatusReportsEmbeddedBackendsAsJson()
    {
        QTemporaryDir dir;
        const Run r = helios({QStringLiteral("status"), QStringLiteral("--json")}, embeddedEnvironment(dir.path()));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray backends = o.value(QStringLiteral("backends")).toArray();
        QCOMPARE(backends.size(), 4);
        QStringList kinds;
        for (const QJsonValue &b : backends)
            kinds << b.toObject().value(QStringLiteral("kind")).toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("sqlite"), QStringLiteral("memory"), QStringLiteral("memory"),
                                     QStringLiteral("oci-layout")}));
    }

    void testBadConfigurationIsReportedAndChangesNothing()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = embeddedEnvironment(dir.path());
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://user:hunter2@db/x"));
        const Run r = helios({QStringLiteral("status")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("expected postgresql"), r.err.constData());
        QVERIFY2(!r.err.contains("hunter2"), "the password reached the output");
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void testUnreachableBackendIsAClearErrorWithoutTheSecret()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = embeddedEnvironment(dir.path());
        env.insert(QStringLiteral("REDIS_URL"), QStringLiteral("redis://:hunter2@127.0.0.1:1/0"));
        env.insert(QStringLiteral("HELIOS_CONNECT_TIMEOUT_MS"), QStringLiteral("1000"));
        const Run r = helios({QStringLiteral("status")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("127.0.0.1:1"), r.err.constData());
        QVERIFY2(!r.err.contains("hunter2"), "the password reached the output");
    }
};

QTEST_GUILESS_MAIN(CliSmokeTest)
#include "cli_smoke_test.moc"
