// SPDX-License-Identifier: Apache-2.0
#include "events/event_log_model.h"
#include "home/backend_status_model.h"
#include "home/home_panel.h"
#include "home/recent_projects_model.h"

#include "bus/bus.h"
#include "engine.h"
#include "recording_panel_host.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace helios::panels;
using helios::data::Event;

namespace {
using FakeHost = helios::test::RecordingPanelHost;
}

class HomePanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto engine = helios::Engine::open(helios::Config::embedded(m_dir->filePath(QStringLiteral("data"))));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<HomePanel>(*m_engine, *m_host);
        QCOMPARE(m_host->dockId, QStringLiteral("home"));
        QVERIFY(m_host->widget);
        m_host->widget->resize(600, 900);
        m_host->widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_host->widget.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_host.reset();
        m_engine.reset();
        m_dir.reset();
    }

    void testTheHubHasEverySection()
    {
        QWidget *content = m_host->widget.get();
        QCOMPARE(content->findChild<QListView *>(QStringLiteral("recentProjectsView")), m_panel->recentProjectsView());
        QCOMPARE(content->findChild<QTableView *>(QStringLiteral("recentEventsView")), m_panel->recentEventsView());
        QVERIFY(content->findChild<QTableView *>(QStringLiteral("backendStatusTable")));
        QCOMPARE(m_panel->recentEventsModel()->capacity(), HomePanel::RecentEventCount);
        // The back ends are still probed: the embedded ones are all reachable.
        QTRY_COMPARE(m_panel->statusModel()->rowCount(), 4);
    }

    void testRecentProjectsAreListedAndActivate()
    {
        const QString shop = projectDir(QStringLiteral("shop"));
        const QString blog = projectDir(QStringLiteral("blog"));
        const QString gone = m_dir->filePath(QStringLiteral("gone"));
        QListView *view = m_panel->recentProjectsView();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->setRecentProjects({shop, gone, blog});
        QCOMPARE(view->model(), m_panel->recentProjectsModel());
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY(view->isVisible());
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("shop"));
        QCOMPARE(view->model()->index(2, 0).data().toString(), QStringLiteral("blog"));

        QSignalSpy activated(m_panel.get(), &HomePanel::projectActivated);
        // Enter on the current row opens it.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(2, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), blog);

        // Activation by the view (a double click, with the platform's style) too.
        Q_EMIT view->activated(view->model()->index(0, 0));
        QTRY_COMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), shop);

        // The missing folder cannot be made current nor opened.
        const QModelIndex missing = view->model()->index(1, 0);
        QVERIFY(!(missing.flags() & Qt::ItemIsEnabled));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(missing).center());
        QVERIFY(view->currentIndex() != missing);
        Q_EMIT view->activated(missing);  // even if a view activated it anyway
        QCOMPARE(activated.size(), 2);
    }

    void testAFolderRemovedAfterListingIsNotOpened()
    {
        const QString doomed = projectDir(QStringLiteral("doomed"));
        m_panel->setRecentProjects({doomed});
        QVERIFY(QDir(doomed).removeRecursively());
        QSignalSpy activated(m_panel.get(), &HomePanel::projectActivated);
        Q_EMIT m_panel->recentProjectsView()->activated(m_panel->recentProjectsModel()->index(0, 0));
        QCOMPARE(activated.size(), 0);
        QCOMPARE(m_host->messages.size(), 1);
        QVERIFY(m_host->messages.at(0).contains(QDir::toNativeSeparators(doomed)));
    }

    void testNoProjectsShowsAHintInsteadOfAnEmptyList()
    {
        m_panel->setRecentProjects({});
        QVERIFY(!m_panel->recentProjectsView()->isVisible());
        m_panel->setRecentProjects({projectDir(QStringLiteral("one"))});
        QVERIFY(m_panel->recentProjectsView()->isVisible());
    }

    void testButtonsAskForNewAndOpen()
    {
        QSignalSpy newRequested(m_panel.get(), &HomePanel::newProjectRequested);
        QSignalSpy openRequested(m_panel.get(), &HomePanel::openProjectRequested);
        QCOMPARE(m_panel->newProjectButton()->objectName(), QStringLiteral("newProjectButton"));
        QTest::mouseClick(m_panel->newProjectButton(), Qt::LeftButton);
        QCOMPARE(newRequested.size(), 1);
        QCOMPARE(openRequested.size(), 0);
        QTest::mouseClick(m_panel->openProjectButton(), Qt::LeftButton);
        QCOMPARE(openRequested.size(), 1);
        QCOMPARE(newRequested.size(), 1);
    }

    void testRecentEventsShowTheNewestFromTheBus()
    {
        EventLogModel *events = m_panel->recentEventsModel();
        QAbstractItemModelTester tester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Event created = Event::make(QStringLiteral("project.created"), QStringLiteral("/helios/ignition"),
                                          QStringLiteral("p-1"), QJsonObject{{QStringLiteral("name"), QStringLiteral("shop")}});
        QVERIFY(m_engine->bus().publish(created).ok());
        QTRY_COMPARE(events->rowCount(), 1);
        QCOMPARE(events->index(0, EventLogModel::Type).data().toString(), QStringLiteral("project.created"));
        QCOMPARE(events->index(0, EventLogModel::Subject).data().toString(), QStringLiteral("p-1"));
        QCOMPARE(events->index(0, EventLogModel::Summary).data().toString(), QStringLiteral("name=shop"));

        // Only the newest RecentEventCount stay.
        for (int n = 0; n < HomePanel::RecentEventCount + 5; ++n) {
            QVERIFY(m_engine->bus()
                        .publish(Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"),
                                             QStringLiteral("b-%1").arg(n)))
                        .ok());
        }
        const QString last = QStringLiteral("b-%1").arg(HomePanel::RecentEventCount + 4);
        QTRY_COMPARE(events->index(events->rowCount() - 1, EventLogModel::Subject).data().toString(), last);
        QCOMPARE(events->rowCount(), HomePanel::RecentEventCount);
        QCOMPARE(events->index(0, EventLogModel::Subject).data().toString(), QStringLiteral("b-5"));
    }

private:
    QString projectDir(const QString &name)
    {
        const QString path = m_dir->filePath(name);
        QDir().mkpath(path);
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<FakeHost> m_host;
    std::unique_ptr<HomePanel> m_panel;
};

QTEST_MAIN(HomePanelTest)
#include "home_panel_test.moc"
