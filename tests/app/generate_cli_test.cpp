// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios generate` the way a user or a script does: help, the JSON report,
// usage errors (unknown expert, no prompt), a dry run that writes nothing, and a
// generation written into a project from `helios new`.
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class GenerateCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    Run helios(const QStringList &args, const QString &workDir = {})
    {
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), args,
                                     helios::test::cliEnvironment(m_dir.filePath(QStringLiteral("data"))),
                                     workDir.isEmpty() ? m_dir.path() : workDir);
    }

    static QJsonObject json(const Run &run)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON (%s): %s", qPrintable(error.errorString()), run.out.constData());
        return doc.object();
    }

    QString project() const { return m_dir.filePath(QStringLiteral("shop")); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const Run created = helios(helios::test::newReactLibraryArgs(project(), QStringLiteral("shop"), QStringLiteral("Sample")));
        QVERIFY2(created.exitCode == 0, created.err.constData());
    }

    void helpListsTheOptionsAndExperts()
    {
        const Run help = helios({QStringLiteral("generate"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("usage: helios generate"));
        QVERIFY(help.out.contains("--dry-run"));
        QVERIFY(help.out.contains("text-field"));
        const Run top = helios({QStringLiteral("--help")});
        QVERIFY(top.out.contains("generate"));
    }

    void withoutAProjectTheJsonHasTheRoutingAndTheFiles()
    {
        const Run run = helios({QStringLiteral("generate"), QStringLiteral("a primary button called Go"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = json(run);
        const QJsonArray routing = report.value(QStringLiteral("routing")).toArray();
        QCOMPARE(routing.size(), 3);
        QCOMPARE(routing.first().toObject().value(QStringLiteral("expert")).toString(), QStringLiteral("button"));
        QVERIFY(routing.first().toObject().value(QStringLiteral("gate")).toDouble() > 0);
        QVERIFY(routing.first().toObject().value(QStringLiteral("drivers")).isArray());
        const QJsonArray files = report.value(QStringLiteral("files")).toArray();
        QVERIFY(!files.isEmpty());
        QCOMPARE(files.first().toObject().value(QStringLiteral("path")).toString(), QStringLiteral("src/components/Go/Go.tsx"));
        QVERIFY(!files.first().toObject().value(QStringLiteral("content")).toString().isEmpty());
        QCOMPARE(files.first().toObject().value(QStringLiteral("written")).toBool(), false);
        QVERIFY(report.value(QStringLiteral("validation")).toObject().value(QStringLiteral("passed")).toBool());
        QCOMPARE(report.value(QStringLiteral("version")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("tokens")).toString(), QStringLiteral("built-in tokens"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("src"))));
    }

    void withoutAProjectTheCodeIsPrinted()
    {
        const Run run = helios({QStringLiteral("generate"), QStringLiteral("an"), QStringLiteral("alert"), QStringLiteral("called"),
                                QStringLiteral("Notice"), QStringLiteral("--top"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("routing"), run.out.constData());
        QVERIFY(run.out.contains("%"));
        QVERIFY(run.out.contains("not written (no project)"));
        QVERIFY(run.out.contains("--- Notice/Notice.tsx"));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("an unknown expert lists the valid ones")
            << QStringList{QStringLiteral("a button"), QStringLiteral("--expert"), QStringLiteral("carousel")}
            << QByteArray("unknown expert \"carousel\"; the experts are: button, text-field");
        QTest::newRow("no prompt says what to do") << QStringList{} << QByteArray("say what to generate");
        QTest::newRow("an empty prompt is refused") << QStringList{QString()} << QByteArray("prompt");
        QTest::newRow("a prompt of punctuation is refused") << QStringList{QStringLiteral("?!?! ...")} << QByteArray("prompt");
        QTest::newRow("a bad --top is refused")
            << QStringList{QStringLiteral("a button"), QStringLiteral("--top"), QStringLiteral("99")} << QByteArray("--top");
        QTest::newRow("an unknown option is refused") << QStringList{QStringLiteral("a button"), QStringLiteral("--fast")}
                                                     << QByteArray("unknown option --fast");
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run run = helios(QStringList{QStringLiteral("generate")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY2(run.err.contains("helios generate: "), run.err.constData());
    }

    void aDryRunWritesNothing()
    {
        const Run run = helios({QStringLiteral("generate"), QStringLiteral("a card called PromoCard with a title"),
                                QStringLiteral("--project"), project(), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = json(run);
        QCOMPARE(report.value(QStringLiteral("dryRun")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("version")).toInt(), 0);
        QVERIFY(report.value(QStringLiteral("written")).toArray().isEmpty());
        QVERIFY(report.value(QStringLiteral("tokens")).toString().startsWith(QStringLiteral("project tokens")));
        QVERIFY(!QFileInfo::exists(project() + QStringLiteral("/src/components/PromoCard")));
        QFile index(project() + QStringLiteral("/src/index.ts"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QVERIFY(!index.readAll().contains("PromoCard"));
    }

    void inAProjectTheFilesAreWrittenAndVersioned()
    {
        // The current directory is the project: no --project needed.
        const Run run = helios({QStringLiteral("generate"), QStringLiteral("a card called PromoCard with a title"),
                                QStringLiteral("--no-build")},
                               project());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("version  PromoCard v1 in shop"), run.out.constData());
        QVERIFY(QFileInfo::exists(project() + QStringLiteral("/src/components/PromoCard/PromoCard.tsx")));
        QFile index(project() + QStringLiteral("/src/index.ts"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QVERIFY(index.readAll().contains("export * from './components/PromoCard';"));

        const Run again = helios({QStringLiteral("generate"), QStringLiteral("a card called PromoCard with a title and an image"),
                                  QStringLiteral("--project"), project(), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject report = json(again);
        QCOMPARE(report.value(QStringLiteral("version")).toInt(), 2);
        QVERIFY(report.value(QStringLiteral("written")).toArray().contains(QStringLiteral("src/components/PromoCard/PromoCard.tsx")));
        QVERIFY2(report.value(QStringLiteral("build")).toObject().value(QStringLiteral("built")).toBool(), again.out.constData());
    }
};

QTEST_GUILESS_MAIN(GenerateCliTest)
#include "generate_cli_test.moc"
