// SPDX-License-Identifier: Apache-2.0
// WAYPOINT end to end on the local target, on the embedded back ends (unit) and on the
// real PostgreSQL, Redis and NATS (integration): build.completed -> release -> dev deploys
// by itself -> staging waits for approval -> a developer approves -> prod needs an admin
// -> a release whose health check fails is rolled back while a polling client sees only
// the previous version -> a healthy release switches with no error either -> an explicit
// rollback -> the deployment events on the Bus are exactly the expected sequence.
#include "waypoint/waypoint_service.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "bus/bus.h"
#include "engine.h"
#include "git_commits.h"
#include "ignis/build_image.h"
#include "ignis/project_config.h"
#include "ignition/git_client.h"
#include "site_server.h"
#include "waypoint/local_sites.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace helios;
using namespace helios::waypoint;

namespace {

struct Answer {
    int status = 0;
    QByteArray body;
};

// A blocking GET on a network manager of the calling thread, bounded in time.
Answer httpGet(const QUrl &url)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return answer;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A client that GETs one URL over and over on a thread of its own, keeping every answer
// that was not `200 + one of the expected bodies`.
class Poller {
public:
    Poller(QUrl url, QList<QByteArray> expected) : m_url(std::move(url)), m_expected(std::move(expected))
    {
        m_thread.reset(QThread::create([this] {
            while (!m_stop.load()) {
                const Answer answer = httpGet(m_url);
                const bool good = answer.status == 200 && m_expected.contains(answer.body.trimmed());
                const QMutexLocker lock(&m_mutex);
                ++m_requests;
                if (!good)
                    m_bad << QStringLiteral("%1 %2").arg(answer.status).arg(QString::fromUtf8(answer.body.left(80)));
            }
        }));
        m_thread->start();
    }
    ~Poller() { stop(); }

    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    int requests() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    QStringList bad() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_bad;
    }

private:
    QUrl m_url;
    QList<QByteArray> m_expected;
    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_stop{false};
    mutable QMutex m_mutex;
    int m_requests = 0;
    QStringList m_bad;
};

const landing::Identity Viewer{QStringLiteral("vic"), landing::Role::Viewer, false, {}};
const landing::Identity Developer{QStringLiteral("dana"), landing::Role::Developer, false, {}};
const landing::Identity Admin{QStringLiteral("ada"), landing::Role::Admin, false, {}};

template <typename T>
QString describe(const Result<T> &result) { return result.ok() ? QString() : result.error().toString(); }

QStringList stepNames(const Deployment &deployment)
{
    QStringList names;
    for (const DeploymentStep &step : deployment.steps)
        names << step.name + (step.ok ? QString() : QStringLiteral("!"));
    return names;
}

} // namespace

class WaypointFlowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aBuildIsReleasedAndDevDeploysItself();
    void stagingWaitsForADevelopersApproval();
    void prodNeedsAnAdmin();
    void aReleaseFailingItsHealthCheckIsRolledBackWhileTheOldOneServes();
    void aHealthyReleaseSwitchesWithoutAnErrorAndUsesTheBuildsImage();
    void anExplicitRollbackSwitchesBack();
    void theBusCarriedExactlyTheExpectedEvents();
    void kubernetesManifestsNameTheReleasesDigest();
    void cleanupTestCase();

private:
    // What build.completed says of a successful build of the project's current dist/.
    data::Event buildCompleted(const QString &buildId, const QString &image = {}, const QString &digest = {}) const
    {
        QJsonObject data{{QStringLiteral("buildId"), buildId},
                         {QStringLiteral("projectId"), m_projectId},
                         {QStringLiteral("projectDir"), m_project},
                         {QStringLiteral("outDir"), QString(m_project + QStringLiteral("/dist"))}};
        if (!digest.isEmpty()) {
            data.insert(QStringLiteral("image"), image);
            data.insert(QStringLiteral("imageDigest"), digest);
        }
        return data::Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"), m_projectId, data);
    }

    // Writes dist/ for `text`, with or without the health file, and commits it.
    void shipVersion(const QByteArray &text, bool healthy, const QString &subject)
    {
        QVERIFY(writeFile(m_project + QStringLiteral("/dist/index.html"), text));
        QFile::remove(m_project + QStringLiteral("/dist/healthz.txt"));
        if (healthy)
            QVERIFY(writeFile(m_project + QStringLiteral("/dist/healthz.txt"), "ok"));
        QVERIFY(writeFile(m_project + QStringLiteral("/src/main.js"), "console.log(" + text.toPercentEncoding() + ");\n"));
        QVERIFY(!test::commitAll(m_project, subject).isEmpty());
    }

    // Waits until an event of `type` about `environment` has been seen `count` times.
    bool sawEvent(const QString &type, const QString &environment, int count = 1)
    {
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            {
                const QMutexLocker lock(&m_eventsMutex);
                int seen = 0;
                for (const auto &[t, e] : std::as_const(m_events))
                    seen += t == type && e == environment;
                if (seen >= count)
                    return true;
            }
            QTest::qWait(20);
        }
        return false;
    }

    QUrl environmentUrl(const QString &name)
    {
        const auto environments = m_service->environments(m_projectId);
        if (!environments.ok())
            return {};
        for (const EnvironmentState &state : *environments)
            if (state.name == name)
                return QUrl(state.url);
        return {};
    }

    EnvironmentState environment(const QString &name)
    {
        const auto environments = m_service->environments(m_projectId);
        if (environments.ok())
            for (const EnvironmentState &state : *environments)
                if (state.name == name)
                    return state;
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::shared_ptr<LocalSites> m_sites;
    std::unique_ptr<server::SiteServer> m_siteServer;
    std::unique_ptr<WaypointService> m_service;
    std::unique_ptr<data::Subscription> m_subscription;
    QMutex m_eventsMutex;
    QList<std::pair<QString, QString>> m_events; // (type, environment) of this project's deployment events
    QString m_project;
    QString m_projectId;
    QString m_name;
    QStringList m_commits;
};

void WaypointFlowTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Config config = test::configFor(m_dir.filePath(QStringLiteral("data")),
                                          {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL"),
                                           QStringLiteral("NATS_URL")});
    auto engine = Engine::open(config);
    QVERIFY2(engine.ok(), qPrintable(describe(engine)));
    m_engine = std::move(*engine);

    m_sites = std::make_shared<LocalSites>(m_dir.filePath(QStringLiteral("deployments")));
    auto siteServer = server::SiteServer::start(m_sites, QHostAddress::LocalHost, 0);
    QVERIFY2(siteServer.ok(), qPrintable(describe(siteServer)));
    m_siteServer = std::move(*siteServer);
    m_service = std::make_unique<WaypointService>(
        *m_engine, WaypointService::Options{m_sites, m_siteServer->baseUrl(), m_siteServer->baseUrl()});

    // A project with a prebuilt output; unique names because the real back ends outlive runs.
    m_name = QStringLiteral("acme-site-") + QString::number(QRandomGenerator::global()->generate64() % 1000000000ULL);
    m_project = m_dir.filePath(QStringLiteral("acme-site"));
    QVERIFY(writeFile(m_project + QStringLiteral("/helios.json"), QStringLiteral(R"({
  "name": "%1",
  "build": {"outDir": "dist", "entries": [{"name": "app", "entry": "src/main.js", "html": "index.html"}]},
  "deploy": {
    "health": {"path": "/healthz.txt", "attempts": 3, "intervalMs": 20, "timeoutMs": 2000, "successThreshold": 2},
    "retention": 2
  }
}
)")
                                                                               .arg(m_name)
                                                                               .toUtf8()));
    QVERIFY(writeFile(m_project + QStringLiteral("/package.json"),
                      QStringLiteral(R"({"name": "%1", "version": "0.1.0"})").arg(m_name).toUtf8()));
    QVERIFY(writeFile(m_project + QStringLiteral("/index.html"), "<div id=\"root\"></div>"));
    QVERIFY(writeFile(m_project + QStringLiteral("/src/main.js"), "console.log('one');\n"));
    QVERIFY(writeFile(m_project + QStringLiteral("/dist/index.html"), "version one"));
    QVERIFY(writeFile(m_project + QStringLiteral("/dist/healthz.txt"), "ok"));
    const auto first = ignition::GitClient::initAndCommit(m_project, QStringLiteral("main"), {},
                                                          QStringLiteral("Start the site"));
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    m_project = QDir(m_project).canonicalPath();
    m_projectId = m_service->projectIdFor(m_project);
    QVERIFY(!m_projectId.isEmpty());

    auto subscription = m_engine->bus().subscribe({QStringLiteral("deployment.>"), {}}, [this](const data::Event &event) {
        if (event.subject == m_projectId) {
            const QMutexLocker lock(&m_eventsMutex);
            m_events.append({event.type, event.data.value(QStringLiteral("environment")).toString()});
        }
        return true;
    });
    QVERIFY2(subscription.ok(), qPrintable(describe(subscription)));
    m_subscription = std::move(*subscription);
    const auto following = m_service->followBuilds();
    QVERIFY2(following.ok(), qPrintable(describe(following)));
}

void WaypointFlowTest::aBuildIsReleasedAndDevDeploysItself()
{
    QVERIFY(m_engine->bus().publish(buildCompleted(QStringLiteral("build-1-") + m_name)).ok());
    QVERIFY2(sawEvent(QStringLiteral("deployment.completed"), QStringLiteral("dev")), "dev was not deployed");
    QVERIFY(m_service->waitForIdle(60000));

    const auto releases = m_service->releases(m_projectId);
    QVERIFY2(releases.ok(), qPrintable(describe(releases)));
    QCOMPARE(releases->size(), 1);
    const Release &release = releases->constFirst();
    QCOMPARE(release.version, QStringLiteral("0.1.0")); // package.json's version
    QCOMPARE(release.number, 1);
    QCOMPARE(release.image, QStringLiteral("helios/%1:0.1.0").arg(m_name));
    QVERIFY(release.imageDigest.startsWith(QStringLiteral("sha256:")));
    QCOMPARE(release.changelog.size(), 1);
    QVERIFY(release.changelog.constFirst().endsWith(QStringLiteral(" Start the site")));

    // The same build again is the same release.
    const auto again = m_service->createRelease({QStringLiteral("build-1-") + m_name, m_project, {}, {}, {}});
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(again->id, release.id);

    const EnvironmentState dev = environment(QStringLiteral("dev"));
    QCOMPARE(dev.currentVersion, QStringLiteral("0.1.0"));
    QCOMPARE(dev.health, QStringLiteral("healthy"));
    QVERIFY(dev.url.startsWith(m_siteServer->baseUrl().toString()));
    const Answer answer = httpGet(QUrl(dev.url));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("version one"));

    const auto history = m_service->history(m_projectId, QStringLiteral("dev"));
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
    const Deployment &deployment = history->constFirst();
    QCOMPARE(deployment.kind, QStringLiteral("auto"));
    QCOMPARE(deployment.status, DeploymentStatus::Succeeded);
    QCOMPARE(stepNames(deployment), QStringList({QStringLiteral("config"), QStringLiteral("pull"), QStringLiteral("rollout"),
                                                 QStringLiteral("ready"), QStringLiteral("health"), QStringLiteral("switch"),
                                                 QStringLiteral("record")}));
    QVERIFY(deployment.approvedBy.isEmpty());
    QCOMPARE(deployment.url, dev.url);
    QCOMPARE(httpGet(QUrl(deployment.deploymentUrl)).body, QByteArray("version one"));
}

void WaypointFlowTest::stagingWaitsForADevelopersApproval()
{
    DeployRequest request;
    request.projectId = m_projectId;
    request.environment = QStringLiteral("staging");
    const auto refused = m_service->deploy(request, Viewer);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    QStringList progress;
    request.progress = [&progress](const DeployProgress &p) { progress << p.step; };
    const auto waiting = m_service->deploy(request, Developer);
    QVERIFY2(waiting.ok(), qPrintable(describe(waiting)));
    QCOMPARE(waiting->status, DeploymentStatus::AwaitingApproval);
    QCOMPARE(waiting->version, QStringLiteral("0.1.0"));
    QCOMPARE(progress, QStringList{QStringLiteral("queued")});
    QVERIFY(environment(QStringLiteral("staging")).currentVersion.isEmpty());

    const auto viewerApproval = m_service->approve(waiting->id, Viewer);
    QVERIFY(!viewerApproval.ok());
    QCOMPARE(viewerApproval.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_service->deployment(waiting->id)->status, DeploymentStatus::AwaitingApproval);

    const auto approved = m_service->approve(waiting->id, Developer);
    QVERIFY2(approved.ok(), qPrintable(describe(approved)));
    QCOMPARE(approved->status, DeploymentStatus::Succeeded);
    QCOMPARE(approved->approvedBy, QStringLiteral("dana"));
    QVERIFY(!approved->approvedAt.isEmpty());
    QCOMPARE(approved->requestedBy, QStringLiteral("dana"));
    const auto stored = m_service->deployment(waiting->id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->status, DeploymentStatus::Succeeded);
    QCOMPARE(stored->approvedBy, QStringLiteral("dana"));
    QCOMPARE(httpGet(environmentUrl(QStringLiteral("staging"))).body, QByteArray("version one"));

    const auto twice = m_service->approve(waiting->id, Developer);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
}

void WaypointFlowTest::prodNeedsAnAdmin()
{
    DeployRequest request;
    request.projectId = m_projectId;
    request.environment = QStringLiteral("prod");
    request.approve = true;
    const auto developerDeploy = m_service->deploy(request, Developer);
    QVERIFY(!developerDeploy.ok());
    QCOMPARE(developerDeploy.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(developerDeploy.error().message.contains(QStringLiteral("admin")), qPrintable(developerDeploy.error().message));
    const auto developerPromote = m_service->promote(request, Developer);
    QVERIFY(!developerPromote.ok());
    QCOMPARE(developerPromote.error().code, ErrorCode::PermissionDenied);

    request.approve = false;
    const auto waiting = m_service->promote(request, Admin);
    QVERIFY2(waiting.ok(), qPrintable(describe(waiting)));
    QCOMPARE(waiting->status, DeploymentStatus::AwaitingApproval);
    QCOMPARE(waiting->kind, QStringLiteral("promote"));
    QCOMPARE(waiting->version, environment(QStringLiteral("staging")).currentVersion);

    const auto developerApproval = m_service->approve(waiting->id, Developer);
    QVERIFY(!developerApproval.ok());
    QCOMPARE(developerApproval.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_service->deployment(waiting->id)->status, DeploymentStatus::AwaitingApproval);
    QVERIFY(environment(QStringLiteral("prod")).currentVersion.isEmpty());

    // While it runs, a second deployment to prod is refused.
    std::optional<ErrorCode> concurrent;
    const auto approved = m_service->approve(waiting->id, Admin, [&](const DeployProgress &progress) {
        if (progress.step == QLatin1StringView("pull") && !concurrent) {
            DeployRequest second;
            second.projectId = m_projectId;
            second.environment = QStringLiteral("prod");
            second.approve = true;
            const auto refused = m_service->deploy(second, Admin);
            concurrent = refused.ok() ? std::optional<ErrorCode>() : refused.error().code;
        }
    });
    QVERIFY2(approved.ok(), qPrintable(describe(approved)));
    QCOMPARE(approved->status, DeploymentStatus::Succeeded);
    QCOMPARE(approved->approvedBy, QStringLiteral("ada"));
    QCOMPARE(concurrent, std::optional(ErrorCode::Conflict));
    QCOMPARE(httpGet(environmentUrl(QStringLiteral("prod"))).body, QByteArray("version one"));
}

void WaypointFlowTest::aReleaseFailingItsHealthCheckIsRolledBackWhileTheOldOneServes()
{
    shipVersion("version two", false, QStringLiteral("Drop the health file"));
    const QUrl devUrl = environmentUrl(QStringLiteral("dev"));
    Poller poller(devUrl, {QByteArray("version one")});
    QTRY_VERIFY_WITH_TIMEOUT(poller.requests() > 0, 10000);
    QVERIFY(m_engine->bus().publish(buildCompleted(QStringLiteral("build-2-") + m_name)).ok());
    QVERIFY2(sawEvent(QStringLiteral("deployment.rolled_back"), QStringLiteral("dev")), "dev was not rolled back");
    QVERIFY(m_service->waitForIdle(60000));
    const int before = poller.requests();
    QTRY_VERIFY_WITH_TIMEOUT(poller.requests() > before, 10000);
    poller.stop();
    QVERIFY2(poller.bad().isEmpty(), qPrintable(poller.bad().join(QLatin1Char('\n'))));

    const auto history = m_service->history(m_projectId, QStringLiteral("dev"));
    QVERIFY(history.ok());
    const Deployment &failed = history->constFirst();
    QCOMPARE(failed.version, QStringLiteral("0.1.1"));
    QCOMPARE(failed.status, DeploymentStatus::Failed);
    QCOMPARE(failed.rolledBackTo, QStringLiteral("0.1.0"));
    QCOMPARE(stepNames(failed), QStringList({QStringLiteral("config"), QStringLiteral("pull"), QStringLiteral("rollout"),
                                             QStringLiteral("ready"), QStringLiteral("health!"), QStringLiteral("rollback"),
                                             QStringLiteral("record")}));
    QVERIFY2(failed.error.startsWith(QStringLiteral("health: ")), qPrintable(failed.error));
    const EnvironmentState dev = environment(QStringLiteral("dev"));
    QCOMPARE(dev.currentVersion, QStringLiteral("0.1.0"));
    QCOMPARE(dev.health, QStringLiteral("unhealthy"));
    QCOMPARE(httpGet(devUrl).body, QByteArray("version one"));
    const auto release = m_service->releases(m_projectId);
    QVERIFY(release.ok());
    QCOMPARE(release->constFirst().changelog.size(), 1);
    QVERIFY(release->constFirst().changelog.constFirst().endsWith(QStringLiteral(" Drop the health file")));
}

void WaypointFlowTest::aHealthyReleaseSwitchesWithoutAnErrorAndUsesTheBuildsImage()
{
    shipVersion("version three", true, QStringLiteral("Bring the health file back"));
    // This time the build published its own image: the release must point at it.
    ignis::ProjectConfig config = ignis::ProjectConfig::read(m_project);
    QVERIFY(!config.hasErrors());
    const auto published = ignis::publishBuildImage(m_engine->artifacts(), config, {QStringLiteral("build-3"), {}, {}});
    QVERIFY2(published.ok(), qPrintable(describe(published)));

    const QUrl devUrl = environmentUrl(QStringLiteral("dev"));
    Poller poller(devUrl, {QByteArray("version one"), QByteArray("version three")});
    QTRY_VERIFY_WITH_TIMEOUT(poller.requests() > 0, 10000);
    QVERIFY(m_engine->bus()
                .publish(buildCompleted(QStringLiteral("build-3-") + m_name, published->reference(),
                                        published->manifest.digest))
                .ok());
    QVERIFY2(sawEvent(QStringLiteral("deployment.completed"), QStringLiteral("dev"), 2), "dev was not deployed again");
    QVERIFY(m_service->waitForIdle(60000));
    const int before = poller.requests();
    QTRY_VERIFY_WITH_TIMEOUT(poller.requests() > before, 10000);
    poller.stop();
    QVERIFY2(poller.bad().isEmpty(), qPrintable(poller.bad().join(QLatin1Char('\n'))));

    const auto releases = m_service->releases(m_projectId);
    QVERIFY(releases.ok());
    QCOMPARE(releases->constFirst().version, QStringLiteral("0.1.2"));
    QCOMPARE(releases->constFirst().imageDigest, published->manifest.digest);
    QCOMPARE(releases->constFirst().image, published->reference());
    QCOMPARE(environment(QStringLiteral("dev")).currentVersion, QStringLiteral("0.1.2"));
    QCOMPARE(environment(QStringLiteral("dev")).health, QStringLiteral("healthy"));
    QCOMPARE(httpGet(devUrl).body, QByteArray("version three"));
}

void WaypointFlowTest::anExplicitRollbackSwitchesBack()
{
    const auto viewer = m_service->rollback(m_projectId, QStringLiteral("dev"), Viewer);
    QVERIFY(!viewer.ok());
    QCOMPARE(viewer.error().code, ErrorCode::PermissionDenied);
    const auto nothingEarlier = m_service->rollback(m_projectId, QStringLiteral("staging"), Developer);
    QVERIFY(!nothingEarlier.ok());
    QCOMPARE(nothingEarlier.error().code, ErrorCode::NotFound);

    const auto rolledBack = m_service->rollback(m_projectId, QStringLiteral("dev"), Developer);
    QVERIFY2(rolledBack.ok(), qPrintable(describe(rolledBack)));
    QCOMPARE(rolledBack->status, DeploymentStatus::RolledBack);
    QCOMPARE(rolledBack->kind, QStringLiteral("rollback"));
    QCOMPARE(rolledBack->version, QStringLiteral("0.1.0")); // past the failed 0.1.1
    QCOMPARE(rolledBack->rolledBackTo, QStringLiteral("0.1.0"));
    QCOMPARE(stepNames(*rolledBack), QStringList({QStringLiteral("config"), QStringLiteral("switch"), QStringLiteral("record")}));
    QVERIFY(sawEvent(QStringLiteral("deployment.rolled_back"), QStringLiteral("dev"), 2));
    QCOMPARE(environment(QStringLiteral("dev")).currentVersion, QStringLiteral("0.1.0"));
    QCOMPARE(httpGet(environmentUrl(QStringLiteral("dev"))).body, QByteArray("version one"));
}

void WaypointFlowTest::theBusCarriedExactlyTheExpectedEvents()
{
    const auto event = [](const char *type, const char *environment) {
        return std::pair<QString, QString>(QStringLiteral("deployment.") + QString::fromLatin1(type),
                                           QString::fromLatin1(environment));
    };
    const QList<std::pair<QString, QString>> expected{
        event("started", "dev"),      event("completed", "dev"),                                 // build 1, by itself
        event("started", "staging"),  event("completed", "staging"),                             // approved by a developer
        event("started", "prod"),     event("completed", "prod"),                                // approved by an admin
        event("started", "dev"),      event("failed", "dev"),          event("rolled_back", "dev"), // build 2, unhealthy
        event("started", "dev"),      event("completed", "dev"),                                 // build 3
        event("rolled_back", "dev"),                                                             // explicit rollback
    };
    // Nothing else may still be on its way: every deployment has finished.
    QVERIFY(m_service->waitForIdle(60000));
    QTRY_COMPARE_WITH_TIMEOUT(
        [this] {
            const QMutexLocker lock(&m_eventsMutex);
            return m_events.size();
        }(),
        expected.size(), 10000);
    const QMutexLocker lock(&m_eventsMutex);
    QCOMPARE(m_events, expected);
}

void WaypointFlowTest::kubernetesManifestsNameTheReleasesDigest()
{
    const auto release = m_service->releases(m_projectId);
    QVERIFY(release.ok());
    const auto yaml = m_service->kubernetesManifests(m_projectId, QStringLiteral("prod"), QStringLiteral("0.1.0"));
    QVERIFY2(yaml.ok(), qPrintable(describe(yaml)));
    QVERIFY(yaml->contains("kind: Deployment"));
    QVERIFY(yaml->contains("kind: Service"));
    QVERIFY(yaml->contains("kind: Ingress"));
    QVERIFY(yaml->contains(release->constLast().imageDigest.toUtf8()));
    const auto unknown = m_service->kubernetesManifests(m_projectId, QStringLiteral("prod"), QStringLiteral("9.9.9"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
}

void WaypointFlowTest::cleanupTestCase()
{
    m_service.reset();
    m_subscription.reset();
    m_siteServer.reset();
}

QTEST_GUILESS_MAIN(WaypointFlowTest)
#include "waypoint_flow_test.moc"
