// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios new ...` against an embedded data dir: help, misuse, dry run,
// JSON output, the react-library template end to end, refusals, and Ctrl+C mid-run.
#include "core/config.h"
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class NewCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    QTemporaryDir m_dataDir;
    QTemporaryDir m_work;

    Run helios(const QStringList &args)
    {
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), QStringList{QStringLiteral("new")} + args,
                                    helios::test::cliEnvironment(m_dataDir.path()), m_work.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dataDir.isValid());
        QVERIFY(m_work.isValid());
    }

    void testHelp()
    {
        const Run r = helios({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("usage: helios new <template> <dir>"), r.out.constData());
        QVERIFY(r.out.contains("--dry-run"));
        QVERIFY(r.out.contains("--no-install"));
    }

    void testListShowsTheBuiltInTemplate()
    {
        const Run r = helios({QStringLiteral("--list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray templates = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("templates")).toArray();
        QCOMPARE(templates.size(), 1);
        QCOMPARE(templates.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("react-library"));
        QVERIFY(!templates.at(0).toObject().value(QStringLiteral("parameters")).toArray().isEmpty());
    }

    void testMisuseExitsWithUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::newRow("no arguments") << QStringList{} << QByteArray("expected <template> <dir>");
        QTest::newRow("a template without a directory")
            << QStringList{QStringLiteral("react-library")} << QByteArray("expected <template> <dir>");
        QTest::newRow("a parameter without =")
            << QStringList{QStringLiteral("react-library"), QStringLiteral("x"), QStringLiteral("--param"), QStringLiteral("name")}
            << QByteArray("NAME=VALUE");
        QTest::newRow("--param without its value")
            << QStringList{QStringLiteral("react-library"), QStringLiteral("x"), QStringLiteral("--param")}
            << QByteArray("needs a value");
        QTest::newRow("an unknown option")
            << QStringList{QStringLiteral("react-library"), QStringLiteral("x"), QStringLiteral("--force")}
            << QByteArray("unknown argument --force");
    }
    void testMisuseExitsWithUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, messagePart);
        const Run r = helios(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), r.err.constData());
    }

    void testDryRunListsFilesAndWritesNothing()
    {
        const QString target = m_work.filePath(QStringLiteral("dry"));
        Run r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param"), QStringLiteral("name=acme-ui"),
                        QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("src/components/Button/Button.tsx"), r.out.constData());
        QVERIFY(r.out.contains("git-init-commit"));
        QVERIFY(!QFileInfo::exists(target));

        r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param=name=acme-ui"), QStringLiteral("--param"),
                    QStringLiteral("component=Card"), QStringLiteral("--dry-run"), QStringLiteral("--no-install"),
                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")), QJsonValue(true));
        QCOMPARE(o.value(QStringLiteral("dryRun")), QJsonValue(true));
        const QJsonObject project = o.value(QStringLiteral("project")).toObject();
        QCOMPARE(project.value(QStringLiteral("path")).toString(), target);
        QStringList paths;
        for (const QJsonValue &f : project.value(QStringLiteral("files")).toArray())
            paths << f.toObject().value(QStringLiteral("path")).toString();
        QVERIFY2(paths.contains(QStringLiteral("src/components/Card/Card.stories.tsx")), qPrintable(paths.join(u' ')));
        QVERIFY(!paths.contains(QStringLiteral("template.json")));
        bool installSkipped = false;
        for (const QJsonValue &s : project.value(QStringLiteral("steps")).toArray())
            if (s.toObject().value(QStringLiteral("type")).toString() == u"npm-install")
                installSkipped = s.toObject().value(QStringLiteral("skipped")).toBool();
        QVERIFY(installSkipped);
        QVERIFY(!QFileInfo::exists(target));
    }

    void testCreatesTheReactLibraryProject()
    {
        const QString target = m_work.filePath(QStringLiteral("acme-ui"));
        Run r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param"), QStringLiteral("name=acme-ui"),
                        QStringLiteral("--no-install")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("created acme-ui"), r.out.constData());
        QVERIFY(r.out.contains("[2/3] npm-install: skipped"));
        QVERIFY(r.out.contains("first commit"));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/src/components/Button/Button.module.css")));
        QVERIFY(QFileInfo(target + QStringLiteral("/.git")).isDir());
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/template.json")));

        // The same directory again: refused, exit 1, nothing changed.
        const QStringList before = QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param"), QStringLiteral("name=acme-ui"),
                    QStringLiteral("--no-install"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("already-exists"));
        QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    }

    void testJsonOutputOfACreatedProject()
    {
        const QString target = m_work.filePath(QStringLiteral("json-ui"));
        const Run r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param"), QStringLiteral("name=json-ui"),
                              QStringLiteral("--param"), QStringLiteral("scope=@acme"), QStringLiteral("--no-install"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")), QJsonValue(true));
        const QJsonObject project = o.value(QStringLiteral("project")).toObject();
        QCOMPARE(project.value(QStringLiteral("name")).toString(), QStringLiteral("json-ui"));
        QCOMPARE(project.value(QStringLiteral("template")).toString(), QStringLiteral("react-library"));
        QCOMPARE(project.value(QStringLiteral("templateSource")).toString(), QStringLiteral("builtin:react-library"));
        QCOMPARE(project.value(QStringLiteral("id")).toString().size(), 36);
        QCOMPARE(project.value(QStringLiteral("commit")).toString().size(), 40);
        QCOMPARE(project.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("scope")).toString(),
                 QStringLiteral("@acme"));
        QVERIFY2(r.err.contains("[3/3] git-init-commit: done"), r.err.constData());
    }

    void testInvalidParametersFailWithEveryProblem()
    {
        const QString target = m_work.filePath(QStringLiteral("bad"));
        const Run r = helios({QStringLiteral("react-library"), target, QStringLiteral("--param"), QStringLiteral("name=Bad Name"),
                              QStringLiteral("--param"), QStringLiteral("license=GPL"), QStringLiteral("--param"),
                              QStringLiteral("colour=red")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not match the pattern"), r.err.constData());
        QVERIFY(r.err.contains("\"GPL\" is not one of"));
        QVERIFY(r.err.contains("unknown parameter \"colour\""));
        QVERIFY(!QFileInfo::exists(target));
    }

    void testCtrlCStopsTheTemplateCommandAndRemovesTheProject()
    {
        // A template whose command would run for minutes; SIGINT, as Ctrl+C sends it.
        const QString templateDir = m_work.filePath(QStringLiteral("slow-template"));
        const QJsonObject manifest{
            {QStringLiteral("name"), QStringLiteral("slow")},
            {QStringLiteral("parameters"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("name")}}}},
            {QStringLiteral("steps"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("render")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("command")},
                                    {QStringLiteral("argv"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                                                        QStringLiteral("touch started; sleep 300")}}}}}};
        QVERIFY(QDir().mkpath(templateDir));
        QFile file(templateDir + QStringLiteral("/template.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(manifest).toJson());
        file.close();

        const QString target = m_work.filePath(QStringLiteral("interrupted"));
        QProcess p;
        p.setProcessEnvironment(helios::test::cliEnvironment(m_dataDir.path()));
        p.setWorkingDirectory(m_work.path());
        p.start(QStringLiteral(HELIOS_CLI_PATH), {QStringLiteral("new"), templateDir, target, QStringLiteral("--param"),
                                                  QStringLiteral("name=interrupted")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target + QStringLiteral("/started")), 60000);
        QVERIFY(::kill(pid_t(p.processId()), SIGINT) == 0);
        // Well before the command's 300 s: stopped, cleaned up, reported.
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("the scaffold was cancelled at step 2 (command), the project was removed"), err.constData());
        QVERIFY(!QFileInfo::exists(target));
    }
};

QTEST_GUILESS_MAIN(NewCliTest)
#include "new_cli_test.moc"
