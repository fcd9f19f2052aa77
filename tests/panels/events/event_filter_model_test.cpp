// SPDX-License-Identifier: Apache-2.0
#include "events/event_filter_model.h"
#include "events/event_log_model.h"

#include "bus/event.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::data::Event;

class EventFilterModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("subjects");
        const QStringList all{QStringLiteral("shop"), QStringLiteral("blog"), QStringLiteral("docs")};
        QTest::newRow("no filter shows every event") << QString() << QString() << all;
        QTest::newRow("white space alone filters nothing") << QStringLiteral("  ") << QString() << all;
        QTest::newRow("text matches the type") << QStringLiteral("FAILED") << QString() << QStringList{QStringLiteral("blog")};
        QTest::newRow("text matches the source") << QStringLiteral("waypoint") << QString() << QStringList{QStringLiteral("docs")};
        QTest::newRow("text matches the subject") << QStringLiteral("Sho") << QString() << QStringList{QStringLiteral("shop")};
        QTest::newRow("text matches the summary") << QStringLiteral("environment=prod") << QString() << QStringList{QStringLiteral("docs")};
        QTest::newRow("text that matches nothing shows nothing") << QStringLiteral("zebra") << QString() << QStringList{};
        QTest::newRow("a type shows only that type") << QString() << QStringLiteral("build.completed") << QStringList{QStringLiteral("shop")};
        QTest::newRow("type and text must both match") << QStringLiteral("blog") << QStringLiteral("build.completed") << QStringList{};
    }
    void testFilter()
    {
        QFETCH(QString, text);
        QFETCH(QString, type);
        QFETCH(QStringList, subjects);

        EventLogModel log;
        EventFilterModel filter;
        filter.setSourceModel(&log);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"), QStringLiteral("shop"),
                               QJsonObject{{QStringLiteral("durationMs"), 12}}));
        log.append(Event::make(QStringLiteral("build.failed"), QStringLiteral("/helios/ignis"), QStringLiteral("blog"),
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("syntax")}}));
        log.append(Event::make(QStringLiteral("deployment.completed"), QStringLiteral("/helios/waypoint"),
                               QStringLiteral("docs"), QJsonObject{{QStringLiteral("environment"), QStringLiteral("prod")}}));
        filter.setText(text);
        filter.setType(type);

        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown.append(filter.index(row, EventLogModel::Subject).data().toString());
        QCOMPARE(shown, subjects);

        // Events appended later go through the same filter.
        log.append(Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"), QStringLiteral("shop"),
                               QJsonObject{{QStringLiteral("durationMs"), 13}}));
        const bool newOneShown = subjects.contains(QStringLiteral("shop"));
        QCOMPARE(filter.rowCount(), int(subjects.size()) + (newOneShown ? 1 : 0));
    }
};

QTEST_MAIN(EventFilterModelTest)
#include "event_filter_model_test.moc"
