// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios new` and `helios build` the way a user or a CI script does:
// exit codes, the JSON report, errors with a code frame, publishing, --history and
// --watch rebuilding after an edit.
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class BuildCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    QProcessEnvironment environment() const { return helios::test::cliEnvironment(m_dir.filePath(QStringLiteral("data"))); }

    Run helios(const QStringList &args)
    {
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), args, environment(), m_dir.path());
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void append(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(text);
    }

    static QJsonObject lastJsonLine(const QByteArray &out)
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.constLast()).object();
    }

    QString project() const { return m_dir.filePath(QStringLiteral("shop")); }
    QString component() const { return project() + QStringLiteral("/src/components/Card/Card.tsx"); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const Run created = helios(helios::test::newReactLibraryArgs(project(), QStringLiteral("shop"), QStringLiteral("Card")));
        QVERIFY2(created.exitCode == 0, created.err.constData());
    }

    void helpAndUsage()
    {
        const Run help = helios({QStringLiteral("build"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("usage: helios build"));
        QVERIFY(help.out.contains("HELIOS_ESBUILD"));
        const Run unknown = helios({QStringLiteral("build"), QStringLiteral("--fast")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown option --fast"));
        const Run stray = helios({QStringLiteral("build"), project(), QStringLiteral("--version"), QStringLiteral("1.0.0")});
        QCOMPARE(stray.exitCode, 2);
        QVERIFY(stray.err.contains("--version and --base go with --publish"));
    }

    void notAProjectFails()
    {
        const Run run = helios({QStringLiteral("build"), m_dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("has no helios.json"), run.err.constData());
    }

    void buildPrintsItsOutputsAndPublishes()
    {
        const Run run = helios({QStringLiteral("build"), project(), QStringLiteral("--publish"), QStringLiteral("--version"),
                                QStringLiteral("0.3.0")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("dist/index.html"), run.out.constData());
        QVERIFY(run.out.contains("cache: miss"));
        QVERIFY(run.out.contains("published helios/shop:0.3.0 sha256:"));
        // Progress lines on stderr, one per step, since stderr is not a terminal here.
        QVERIFY2(run.err.contains("[1/8] reading helios.json"), run.err.constData());
        QVERIFY(run.err.contains("[8/8] publishing the OCI image"));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/oci/helios/shop/index.json"))));
    }

    void jsonReportOfACacheHit()
    {
        const Run run = helios({QStringLiteral("build"), project(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(!run.err.contains("[1/"), "no progress lines with --json");
        const QJsonObject report = lastJsonLine(run.out);
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(report.value(QStringLiteral("cache")).toString(), QStringLiteral("hit"));
        QVERIFY(report.value(QStringLiteral("outputBytes")).toInteger() > 1000);
        QVERIFY(!report.value(QStringLiteral("outputs")).toArray().isEmpty());
    }

    void compileErrorShowsAFrameAndKeepsTheOutput()
    {
        const QByteArray before = read(project() + QStringLiteral("/dist/manifest.json"));
        const QByteArray source = read(component());
        const int lines = int(source.count('\n'));
        append(component(), "const oops = ;\n");
        const Run run = helios({QStringLiteral("build"), project()});
        QFile restore(component());
        QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
        restore.write(source);
        restore.close();

        QCOMPARE(run.exitCode, 1);
        const QByteArray location = "src/components/Card/Card.tsx:" + QByteArray::number(lines + 1) + ":";
        QVERIFY2(run.err.contains(location), run.err.constData());
        QVERIFY2(run.err.contains(QByteArray("> " + QByteArray::number(lines + 1) + " | const oops = ;")), run.err.constData());
        QVERIFY(run.err.contains("dist/ is unchanged"));
        QCOMPARE(read(project() + QStringLiteral("/dist/manifest.json")), before);
    }

    void historyListsTheBuilds()
    {
        const Run run = helios({QStringLiteral("build"), project(), QStringLiteral("--history"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject history = lastJsonLine(run.out);
        const QJsonObject statistics = history.value(QStringLiteral("statistics")).toObject();
        QCOMPARE(statistics.value(QStringLiteral("builds")).toInteger(), 3);
        QCOMPARE(statistics.value(QStringLiteral("failed")).toInteger(), 1);
        QCOMPARE(statistics.value(QStringLiteral("cacheHits")).toInteger(), 1);
        const QJsonArray builds = history.value(QStringLiteral("builds")).toArray();
        QCOMPARE(builds.size(), 3);
        QCOMPARE(builds.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    }

    void watchRebuildsAfterAnEdit()
    {
        QProcess watcher;
        watcher.setProcessEnvironment(environment());
        watcher.start(QStringLiteral(HELIOS_CLI_PATH),
                      {QStringLiteral("build"), project(), QStringLiteral("--watch"), QStringLiteral("--json")});
        QVERIFY(watcher.waitForStarted(10000));
        QByteArray out;
        const auto reports = [&] {
            out += watcher.readAllStandardOutput();
            return out.count('\n');
        };
        QByteArray err;
        // The first build, then the watches are in place (it says so) before the edit.
        QTRY_VERIFY_WITH_TIMEOUT(reports() >= 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT((err += watcher.readAllStandardError()).contains("helios build: watching"), 30000);
        append(component(), "export const watched = 1;\n");
        QTRY_VERIFY_WITH_TIMEOUT(reports() >= 2, 60000);
        const QJsonObject rebuilt = lastJsonLine(out);
        QCOMPARE(rebuilt.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(rebuilt.value(QStringLiteral("cache")).toString(), QStringLiteral("partial"));
        ::kill(pid_t(watcher.processId()), SIGTERM);
        QVERIFY(watcher.waitForFinished(20000));
        QCOMPARE(watcher.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watcher.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(BuildCliTest)
#include "build_cli_test.moc"
