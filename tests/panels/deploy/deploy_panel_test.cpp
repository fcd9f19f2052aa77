// SPDX-License-Identifier: Apache-2.0
// The Deploy panel offscreen on the embedded back ends, over a real WaypointService whose
// local target is served by a SiteServer on 127.0.0.1: a release deployed to staging
// waits at the gate until Approve runs it; Roll back puts staging on the previous release
// and the timeline lists the rollback; a developer sees prod's Approve disabled and an
// approve attempt is refused with the service's message.
#include "deploy/deploy_panel.h"
#include "deploy/deployment_timeline_model.h"
#include "deploy/environment_table_model.h"
#include "deploy/release_table_model.h"

#include "backend_under_test.h"
#include "engine.h"
#include "landing/user_directory.h"
#include "recording_panel_host.h"
#include "site_server.h"
#include "waypoint/local_sites.h"
#include "waypoint/waypoint_service.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace helios;
using namespace helios::panels;
using waypoint::DeploymentStatus;

namespace {

// Deploys unpack an image and probe it over HTTP; the machine may be busy.
constexpr int ActionTimeoutMs = 60000;

landing::Identity admin() { return {QStringLiteral("test-admin"), landing::Role::Admin, false, {}}; }

} // namespace

class DeployPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void deployingToStagingWaitsForApprovalAndApproveRunsIt();
    void rollBackPutsStagingOnThePreviousReleaseAndTheHistoryListsIt();
    void aDeveloperCannotApproveProdAndIsToldWhy();

private:
    bool write(const QString &relative, const QByteArray &bytes);
    // A release of the project whose page says `text`.
    waypoint::Release release(const QString &text);
    waypoint::Deployment deployWithService(const QString &environment, const QString &version, bool approve);
    QString cell(const QString &environment, int column) const;
    // Clicks `button` once it is enabled and waits for the action and the refresh after it.
    bool clickAndWait(QPushButton *button, bool expectSuccess);
    // Deploys `version` to staging from the panel and approves it there.
    void deployAndApproveStaging(const QString &version);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::shared_ptr<waypoint::LocalSites> m_sites;
    std::unique_ptr<server::SiteServer> m_server;
    std::unique_ptr<waypoint::WaypointService> m_service;
    std::unique_ptr<test::RecordingPanelHost> m_host;
    std::unique_ptr<DeployPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_environmentsTester;
    std::unique_ptr<QAbstractItemModelTester> m_releasesTester;
    std::unique_ptr<QAbstractItemModelTester> m_timelineTester;
    QString m_project;
    QString m_projectId;
    int m_builds = 0;
};

void DeployPanelTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto engine = Engine::open(test::configFor(m_dir->filePath(QStringLiteral("data")), {}));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);

    const QString root = m_dir->filePath(QStringLiteral("data/waypoint/deployments"));
    QVERIFY(QDir().mkpath(root));
    m_sites = std::make_shared<waypoint::LocalSites>(root);
    auto server = server::SiteServer::start(m_sites, QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().toString()));
    m_server = std::move(*server);
    m_service = std::make_unique<waypoint::WaypointService>(
        *m_engine, waypoint::WaypointService::Options{m_sites, m_server->baseUrl(), {}});

    // No "deploy" block: the seed's policy, every environment on the local target.
    QVERIFY(write(QStringLiteral("project/helios.json"),
                  R"({"name": "deploy-panel", "build": {"outDir": "dist",
                      "entries": [{"name": "app", "entry": "src/main.ts", "html": "index.html"}]}})"));
    QVERIFY(write(QStringLiteral("project/index.html"), "<html><body><script type=\"module\" src=\"/src/main.ts\"></script></body></html>"));
    QVERIFY(write(QStringLiteral("project/src/main.ts"), "document.title = 'deploy';\n"));
    m_project = QDir(m_dir->filePath(QStringLiteral("project"))).canonicalPath();
    m_projectId = m_service->projectIdFor(m_project);
    m_builds = 0;

    m_host = std::make_unique<test::RecordingPanelHost>();
    m_panel = std::make_unique<DeployPanel>(*m_engine, *m_service, *m_host);
    QCOMPARE(m_host->dockId, QStringLiteral("deploy"));
    QVERIFY(m_host->widget);
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    m_environmentsTester = std::make_unique<QAbstractItemModelTester>(m_panel->environmentModel(), mode);
    m_releasesTester = std::make_unique<QAbstractItemModelTester>(m_panel->releaseModel(), mode);
    m_timelineTester = std::make_unique<QAbstractItemModelTester>(m_panel->timelineModel(), mode);
    m_host->widget->resize(900, 800);
    m_host->widget->show();
}

void DeployPanelTest::cleanup()
{
    m_environmentsTester.reset();
    m_releasesTester.reset();
    m_timelineTester.reset();
    m_panel.reset();
    m_host.reset();
    m_service.reset();
    m_server.reset();
    m_sites.reset();
    m_engine.reset();
    m_dir.reset();
}

bool DeployPanelTest::write(const QString &relative, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

waypoint::Release DeployPanelTest::release(const QString &text)
{
    const QByteArray page = "<html><body><h1>" + text.toUtf8() + "</h1></body></html>";
    if (!write(QStringLiteral("project/dist/index.html"), page)) {
        QTest::qFail("the build output could not be written", __FILE__, __LINE__);
        return {};
    }
    ++m_builds;
    // As build.completed describes a build that did not publish: the service publishes.
    const waypoint::BuildOutcome build{QStringLiteral("build-%1").arg(m_builds), m_project,
                                       m_project + QStringLiteral("/dist"), {}, {}};
    const auto made = m_service->createRelease(build);
    if (!made.ok()) {
        QTest::qFail(qPrintable(made.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *made;
}

waypoint::Deployment DeployPanelTest::deployWithService(const QString &environment, const QString &version, bool approve)
{
    waypoint::DeployRequest request;
    request.projectId = m_projectId;
    request.environment = environment;
    request.version = version;
    request.approve = approve;
    const auto deployed = m_service->deploy(request, admin());
    if (!deployed.ok()) {
        QTest::qFail(qPrintable(deployed.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *deployed;
}

QString DeployPanelTest::cell(const QString &environment, int column) const
{
    const EnvironmentTableModel *model = m_panel->environmentModel();
    const int row = model->rowOf(environment);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

bool DeployPanelTest::clickAndWait(QPushButton *button, bool expectSuccess)
{
    QSignalSpy finished(m_panel.get(), &DeployPanel::actionFinished);
    QSignalSpy refreshedAfter(m_panel.get(), &DeployPanel::refreshed);
    if (!button->isEnabled()) {
        qWarning("%s is disabled", qPrintable(button->objectName()));
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    if (!finished.wait(ActionTimeoutMs) && finished.isEmpty())
        return false;
    if (finished.first().first().toBool() != expectSuccess) {
        qWarning("%s: %s", qPrintable(button->objectName()), qPrintable(m_panel->statusLabel()->text()));
        return false;
    }
    // The panel reads the state again after every action.
    return !refreshedAfter.isEmpty() || refreshedAfter.wait(ActionTimeoutMs);
}

void DeployPanelTest::deployAndApproveStaging(const QString &version)
{
    m_panel->selectEnvironment(QStringLiteral("staging"));
    m_panel->selectRelease(version);
    QCOMPARE(m_panel->selectedVersion(), version);
    QVERIFY(clickAndWait(m_panel->deployButton(), true));
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("staging"), EnvironmentTableModel::Pending),
                              QStringLiteral("%1 awaiting approval").arg(version), ActionTimeoutMs);
    QCOMPARE(m_panel->selectedEnvironment(), QStringLiteral("staging"));
    QVERIFY(m_panel->approveButton()->isEnabled());
    QVERIFY(clickAndWait(m_panel->approveButton(), true));
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("staging"), EnvironmentTableModel::Version), version, ActionTimeoutMs);
    QCOMPARE(cell(QStringLiteral("staging"), EnvironmentTableModel::Health), QStringLiteral("healthy"));
    QCOMPARE(cell(QStringLiteral("staging"), EnvironmentTableModel::Pending), QString());
    QVERIFY(!m_panel->approveButton()->isEnabled());
}

void DeployPanelTest::deployingToStagingWaitsForApprovalAndApproveRunsIt()
{
    const waypoint::Release first = release(QStringLiteral("first"));
    QVERIFY(!first.version.isEmpty());
    QCOMPARE(deployWithService(QStringLiteral("dev"), first.version, false).status, DeploymentStatus::Succeeded);

    m_panel->setProjectDir(m_project);
    // deployment.* events and setProjectDir both refresh; the rows arrive off the UI thread.
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->environmentModel()->rowCount(), 3, ActionTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("dev"), EnvironmentTableModel::Version), first.version, ActionTimeoutMs);
    QCOMPARE(cell(QStringLiteral("dev"), EnvironmentTableModel::Health), QStringLiteral("healthy"));
    QCOMPARE(cell(QStringLiteral("staging"), EnvironmentTableModel::Health), QStringLiteral("not deployed"));
    QCOMPARE(m_panel->releaseModel()->rowCount(), 1);
    QVERIFY2(m_panel->identityLabel()->text().contains(QStringLiteral("admin")), qPrintable(m_panel->identityLabel()->text()));

    deployAndApproveStaging(first.version);
    const QString url = cell(QStringLiteral("staging"), EnvironmentTableModel::Url);
    QVERIFY2(url.contains(QStringLiteral("/environments/")), qPrintable(url));
    // Staging runs a release now, so prod can take it by promotion.
    m_panel->selectEnvironment(QStringLiteral("prod"));
    QVERIFY(m_panel->promoteButton()->isEnabled());
    // One release: staging has nothing earlier to go back to.
    m_panel->selectEnvironment(QStringLiteral("staging"));
    QVERIFY(!m_panel->rollbackButton()->isEnabled());
    QVERIFY2(m_host->messages.last().contains(first.version), qPrintable(m_host->messages.last()));
}

void DeployPanelTest::rollBackPutsStagingOnThePreviousReleaseAndTheHistoryListsIt()
{
    const waypoint::Release first = release(QStringLiteral("first"));
    QVERIFY(!first.version.isEmpty());
    m_panel->setProjectDir(m_project);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->environmentModel()->rowCount(), 3, ActionTimeoutMs);
    deployAndApproveStaging(first.version);

    const waypoint::Release second = release(QStringLiteral("second"));
    QVERIFY(!second.version.isEmpty());
    QVERIFY(second.version != first.version);
    // A refresh asked for now reads after the release was made.
    m_panel->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->releaseModel()->rowCount(), 2, ActionTimeoutMs);
    // Newest first; the changelog is the tooltip.
    QCOMPARE(m_panel->releaseModel()->index(0, ReleaseTableModel::Version).data().toString(), second.version);
    QVERIFY(!m_panel->releaseModel()->index(0, ReleaseTableModel::Version).data(Qt::ToolTipRole).toString().isEmpty());
    deployAndApproveStaging(second.version);

    m_panel->selectEnvironment(QStringLiteral("staging"));
    QVERIFY(clickAndWait(m_panel->rollbackButton(), true));
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("staging"), EnvironmentTableModel::Version), first.version, ActionTimeoutMs);
    QCOMPARE(cell(QStringLiteral("staging"), EnvironmentTableModel::Health), QStringLiteral("healthy"));

    const QList<waypoint::Deployment> &history = m_panel->timelineModel()->deployments();
    QVERIFY(!history.isEmpty());
    const waypoint::Deployment &newest = history.first();
    QCOMPARE(newest.kind, QStringLiteral("rollback"));
    QCOMPARE(newest.environment, QStringLiteral("staging"));
    QCOMPARE(newest.version, first.version);
    const QModelIndex top = m_panel->timelineModel()->index(0);
    QVERIFY2(top.data().toString().contains(QStringLiteral("rollback")), qPrintable(top.data().toString()));
    QCOMPARE(top.data(DeploymentTimelineModel::StatusRole).toString(), waypoint::deploymentStatusName(newest.status));
    // The deploys before it kept their timed steps, shown on hover.
    const int approved = 1; // the approved deploy of the second release, just below
    QVERIFY(!history.at(approved).steps.isEmpty());
    QVERIFY(m_panel->timelineModel()->index(approved).data(Qt::ToolTipRole).toString().contains(QStringLiteral(" ms")));
}

void DeployPanelTest::aDeveloperCannotApproveProdAndIsToldWhy()
{
    const waypoint::Release first = release(QStringLiteral("first"));
    QVERIFY(!first.version.isEmpty());
    // An admin queues prod; it waits at the admin gate.
    QCOMPARE(deployWithService(QStringLiteral("prod"), first.version, false).status, DeploymentStatus::AwaitingApproval);
    m_panel->setProjectDir(m_project);
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("prod"), EnvironmentTableModel::Pending),
                              QStringLiteral("%1 awaiting approval").arg(first.version), ActionTimeoutMs);
    // Without a users row, the local user is admin: prod's Approve is on.
    m_panel->selectEnvironment(QStringLiteral("prod"));
    QVERIFY(m_panel->approveButton()->isEnabled());

    const landing::Identity local = waypoint::localIdentity(m_engine->store());
    landing::UserDirectory users(m_engine->store(), m_engine->cache());
    const auto added = users.add(local.subject, landing::Role::Developer);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    m_panel->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->snapshot().identity.role, landing::Role::Developer, ActionTimeoutMs);
    QCOMPARE(m_panel->selectedEnvironment(), QStringLiteral("prod"));
    QVERIFY(!m_panel->approveButton()->isEnabled());
    QVERIFY(!m_panel->deployButton()->isEnabled());
    QVERIFY2(m_panel->approveButton()->toolTip().contains(QStringLiteral("admin")),
             qPrintable(m_panel->approveButton()->toolTip()));
    // Staging's gate is a developer's: Deploy stays on there.
    m_panel->selectEnvironment(QStringLiteral("staging"));
    QVERIFY(m_panel->deployButton()->isEnabled());

    // The service is the judge: an attempt anyway is refused, and the panel says so.
    m_panel->selectEnvironment(QStringLiteral("prod"));
    QSignalSpy finished(m_panel.get(), &DeployPanel::actionFinished);
    m_panel->approve();
    QVERIFY(finished.wait(ActionTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), false);
    const QString shown = m_panel->statusLabel()->text();
    QVERIFY2(shown.contains(QStringLiteral("cannot approve")) && shown.contains(QStringLiteral("prod")), qPrintable(shown));
    QVERIFY(!m_host->messages.isEmpty());
    QCOMPARE(m_host->messages.last(), shown);
    // Prod still runs nothing and its deployment still waits.
    QCOMPARE(cell(QStringLiteral("prod"), EnvironmentTableModel::Version), QStringLiteral("—"));
    QCOMPARE(cell(QStringLiteral("prod"), EnvironmentTableModel::Pending), QStringLiteral("%1 awaiting approval").arg(first.version));
}

QTEST_MAIN(DeployPanelTest)
#include "deploy_panel_test.moc"
