// SPDX-License-Identifier: Apache-2.0
#include "events/event_filter_model.h"
#include "events/event_log_model.h"
#include "events/events_panel.h"

#include "bus/bus.h"
#include "engine.h"
#include "recording_panel_host.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace helios::panels;
using helios::data::Event;

namespace {

using FakeHost = helios::test::RecordingPanelHost;

Event makeEvent(const QString &type, const QString &subject, const QJsonObject &data = {})
{
    return Event::make(type, QStringLiteral("/helios/test"), subject, data);
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

} // namespace

class EventsPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto engine = helios::Engine::open(helios::Config::embedded(m_dir->path()));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<EventsPanel>(*m_engine, *m_host);
        QCOMPARE(m_host->dockId, QStringLiteral("events"));
        QVERIFY(m_host->widget);
        QVERIFY(m_host->messages.isEmpty());
        m_host->widget->resize(1000, 500);
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

    void testPublishedEventsAppearInTheTable()
    {
        QAbstractItemModelTester tester(m_panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        publish(makeEvent(QStringLiteral("build.started"), QStringLiteral("shop")));
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("shop"),
                      QJsonObject{{QStringLiteral("durationMs"), 321}, {QStringLiteral("apiKey"), QStringLiteral("sk-1")}}));
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QCOMPARE(m_panel->view()->model(), m_panel->filterModel());
        QCOMPARE(column(m_panel->filterModel(), EventLogModel::Type),
                 (QStringList{QStringLiteral("build.started"), QStringLiteral("build.completed")}));
        QCOMPARE(m_panel->filterModel()->index(1, EventLogModel::Summary).data().toString(),
                 QStringLiteral("durationMs=321"));
        QCOMPARE(m_panel->filterModel()->index(1, EventLogModel::Source).data().toString(),
                 QStringLiteral("/helios/test"));
    }

    void testFilterTextNarrowsTheTable()
    {
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("shop")));
        publish(makeEvent(QStringLiteral("deployment.completed"), QStringLiteral("blog"),
                      QJsonObject{{QStringLiteral("environment"), QStringLiteral("staging")}}));
        publish(makeEvent(QStringLiteral("token.updated"), QStringLiteral("brand")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);

        QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("STAGING"));
        QCOMPARE(column(m_panel->filterModel(), EventLogModel::Subject), QStringList{QStringLiteral("blog")});
        m_panel->filterEdit()->clear();
        QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("completed"));
        QCOMPARE(column(m_panel->filterModel(), EventLogModel::Subject),
                 (QStringList{QStringLiteral("shop"), QStringLiteral("blog")}));

        // A new event that does not match stays out; one that matches comes in.
        publish(makeEvent(QStringLiteral("build.started"), QStringLiteral("later")));
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("latest")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 5);
        QCOMPARE(column(m_panel->filterModel(), EventLogModel::Subject),
                 (QStringList{QStringLiteral("shop"), QStringLiteral("blog"), QStringLiteral("latest")}));

        m_panel->filterEdit()->clear();
        QCOMPARE(m_panel->filterModel()->rowCount(), 5);
    }

    void testTypeComboListsSeenTypesAndFilters()
    {
        QComboBox *combo = m_panel->typeCombo();
        QCOMPARE(combo->count(), 1);  // "All types"
        publish(makeEvent(QStringLiteral("deployment.started"), QStringLiteral("a")));
        publish(makeEvent(QStringLiteral("build.failed"), QStringLiteral("b")));
        publish(makeEvent(QStringLiteral("deployment.started"), QStringLiteral("c")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->itemText(1), QStringLiteral("build.failed"));
        QCOMPARE(combo->itemText(2), QStringLiteral("deployment.started"));

        combo->setCurrentIndex(2);
        QCOMPARE(column(m_panel->filterModel(), EventLogModel::Subject),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        combo->setCurrentIndex(0);
        QCOMPARE(m_panel->filterModel()->rowCount(), 3);
    }

    void testPauseHoldsEventsUntilResume()
    {
        publish(makeEvent(QStringLiteral("build.started"), QStringLiteral("before")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);

        QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
        QVERIFY(m_panel->isPaused());
        QVERIFY(m_panel->pauseButton()->isChecked());
        QCOMPARE(m_panel->pauseButton()->text(), QStringLiteral("Resume"));
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("during-1")));
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("during-2")));
        QTRY_COMPARE(m_panel->pendingCount(), 2);
        QCOMPARE(m_panel->model()->rowCount(), 1);

        QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
        QVERIFY(!m_panel->isPaused());
        QCOMPARE(m_panel->pauseButton()->text(), QStringLiteral("Pause"));
        QCOMPARE(m_panel->pendingCount(), 0);
        QCOMPARE(column(m_panel->model(), EventLogModel::Subject),
                 (QStringList{QStringLiteral("before"), QStringLiteral("during-1"), QStringLiteral("during-2")}));
    }

    void testClearEmptiesTableAndDetails()
    {
        publish(makeEvent(QStringLiteral("build.started"), QStringLiteral("x")));
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("y")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        m_panel->view()->selectRow(0);
        QVERIFY(!m_panel->detailsView()->toPlainText().isEmpty());

        QTest::mouseClick(m_panel->clearButton(), Qt::LeftButton);
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QCOMPARE(m_panel->filterModel()->rowCount(), 0);
        QVERIFY(m_panel->detailsView()->toPlainText().isEmpty());

        // Still live after a clear.
        publish(makeEvent(QStringLiteral("build.failed"), QStringLiteral("z")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    }

    void testDetailsShowTheSelectedEventAsJson()
    {
        const Event first = makeEvent(QStringLiteral("project.created"), QStringLiteral("p1"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("shop")},
                                              {QStringLiteral("password"), QStringLiteral("hunter2")}});
        const Event second = makeEvent(QStringLiteral("build.started"), QStringLiteral("p2"));
        publish(first);
        publish(second);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QVERIFY(m_panel->detailsView()->isReadOnly());

        m_panel->view()->selectRow(0);
        const QString details = m_panel->detailsView()->toPlainText();
        QVERIFY2(!details.contains(QStringLiteral("hunter2")), qPrintable(details));
        const QJsonObject shown = QJsonDocument::fromJson(details.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("id")).toString(), first.id);
        QCOMPARE(shown.value(QStringLiteral("type")).toString(), QStringLiteral("project.created"));
        QCOMPARE(shown.value(QStringLiteral("data")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("shop"));

        // Through the filter, the details still follow the row that is shown.
        m_panel->filterEdit()->setText(QStringLiteral("p2"));
        m_panel->view()->selectRow(0);
        QCOMPARE(QJsonDocument::fromJson(m_panel->detailsView()->toPlainText().toUtf8())
                     .object().value(QStringLiteral("id")).toString(),
                 second.id);
    }

    void testDestroyedWhilePublishingDoesNotCrash()
    {
        // A publisher keeps the bus busy while the panel, then its widget, go away: the
        // subscription must end before the panel's members do.
        std::atomic<bool> stop = false;
        std::atomic<int> published = 0;
        helios::data::Bus &bus = m_engine->bus();
        std::thread publisher([&] {
            while (!stop) {
                if (bus.publish(makeEvent(QStringLiteral("build.started"), QStringLiteral("flood"))).ok())
                    ++published;
            }
        });
        QTRY_VERIFY(m_panel->model()->rowCount() > 10);
        m_panel.reset();
        const int before = published;
        QTRY_VERIFY(published > before + 10);  // still publishing, nobody listening
        QCoreApplication::processEvents();       // queued events for the dead panel are dropped
        m_host->widget.reset();
        stop = true;
        publisher.join();
        QCoreApplication::processEvents();

        // A new panel on the same bus works.
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<EventsPanel>(*m_engine, *m_host);
        publish(makeEvent(QStringLiteral("build.completed"), QStringLiteral("after")));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    }

private:
    void publish(const Event &e)
    {
        const auto published = m_engine->bus().publish(e);
        QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<FakeHost> m_host;
    std::unique_ptr<EventsPanel> m_panel;
};

QTEST_MAIN(EventsPanelTest)
#include "events_panel_test.moc"
