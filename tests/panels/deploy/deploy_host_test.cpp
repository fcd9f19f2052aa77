// SPDX-License-Identifier: Apache-2.0
// The workbench's deploy wiring: when HELIOS_SITES_PORT is taken, DeployHost serves on a
// free loopback port and says why; its service follows build.completed, so dev deploys a
// build by itself and the environment's address serves the built page. 0 asks for a free
// port (no fallback to explain); a setting that is no port stops it with the key named.
#include "deploy_host.h"

#include "backend_under_test.h"
#include "bus/bus.h"
#include "core/config.h"
#include "engine.h"
#include "waypoint/waypoint_service.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;

class DeployHostTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aTakenPortFallsBackAndBuildsDeployToDevByThemselves();
    void zeroPicksAFreePortAndABadSettingFails();
};

void DeployHostTest::aTakenPortFallsBackAndBuildsDeployToDevByThemselves()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("project/helios.json"),
                  R"({"name": "host", "build": {"entries": [{"name": "app", "entry": "src/main.ts", "html": "index.html"}]}})"));
    QVERIFY(write(QStringLiteral("project/index.html"), "<html></html>"));
    QVERIFY(write(QStringLiteral("project/src/main.ts"), "export {};\n"));
    QVERIFY(write(QStringLiteral("project/dist/index.html"), "<h1>built by the build panel</h1>"));
    const QString project = QDir(dir.filePath(QStringLiteral("project"))).canonicalPath();

    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    Config config = test::configFor(dir.filePath(QStringLiteral("data")), {});
    config.set(QString::fromLatin1(Config::SitesPort), QString::number(squatter.serverPort()));
    auto engine = Engine::open(config);
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));

    workbench::DeployHost host;
    const Result<void> started = host.start(**engine);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    QVERIFY(!host.fallbackReason().isEmpty());
    QVERIFY(host.sitesUrl().port() > 0);
    QVERIFY(host.sitesUrl().port() != squatter.serverPort());
    QCOMPARE(host.sitesUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY2(host.followError().isEmpty(), qPrintable(host.followError()));

    // What a build from the Build panel announces.
    waypoint::WaypointService &service = *host.service();
    const QString projectId = service.projectIdFor(project);
    const QJsonObject data{{QStringLiteral("buildId"), QStringLiteral("build-1")},
                           {QStringLiteral("projectDir"), project},
                           {QStringLiteral("outDir"), QString(project + QStringLiteral("/dist"))}};
    const auto published =
        (*engine)->bus().publish(data::Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"), projectId, data));
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));

    QString url;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto environments = service.environments(projectId);
            if (!environments.ok())
                return false;
            for (const waypoint::EnvironmentState &environment : *environments)
                if (environment.name == QLatin1StringView("dev") && environment.health == QLatin1StringView("healthy"))
                    url = environment.url;
            return !url.isEmpty();
        }(),
        60000);
    QVERIFY(service.waitForIdle(60000));

    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->readAll().contains("built by the build panel"));
    reply->deleteLater();
}

void DeployHostTest::zeroPicksAFreePortAndABadSettingFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto engineWithSitesPort = [&](const QString &dataDir, const QString &port) {
        Config config = test::configFor(dir.filePath(dataDir), {});
        config.set(QString::fromLatin1(Config::SitesPort), port);
        return Engine::open(config);
    };
    auto engine = engineWithSitesPort(QStringLiteral("data"), QStringLiteral("0"));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    {
        workbench::DeployHost host;
        const Result<void> started = host.start(**engine);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QCOMPARE(host.requestedPort(), quint16(0));
        QVERIFY(host.sitesUrl().port() > 0);
        QVERIFY2(host.fallbackReason().isEmpty(), qPrintable(host.fallbackReason()));
    }

    auto badEngine = engineWithSitesPort(QStringLiteral("data-bad"), QStringLiteral("31o5"));
    QVERIFY2(badEngine.ok(), qPrintable(badEngine.ok() ? QString() : badEngine.error().toString()));
    workbench::DeployHost host;
    const Result<void> started = host.start(**badEngine);
    QVERIFY(!started.ok());
    QVERIFY2(started.error().message.contains(QLatin1StringView(Config::SitesPort)), qPrintable(started.error().toString()));
    QVERIFY2(started.error().message.contains(QLatin1StringView("31o5")), qPrintable(started.error().toString()));
    QVERIFY(!host.sitesUrl().isValid());
    QVERIFY(host.service() == nullptr);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("data-bad/waypoint/deployments"))));
}

QTEST_MAIN(DeployHostTest)
#include "deploy_host_test.moc"
