// SPDX-License-Identifier: Apache-2.0
// The local target through the deploy flow's steps, over images IGNIS published and a
// real SiteServer: v1 then v2 go live while a client polls the environment's address
// (every answer 200 and whole), a release failing its health check never reaches the
// environment, rollback switches back (re-unpacking a pruned deployment), prune keeps
// the live one.
#include "waypoint/local_target.h"

#include "artifacts/artifact_store.h"
#include "blocking_http.h"
#include "core/config.h"
#include "ignis/image/image_publisher.h"
#include "site_server.h"
#include "waypoint/health_probe.h"
#include "waypoint/local_sites.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace helios;
using namespace helios::waypoint;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class LocalTargetTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testDeploysAndSwitchesUnderAPollingClient();
    void testFailingHealthCheckNeverReachesTheEnvironment();
    void testRestoreUnpacksAPrunedDeploymentAgain();
    void testRestoreWithoutPreviousTakesTheEnvironmentDown();

private:
    Release publish(const QString &version, const QByteArray &indexHtml, bool withHealthz);
    // pull -> rollOut -> awaitReady -> probe -> activate, as WaypointService runs them.
    Result<QString> deploy(const Release &release, const QString &deploymentId);

    QTemporaryDir m_dir;
    std::unique_ptr<data::ArtifactStore> m_store;
    std::shared_ptr<LocalSites> m_sites;
    std::unique_ptr<server::SiteServer> m_server;
    std::unique_ptr<LocalTarget> m_target;
    EnvironmentPolicy m_dev;
    Release m_v1;
    Release m_v2;
};

void LocalTargetTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    auto store = data::openArtifactStore(Config::embedded(m_dir.filePath(QStringLiteral("data"))));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(store.value());
    m_sites = std::make_shared<LocalSites>(m_dir.filePath(QStringLiteral("deployments")));
    auto started = server::SiteServer::start(m_sites, QHostAddress::LocalHost, 0);
    QVERIFY(started.ok());
    m_server = std::move(started.value());
    m_target = std::make_unique<LocalTarget>(*m_store, *m_sites, m_server->baseUrl(), QUrl(QStringLiteral("http://sites.example:8088")));
    m_dev.name = QStringLiteral("dev");
    m_dev.health.path = QStringLiteral("/healthz.txt");
    m_dev.health.intervalMs = 10;
    m_v1 = publish(QStringLiteral("1.0.0"), "<p>v1</p>", true);
    m_v2 = publish(QStringLiteral("1.0.1"), "<p>v2</p>", true);
    QVERIFY(!m_v1.imageDigest.isEmpty() && !m_v2.imageDigest.isEmpty());
}

Release LocalTargetTest::publish(const QString &version, const QByteArray &indexHtml, bool withHealthz)
{
    const QString site = m_dir.filePath(QStringLiteral("site-") + version);
    writeFile(site + QStringLiteral("/index.html"), indexHtml);
    if (withHealthz)
        writeFile(site + QStringLiteral("/healthz.txt"), "ok");
    ignis::ImageSpec spec;
    spec.sourceDir = site;
    spec.repository = QStringLiteral("helios/shop");
    spec.tag = version;
    spec.created = QDateTime(QDate(2024, 6, 1), QTime(10, 0), Qt::UTC);
    const auto published = ignis::publishImage(*m_store, spec);
    Release release;
    release.id = QStringLiteral("release-") + version;
    release.projectId = QStringLiteral("p1");
    release.version = version;
    release.image = published.ok() ? published->reference() : QString();
    release.imageDigest = published.ok() ? published->manifest.digest : QString();
    release.imageRoot = spec.rootPath;
    return release;
}

Result<QString> LocalTargetTest::deploy(const Release &release, const QString &deploymentId)
{
    const RolloutRequest request{release, m_dev, deploymentId};
    HELIOS_TRY(m_target->pull(request));
    const Result<RolledOut> rolledOut = m_target->rollOut(request);
    if (!rolledOut.ok())
        return rolledOut.error();
    HELIOS_TRY(m_target->awaitReady(request));
    HELIOS_TRY(probeHealth(rolledOut->probeUrl, m_dev.health));
    return m_target->activate(request);
}

void LocalTargetTest::testDeploysAndSwitchesUnderAPollingClient()
{
    const Result<QString> first = deploy(m_v1, QStringLiteral("dep-v1"));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(*first, QStringLiteral("http://sites.example:8088/environments/p1/dev/"));
    const RolledOut rolledOut = m_target->rollOut({m_v1, m_dev, QStringLiteral("dep-v1")}).value();
    QCOMPARE(rolledOut.deploymentUrl, QStringLiteral("http://sites.example:8088/deployments/dep-v1/"));
    QCOMPARE(rolledOut.probeUrl.port(), m_server->baseUrl().port());

    QUrl environment = m_server->baseUrl();
    environment.setPath(LocalSites::environmentPath(QStringLiteral("p1"), QStringLiteral("dev")));
    std::atomic_bool stop{false};
    std::atomic_int v1{0}, v2{0}, bad{0};
    std::thread client([&] {
        while (!stop.load()) {
            const test::HttpAnswer answer = test::blockingRequest("GET", environment);
            if (answer.status == 200 && answer.body == "<p>v1</p>")
                ++v1;
            else if (answer.status == 200 && answer.body == "<p>v2</p>")
                ++v2;
            else
                ++bad;
        }
    });
    // v2 goes live through the whole flow, then rollbacks and redeploys alternate.
    const Result<QString> second = deploy(m_v2, QStringLiteral("dep-v2"));
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QDeadlineTimer deadline(60'000);
    int switches = 0;
    while ((switches < 100 || v1.load() < 10 || v2.load() < 10) && !deadline.hasExpired()) {
        const bool back = switches % 2 == 0;
        const Result<QString> moved = back ? m_target->restore(QStringLiteral("p1"), m_dev, std::make_pair(m_v1, QStringLiteral("dep-v1")))
                                           : m_target->activate({m_v2, m_dev, QStringLiteral("dep-v2")});
        QVERIFY(moved.ok());
        ++switches;
    }
    stop = true;
    client.join();
    QCOMPARE(bad.load(), 0);
    QVERIFY(v1.load() >= 10 && v2.load() >= 10);
    QVERIFY(switches >= 100);

    // Retention: dep-v1 is neither kept nor live (after the loop dep-v2 or dep-v1 is live).
    const QString live = m_sites->environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev"));
    m_target->prune(QStringLiteral("p1"), m_dev, {QStringLiteral("dep-v1"), QStringLiteral("dep-v2")}, {});
    QVERIFY(QFileInfo(m_sites->deploymentDir(live)).isDir());
    QCOMPARE(m_sites->resolve(LocalSites::environmentPath(QStringLiteral("p1"), QStringLiteral("dev"))).status, 200);
}

void LocalTargetTest::testFailingHealthCheckNeverReachesTheEnvironment()
{
    QVERIFY(deploy(m_v2, QStringLiteral("dep-v2")).ok());
    const Release broken = publish(QStringLiteral("1.0.2"), "<p>broken</p>", false); // no healthz.txt
    const Result<QString> failed = deploy(broken, QStringLiteral("dep-broken"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Unavailable);
    QVERIFY2(failed.error().message.contains(QStringLiteral("404")), qPrintable(failed.error().message));
    QCOMPARE(m_sites->environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev")), QStringLiteral("dep-v2"));
    // The flow restores: the pointer never moved, so this is the same deployment.
    QVERIFY(m_target->restore(QStringLiteral("p1"), m_dev, std::make_pair(m_v2, QStringLiteral("dep-v2"))).ok());
    QCOMPARE(m_sites->resolve(LocalSites::environmentPath(QStringLiteral("p1"), QStringLiteral("dev"))).deploymentId,
             QStringLiteral("dep-v2"));
}

void LocalTargetTest::testRestoreUnpacksAPrunedDeploymentAgain()
{
    QVERIFY(deploy(m_v2, QStringLiteral("dep-v2")).ok());
    QVERIFY(m_target->pull({m_v1, m_dev, QStringLiteral("dep-old")}).ok());
    QCOMPARE(m_sites->prune({QStringLiteral("dep-old")}, {}), 1);
    QVERIFY(!QFileInfo::exists(m_sites->deploymentDir(QStringLiteral("dep-old"))));
    const Result<QString> restored = m_target->restore(QStringLiteral("p1"), m_dev, std::make_pair(m_v1, QStringLiteral("dep-old")));
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
    QUrl environment = m_server->baseUrl();
    environment.setPath(LocalSites::environmentPath(QStringLiteral("p1"), QStringLiteral("dev")));
    QCOMPARE(test::blockingRequest("GET", environment).body, QByteArray("<p>v1</p>"));
}

void LocalTargetTest::testRestoreWithoutPreviousTakesTheEnvironmentDown()
{
    EnvironmentPolicy staging = m_dev;
    staging.name = QStringLiteral("staging");
    QVERIFY(m_target->activate({m_v2, staging, QStringLiteral("dep-v2")}).ok());
    QVERIFY(m_target->restore(QStringLiteral("p1"), staging, std::nullopt).ok());
    QCOMPARE(m_sites->environmentDeployment(QStringLiteral("p1"), QStringLiteral("staging")), QString());
    QCOMPARE(m_sites->resolve(LocalSites::environmentPath(QStringLiteral("p1"), QStringLiteral("staging"))).status, 404);
}

QTEST_GUILESS_MAIN(LocalTargetTest)
#include "local_target_test.moc"
