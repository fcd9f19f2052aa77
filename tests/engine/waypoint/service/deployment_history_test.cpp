// SPDX-License-Identifier: Apache-2.0
// WAYPOINT's tables in the Store (migration 6), on SQLite (unit) and PostgreSQL
// (integration): release numbers and versions, the policy and the environments it names,
// deployments with their steps and approvals, newest-first order and the last healthy one.
#include "waypoint/deployment_history.h"

#include "backend_under_test.h"
#include "core/config.h"
#include "core/ids.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::waypoint;

namespace {

Release releaseOf(const QString &projectId, const QString &version)
{
    Release release;
    release.projectId = projectId;
    release.projectDir = QStringLiteral("/srv/projects/acme");
    release.version = version;
    release.buildId = newId();
    release.image = QStringLiteral("helios/acme:") + version;
    release.imageDigest = sha256Digest(version.toUtf8());
    release.imageRoot = QStringLiteral("/srv/www");
    release.gitCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    release.changelog = {QStringLiteral("0123456 Add the hero"), QStringLiteral("89abcde Fix the footer")};
    return release;
}

Deployment deploymentOf(const Release &release, const QString &environment, DeploymentStatus status)
{
    Deployment deployment;
    deployment.id = newId();
    deployment.projectId = release.projectId;
    deployment.environment = environment;
    deployment.releaseId = release.id;
    deployment.version = release.version;
    deployment.kind = QStringLiteral("deploy");
    deployment.target = QStringLiteral("local");
    deployment.status = status;
    deployment.requestedBy = QStringLiteral("ada");
    deployment.createdAt = nowUtc();
    return deployment;
}

} // namespace

class DeploymentHistoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void releasesAreNumberedPerProjectAndListedNewestFirst();
    void aVersionCannotBeReleasedTwice();
    void aReleaseIsFoundByVersionIdAndBuild();
    void thePolicyIsStoredAndItsEnvironmentsListedInOrder();
    void anUnknownProjectOrEnvironmentIsNotFound();
    void aDeploymentKeepsItsStepsApprovalAndUrls();
    void deploymentsAreNewestFirstAndFilteredByEnvironment();
    void setLiveAndSetHealthDescribeTheEnvironment();
    void lastHealthyIsTheNewestSucceededOtherThanTheOneExcluded();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<data::Store> m_store;
    std::unique_ptr<DeploymentHistory> m_history;
    QString m_project; // fresh per test: the real database outlives runs
};

void DeploymentHistoryTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Config config = test::configFor(m_dir.path(), {QStringLiteral("DATABASE_URL")});
    auto store = data::openStore(config);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(*store);
    m_history = std::make_unique<DeploymentHistory>(*m_store);
}

void DeploymentHistoryTest::init() { m_project = QStringLiteral("project-") + newId(); }

void DeploymentHistoryTest::releasesAreNumberedPerProjectAndListedNewestFirst()
{
    for (const QString &version : {QStringLiteral("0.1.0"), QStringLiteral("0.1.1"), QStringLiteral("0.2.0")}) {
        const auto added = m_history->addRelease(releaseOf(m_project, version));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        QVERIFY(!added->id.isEmpty());
        QVERIFY(!added->createdAt.isEmpty());
    }
    const QString other = QStringLiteral("other-") + newId();
    const auto first = m_history->addRelease(releaseOf(other, QStringLiteral("0.1.0")));
    QVERIFY(first.ok());
    QCOMPARE(first->number, 1);

    const auto list = m_history->releases(m_project);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->at(0).version, QStringLiteral("0.2.0"));
    QCOMPARE(list->at(0).number, 3);
    QCOMPARE(list->at(2).number, 1);
    QCOMPARE(list->at(0).changelog, releaseOf(m_project, {}).changelog);
    QCOMPARE(list->at(0).imageRoot, QStringLiteral("/srv/www"));
    const auto latest = m_history->latestRelease(m_project);
    QVERIFY(latest.ok() && latest->has_value());
    QCOMPARE((*latest)->version, QStringLiteral("0.2.0"));
    const auto none = m_history->latestRelease(QStringLiteral("nobody-") + newId());
    QVERIFY(none.ok());
    QVERIFY(!none->has_value());
}

void DeploymentHistoryTest::aVersionCannotBeReleasedTwice()
{
    QVERIFY(m_history->addRelease(releaseOf(m_project, QStringLiteral("1.0.0"))).ok());
    const auto again = m_history->addRelease(releaseOf(m_project, QStringLiteral("1.0.0")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QVERIFY(again.error().message.contains(QStringLiteral("1.0.0")));
}

void DeploymentHistoryTest::aReleaseIsFoundByVersionIdAndBuild()
{
    const auto added = m_history->addRelease(releaseOf(m_project, QStringLiteral("2.0.0")));
    QVERIFY(added.ok());
    const auto byVersion = m_history->release(m_project, QStringLiteral("2.0.0"));
    QVERIFY(byVersion.ok());
    QCOMPARE(byVersion->id, added->id);
    QCOMPARE(byVersion->imageDigest, added->imageDigest);
    const auto byId = m_history->releaseById(added->id);
    QVERIFY(byId.ok());
    QCOMPARE(byId->version, QStringLiteral("2.0.0"));
    const auto byBuild = m_history->releaseOfBuild(added->buildId);
    QVERIFY(byBuild.ok() && byBuild->has_value());
    QCOMPARE((*byBuild)->id, added->id);
    const auto noBuild = m_history->releaseOfBuild(newId());
    QVERIFY(noBuild.ok() && !noBuild->has_value());
    QCOMPARE(m_history->release(m_project, QStringLiteral("9.9.9")).error().code, ErrorCode::NotFound);
    QCOMPARE(m_history->releaseById(newId()).error().code, ErrorCode::NotFound);
}

void DeploymentHistoryTest::thePolicyIsStoredAndItsEnvironmentsListedInOrder()
{
    QCOMPARE(m_history->policy(m_project).error().code, ErrorCode::NotFound);
    DeployPolicy policy = DeployPolicy::defaults();
    policy.versionScheme = VersionScheme::BuildNumber;
    policy.environments[2].target = QStringLiteral("kubernetes");
    QVERIFY(m_history->savePolicy(m_project, policy).ok());
    const auto stored = m_history->policy(m_project);
    QVERIFY(stored.ok());
    QCOMPARE(stored->toJson(), policy.toJson());

    const auto environments = m_history->environments(m_project);
    QVERIFY(environments.ok());
    QCOMPARE(environments->size(), 3);
    QCOMPARE(environments->at(0).name, QStringLiteral("dev"));
    QCOMPARE(environments->at(1).name, QStringLiteral("staging"));
    QCOMPARE(environments->at(2).policy.target, QStringLiteral("kubernetes"));
    QCOMPARE(environments->at(0).health, QStringLiteral("none"));
    QVERIFY(environments->at(0).currentDeploymentId.isEmpty());

    // A replaced policy keeps the environments that stay and adds the new one.
    policy.environments.append(policy.environments.at(0));
    policy.environments.last().name = QStringLiteral("qa");
    QVERIFY(m_history->savePolicy(m_project, policy).ok());
    const auto again = m_history->environments(m_project);
    QVERIFY(again.ok());
    QCOMPARE(again->size(), 4);
    QCOMPARE(again->at(3).name, QStringLiteral("qa"));
}

void DeploymentHistoryTest::anUnknownProjectOrEnvironmentIsNotFound()
{
    QCOMPARE(m_history->environments(m_project).error().code, ErrorCode::NotFound);
    QVERIFY(m_history->savePolicy(m_project, DeployPolicy::defaults()).ok());
    const auto unknown = m_history->environment(m_project, QStringLiteral("qa"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QVERIFY2(unknown.error().message.contains(QStringLiteral("dev, staging, prod")), qPrintable(unknown.error().message));
    QCOMPARE(m_history->deployment(newId()).error().code, ErrorCode::NotFound);
    Deployment ghost = deploymentOf(releaseOf(m_project, QStringLiteral("1.0.0")), QStringLiteral("dev"),
                                    DeploymentStatus::Running);
    QCOMPARE(m_history->updateDeployment(ghost).error().code, ErrorCode::NotFound);
    QCOMPARE(m_history->setHealth(m_project, QStringLiteral("qa"), QStringLiteral("healthy")).error().code,
             ErrorCode::NotFound);
}

void DeploymentHistoryTest::aDeploymentKeepsItsStepsApprovalAndUrls()
{
    const auto release = m_history->addRelease(releaseOf(m_project, QStringLiteral("1.0.0")));
    QVERIFY(release.ok());
    Deployment deployment = deploymentOf(*release, QStringLiteral("staging"), DeploymentStatus::AwaitingApproval);
    QVERIFY(m_history->addDeployment(deployment).ok());
    const auto waiting = m_history->deployment(deployment.id);
    QVERIFY(waiting.ok());
    QCOMPARE(waiting->status, DeploymentStatus::AwaitingApproval);
    QCOMPARE(waiting->requestedBy, QStringLiteral("ada"));
    QVERIFY(waiting->steps.isEmpty());

    deployment.status = DeploymentStatus::Failed;
    deployment.approvedBy = QStringLiteral("grace");
    deployment.approvedAt = nowUtc();
    deployment.finishedAt = nowUtc();
    deployment.durationMs = 1234;
    deployment.url = QStringLiteral("http://127.0.0.1:3105/environments/p/staging/");
    deployment.deploymentUrl = QStringLiteral("http://127.0.0.1:3105/deployments/d/");
    deployment.rolledBackTo = QStringLiteral("0.9.0");
    deployment.error = QStringLiteral("health: GET /healthz.txt: 404");
    deployment.steps = {{QStringLiteral("pull"), true, 12, QStringLiteral("3 layers")},
                        {QStringLiteral("health"), false, 800, QStringLiteral("GET /healthz.txt: 404 (5 attempts)")}};
    QVERIFY(m_history->updateDeployment(deployment).ok());
    const auto read = m_history->deployment(deployment.id);
    QVERIFY(read.ok());
    QCOMPARE(read->status, DeploymentStatus::Failed);
    QCOMPARE(read->approvedBy, QStringLiteral("grace"));
    QCOMPARE(read->approvedAt, deployment.approvedAt);
    QCOMPARE(read->durationMs, 1234);
    QCOMPARE(read->url, deployment.url);
    QCOMPARE(read->deploymentUrl, deployment.deploymentUrl);
    QCOMPARE(read->rolledBackTo, QStringLiteral("0.9.0"));
    QCOMPARE(read->error, deployment.error);
    QCOMPARE(read->steps.size(), 2);
    QCOMPARE(read->steps.at(1).name, QStringLiteral("health"));
    QVERIFY(!read->steps.at(1).ok);
    QCOMPARE(read->steps.at(1).ms, 800);
    QCOMPARE(read->steps.at(1).detail, deployment.steps.at(1).detail);
    QCOMPARE(read->kind, QStringLiteral("deploy"));
    QCOMPARE(read->target, QStringLiteral("local"));
}

void DeploymentHistoryTest::deploymentsAreNewestFirstAndFilteredByEnvironment()
{
    const auto release = m_history->addRelease(releaseOf(m_project, QStringLiteral("1.0.0")));
    QVERIFY(release.ok());
    QStringList ids;
    // The same timestamp for all: order must come from the numbering, not the clock.
    const QString now = nowUtc();
    for (const QString &env : {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("dev")}) {
        Deployment deployment = deploymentOf(*release, env, DeploymentStatus::Succeeded);
        deployment.createdAt = now;
        QVERIFY(m_history->addDeployment(deployment).ok());
        ids << deployment.id;
    }
    const auto all = m_history->deployments(m_project);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, ids.at(2));
    QCOMPARE(all->at(2).id, ids.at(0));
    const auto dev = m_history->deployments(m_project, QStringLiteral("dev"));
    QVERIFY(dev.ok());
    QCOMPARE(dev->size(), 2);
    QCOMPARE(dev->at(0).id, ids.at(2));
    QCOMPARE(dev->at(1).id, ids.at(0));
    const auto limited = m_history->deployments(m_project, {}, 1);
    QVERIFY(limited.ok());
    QCOMPARE(limited->size(), 1);
}

void DeploymentHistoryTest::setLiveAndSetHealthDescribeTheEnvironment()
{
    QVERIFY(m_history->savePolicy(m_project, DeployPolicy::defaults()).ok());
    const auto release = m_history->addRelease(releaseOf(m_project, QStringLiteral("1.2.3")));
    QVERIFY(release.ok());
    Deployment deployment = deploymentOf(*release, QStringLiteral("dev"), DeploymentStatus::Succeeded);
    deployment.url = QStringLiteral("http://127.0.0.1:1/environments/p/dev/");
    QVERIFY(m_history->addDeployment(deployment).ok());
    QVERIFY(m_history->setLive(m_project, QStringLiteral("dev"), deployment).ok());
    auto dev = m_history->environment(m_project, QStringLiteral("dev"));
    QVERIFY(dev.ok());
    QCOMPARE(dev->currentDeploymentId, deployment.id);
    QCOMPARE(dev->currentReleaseId, release->id);
    QCOMPARE(dev->currentVersion, QStringLiteral("1.2.3"));
    QCOMPARE(dev->url, deployment.url);
    QCOMPARE(dev->health, QStringLiteral("healthy"));
    QVERIFY(!dev->updatedAt.isEmpty());
    QVERIFY(m_history->setHealth(m_project, QStringLiteral("dev"), QStringLiteral("unhealthy")).ok());
    dev = m_history->environment(m_project, QStringLiteral("dev"));
    QCOMPARE(dev->health, QStringLiteral("unhealthy"));
    QCOMPARE(dev->currentVersion, QStringLiteral("1.2.3"));
    const auto staging = m_history->environment(m_project, QStringLiteral("staging"));
    QVERIFY(staging.ok());
    QVERIFY(staging->currentDeploymentId.isEmpty());
}

void DeploymentHistoryTest::lastHealthyIsTheNewestSucceededOtherThanTheOneExcluded()
{
    const auto release = m_history->addRelease(releaseOf(m_project, QStringLiteral("1.0.0")));
    QVERIFY(release.ok());
    const auto none = m_history->lastHealthy(m_project, QStringLiteral("dev"));
    QVERIFY(none.ok() && !none->has_value());
    const Deployment older = deploymentOf(*release, QStringLiteral("dev"), DeploymentStatus::Succeeded);
    const Deployment newer = deploymentOf(*release, QStringLiteral("dev"), DeploymentStatus::Succeeded);
    const Deployment failed = deploymentOf(*release, QStringLiteral("dev"), DeploymentStatus::Failed);
    const Deployment elsewhere = deploymentOf(*release, QStringLiteral("prod"), DeploymentStatus::Succeeded);
    for (const Deployment &deployment : {older, newer, failed, elsewhere})
        QVERIFY(m_history->addDeployment(deployment).ok());
    auto healthy = m_history->lastHealthy(m_project, QStringLiteral("dev"));
    QVERIFY(healthy.ok() && healthy->has_value());
    QCOMPARE((*healthy)->id, newer.id);
    healthy = m_history->lastHealthy(m_project, QStringLiteral("dev"), newer.id);
    QVERIFY(healthy.ok() && healthy->has_value());
    QCOMPARE((*healthy)->id, older.id);
}

QTEST_GUILESS_MAIN(DeploymentHistoryTest)
#include "deployment_history_test.moc"
