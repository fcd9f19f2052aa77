// SPDX-License-Identifier: Apache-2.0
#include "events/event_display.h"
#include "events/event_log_model.h"

#include "bus/event.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::data::Event;

namespace {

Event numbered(int n)
{
    return Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"),
                       QStringLiteral("project-%1").arg(n), QJsonObject{{QStringLiteral("n"), n}});
}

} // namespace

class EventLogModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testAppendShowsEveryColumn()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.capacity(), EventLogModel::DefaultCapacity);
        QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
        QCOMPARE(model.headerData(EventLogModel::Type, Qt::Horizontal).toString(), QStringLiteral("Type"));

        const Event event = Event::make(QStringLiteral("deployment.completed"), QStringLiteral("/helios/waypoint"),
                                        QStringLiteral("shop"),
                                        QJsonObject{{QStringLiteral("environment"), QStringLiteral("dev")}});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(event);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, EventLogModel::Time).data().toString(), eventLocalTime(event.time));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"))
                    .match(model.index(0, EventLogModel::Time).data().toString()).hasMatch());
        QCOMPARE(model.index(0, EventLogModel::Type).data().toString(), QStringLiteral("deployment.completed"));
        QCOMPARE(model.index(0, EventLogModel::Source).data().toString(), QStringLiteral("/helios/waypoint"));
        QCOMPARE(model.index(0, EventLogModel::Subject).data().toString(), QStringLiteral("shop"));
        QCOMPARE(model.index(0, EventLogModel::Summary).data().toString(), QStringLiteral("environment=dev"));
        QCOMPARE(model.event(0), event);
    }

    void testAtCapacityTheOldestRowGoes()
    {
        EventLogModel model(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int n = 0; n < 3; ++n)
            model.append(numbered(n));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.append(numbered(3));
        model.append(numbered(4));

        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);  // first removed row
        QCOMPARE(removed.at(0).at(2).toInt(), 0);  // last removed row
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2);  // appended at the end
        QCOMPARE(reset.size(), 0);
        QStringList subjects;
        for (int row = 0; row < model.rowCount(); ++row)
            subjects.append(model.index(row, EventLogModel::Subject).data().toString());
        QCOMPARE(subjects, (QStringList{QStringLiteral("project-2"), QStringLiteral("project-3"),
                                        QStringLiteral("project-4")}));
    }

    void testSummaryHidesSecrets()
    {
        EventLogModel model;
        model.append(Event::make(QStringLiteral("project.created"), QStringLiteral("/helios/ignition"),
                                 QStringLiteral("p1"),
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("shop")},
                                             {QStringLiteral("HELIOS_AI_KEY"), QStringLiteral("sk-very-secret")},
                                             {QStringLiteral("dbPassword"), QStringLiteral("hunter2")}}));
        const QString summary = model.index(0, EventLogModel::Summary).data().toString();
        QCOMPARE(summary, QStringLiteral("name=shop"));
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QString text = model.index(0, column).data(role).toString();
                QVERIFY2(!text.contains(QStringLiteral("sk-very-secret")) && !text.contains(QStringLiteral("hunter2")),
                         qPrintable(text));
            }
        }
    }

    void testClearEmptiesTheLog()
    {
        EventLogModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(numbered(1));
        model.append(numbered(2));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 1);
        model.append(numbered(3));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, EventLogModel::Subject).data().toString(), QStringLiteral("project-3"));
    }
};

QTEST_MAIN(EventLogModelTest)
#include "event_log_model_test.moc"
