// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios build`, `deploy`, `releases` and `rollback` the way a user does on
// a fresh machine with the embedded back ends: a build becomes a release deployed to dev,
// staging waits for approval, approving deploys it, rollback goes back a release, a
// developer may not approve prod, and mistakes are refused with nothing changed.
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class DeployCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    QProcessEnvironment environment(const QString &user = QStringLiteral("deploy-test-owner")) const
    {
        QProcessEnvironment env = helios::test::cliEnvironment(m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("USER"), user);
        // The dry run must not reach it: nothing listens there.
        env.insert(QStringLiteral("HELIOS_KUBE_API"), QStringLiteral("https://127.0.0.1:9"));
        return env;
    }

    Run helios(const QStringList &args, const QString &user = QStringLiteral("deploy-test-owner"))
    {
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), args, environment(user), m_dir.path());
    }

    QString project() const { return m_dir.filePath(QStringLiteral("shop")); }
    QStringList inProject(QStringList args) const { return args << QStringLiteral("--project") << project(); }

    // `helios releases --json`, checked to have run.
    QJsonObject releases()
    {
        const Run run = helios(inProject({QStringLiteral("releases"), QStringLiteral("--json")}));
        if (run.exitCode != 0)
            qWarning("helios releases failed: %s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object();
    }

    static QJsonObject environmentNamed(const QJsonObject &releases, const QString &name)
    {
        for (const QJsonValue &environment : releases.value(QStringLiteral("environments")).toArray())
            if (environment.toObject().value(QStringLiteral("name")).toString() == name)
                return environment.toObject();
        return {};
    }

    static QString live(const QJsonObject &releases, const QString &environment)
    {
        return environmentNamed(releases, environment).value(QStringLiteral("currentVersion")).toString();
    }

    static QString versionAt(const QJsonObject &releases, int newest)
    {
        return releases.value(QStringLiteral("releases")).toArray().at(newest).toObject().value(QStringLiteral("version")).toString();
    }

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
        const Run help = helios({QStringLiteral("deploy"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("usage: helios deploy <env>"));
        QVERIFY(helios({QStringLiteral("releases"), QStringLiteral("--help")}).out.contains("usage: helios releases"));
        QVERIFY(helios({QStringLiteral("rollback"), QStringLiteral("--help")}).out.contains("usage: helios rollback"));

        const Run noEnvironment = helios({QStringLiteral("deploy")});
        QCOMPARE(noEnvironment.exitCode, 2);
        QVERIFY2(noEnvironment.err.contains("which environment?"), noEnvironment.err.constData());
        const Run dryRunAlone = helios({QStringLiteral("deploy"), QStringLiteral("prod"), QStringLiteral("--dry-run")});
        QCOMPARE(dryRunAlone.exitCode, 2);
        QVERIFY(dryRunAlone.err.contains("--target kubernetes and --dry-run go together"));
        const Run otherTarget = helios({QStringLiteral("deploy"), QStringLiteral("prod"), QStringLiteral("--target"),
                                        QStringLiteral("nomad"), QStringLiteral("--dry-run")});
        QCOMPARE(otherTarget.exitCode, 2);
        QVERIFY(otherTarget.err.contains("--target takes kubernetes"));
        const Run promoteVersion = helios({QStringLiteral("deploy"), QStringLiteral("staging"), QStringLiteral("--promote"),
                                           QStringLiteral("--version"), QStringLiteral("1.0.0")});
        QCOMPARE(promoteVersion.exitCode, 2);
        QCOMPARE(helios({QStringLiteral("rollback")}).exitCode, 2);
        QCOMPARE(helios({QStringLiteral("releases"), QStringLiteral("--fast")}).exitCode, 2);
    }

    void missingProjectIsNamed()
    {
        const QString nowhere = m_dir.filePath(QStringLiteral("nowhere"));
        const Run deploy = helios({QStringLiteral("deploy"), QStringLiteral("dev"), QStringLiteral("--project"), nowhere});
        QCOMPARE(deploy.exitCode, 1);
        QVERIFY2(deploy.err.contains(QByteArray(QDir::toNativeSeparators(nowhere).toUtf8() + " has no helios.json")), deploy.err.constData());
        const Run list = helios({QStringLiteral("releases"), QStringLiteral("--project"), nowhere});
        QCOMPARE(list.exitCode, 1);
        QVERIFY(list.err.contains("has no helios.json"));
    }

    void nothingToDeployBeforeTheFirstBuild()
    {
        const Run deploy = helios(inProject({QStringLiteral("deploy"), QStringLiteral("dev")}));
        QCOMPARE(deploy.exitCode, 1);
        QVERIFY2(deploy.err.contains("has no releases yet"), deploy.err.constData());
        QVERIFY(releases().value(QStringLiteral("releases")).toArray().isEmpty());
    }

    void buildReleasesAndDeploysDev()
    {
        const Run build = helios({QStringLiteral("build"), project()});
        QVERIFY2(build.exitCode == 0, build.err.constData());
        QVERIFY2(build.out.contains("released "), build.out.constData());
        QVERIFY2(build.out.contains(" to dev in "), build.out.constData());

        const QJsonObject state = releases();
        const QJsonArray list = state.value(QStringLiteral("releases")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject release = list.first().toObject();
        QCOMPARE(release.value(QStringLiteral("number")).toInt(), 1);
        QVERIFY(release.value(QStringLiteral("imageDigest")).toString().startsWith(QStringLiteral("sha256:")));
        const QJsonObject dev = environmentNamed(state, QStringLiteral("dev"));
        QCOMPARE(dev.value(QStringLiteral("currentVersion")).toString(), release.value(QStringLiteral("version")).toString());
        QCOMPARE(dev.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
        QVERIFY(live(state, QStringLiteral("staging")).isEmpty());
        QVERIFY(live(state, QStringLiteral("prod")).isEmpty());
        // The deployment is on disk, unpacked from the image, for `helios serve` to serve.
        const QString deploymentDir = m_dir.filePath(QStringLiteral("data/waypoint/deployments/")
                                                     + dev.value(QStringLiteral("currentDeploymentId")).toString());
        QVERIFY2(QFile::exists(deploymentDir + QStringLiteral("/index.html")), qPrintable(deploymentDir));

        const Run text = helios(inProject({QStringLiteral("releases")}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("releases:") && text.out.contains("environments:"), text.out.constData());
        QVERIFY(text.out.contains(release.value(QStringLiteral("imageDigest")).toString().left(19).toUtf8()));
    }

    void stagingWaitsForApproval()
    {
        const Run deploy = helios(inProject({QStringLiteral("deploy"), QStringLiteral("staging")}));
        QVERIFY2(deploy.exitCode == 0, deploy.err.constData());
        QVERIFY2(deploy.err.contains("waits for approval by a developer"), deploy.err.constData());
        QVERIFY(deploy.err.contains("run helios deploy staging --approve"));
        QVERIFY(live(releases(), QStringLiteral("staging")).isEmpty());
    }

    void approvingDeploysStaging()
    {
        const Run approve = helios(inProject({QStringLiteral("deploy"), QStringLiteral("staging"), QStringLiteral("--approve")}));
        QVERIFY2(approve.exitCode == 0, approve.err.constData());
        QVERIFY2(approve.err.contains("approving "), approve.err.constData());
        // Progress on stderr with the time since the start, then each timed step.
        QVERIFY2(approve.err.contains("s] queued"), approve.err.constData());
        QVERIFY2(approve.out.contains("  health ") && approve.out.contains(" ms  "), approve.out.constData());
        QVERIFY2(approve.out.contains("deployed "), approve.out.constData());
        const QJsonObject state = releases();
        QCOMPARE(live(state, QStringLiteral("staging")), versionAt(state, 0));
        QCOMPARE(environmentNamed(state, QStringLiteral("staging")).value(QStringLiteral("health")).toString(),
                 QStringLiteral("healthy"));
    }

    void mistakesChangeNothing()
    {
        const QJsonObject before = releases();
        const Run unknownEnvironment = helios(inProject({QStringLiteral("deploy"), QStringLiteral("qa")}));
        QCOMPARE(unknownEnvironment.exitCode, 1);
        QVERIFY2(unknownEnvironment.err.contains("no environment \"qa\""), unknownEnvironment.err.constData());
        const Run unknownVersion = helios(inProject({QStringLiteral("deploy"), QStringLiteral("dev"), QStringLiteral("--version"),
                                                     QStringLiteral("9.9.9")}));
        QCOMPARE(unknownVersion.exitCode, 1);
        QVERIFY2(unknownVersion.err.contains("9.9.9"), unknownVersion.err.constData());
        const Run unknownRollback = helios(inProject({QStringLiteral("rollback"), QStringLiteral("qa")}));
        QCOMPARE(unknownRollback.exitCode, 1);
        QCOMPARE(releases(), before);
    }

    void developerCannotApproveProd()
    {
        const Run added = helios({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("dana"), QStringLiteral("--role"),
                                  QStringLiteral("developer")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QJsonObject before = releases();
        const Run refused = helios(inProject({QStringLiteral("deploy"), QStringLiteral("prod"), QStringLiteral("--approve")}),
                                   QStringLiteral("dana"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("admin"), refused.err.constData());
        QCOMPARE(releases(), before);
    }

    void rollbackGoesBackARelease()
    {
        QFile component(project() + QStringLiteral("/src/components/Card/Card.tsx"));
        QVERIFY(component.open(QIODevice::Append));
        component.write("export const revision = 2;\n");
        component.close();
        const Run build = helios({QStringLiteral("build"), project()});
        QVERIFY2(build.exitCode == 0, build.err.constData());
        QVERIFY2(build.out.contains(" to dev in "), build.out.constData());
        QJsonObject state = releases();
        QCOMPARE(state.value(QStringLiteral("releases")).toArray().size(), 2);
        const QString first = versionAt(state, 1);
        const QString second = versionAt(state, 0);
        QVERIFY(first != second);
        QCOMPARE(live(state, QStringLiteral("dev")), second);

        const Run rollback = helios(inProject({QStringLiteral("rollback"), QStringLiteral("dev"), QStringLiteral("--json")}));
        QVERIFY2(rollback.exitCode == 0, rollback.err.constData());
        const QJsonObject record = QJsonDocument::fromJson(rollback.out).object();
        QCOMPARE(record.value(QStringLiteral("kind")).toString(), QStringLiteral("rollback"));
        QCOMPARE(record.value(QStringLiteral("version")).toString(), first);
        QCOMPARE(live(releases(), QStringLiteral("dev")), first);

        // Nothing healthy is older than the first release.
        const Run again = helios(inProject({QStringLiteral("rollback"), QStringLiteral("dev")}));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("no earlier healthy release"), again.err.constData());
        QCOMPARE(live(releases(), QStringLiteral("dev")), first);
    }

    void kubernetesDryRunWritesManifests()
    {
        const QJsonObject state = releases();
        const QString digest = state.value(QStringLiteral("releases")).toArray().first().toObject().value(QStringLiteral("imageDigest")).toString();
        const Run dryRun = helios(inProject({QStringLiteral("deploy"), QStringLiteral("prod"), QStringLiteral("--target"),
                                             QStringLiteral("kubernetes"), QStringLiteral("--dry-run")}));
        QVERIFY2(dryRun.exitCode == 0, dryRun.err.constData());
        QVERIFY2(dryRun.out.contains("kind: Deployment"), dryRun.out.constData());
        QVERIFY(dryRun.out.contains("kind: Service"));
        QVERIFY(dryRun.out.contains("kind: Ingress"));
        QVERIFY2(dryRun.out.contains(digest.toUtf8()), qPrintable(digest));

        const QString file = m_dir.filePath(QStringLiteral("prod.yaml"));
        const Run toFile = helios(inProject({QStringLiteral("deploy"), QStringLiteral("prod"), QStringLiteral("--target"),
                                             QStringLiteral("kubernetes"), QStringLiteral("--dry-run"), QStringLiteral("--out"), file}));
        QVERIFY2(toFile.exitCode == 0, toFile.err.constData());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), dryRun.out);
        QCOMPARE(releases(), state); // a dry run records nothing
    }
};

QTEST_GUILESS_MAIN(DeployCliTest)
#include "deploy_cli_test.moc"
