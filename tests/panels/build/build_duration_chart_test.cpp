// SPDX-License-Identifier: Apache-2.0
#include "build/build_duration_chart.h"

#include <QApplication>
#include <QBarSet>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::ignis::BuildReport;

namespace {

BuildReport report(BuildReport::Status status, qint64 ms) {
    BuildReport r;
    r.status = status;
    r.durationMs = ms;
    return r;
}

} // namespace

class BuildDurationChartTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testOldestBuildIsOnTheLeftAndFailuresHaveTheirOwnSet() {
        BuildDurationChart chart;
        QCOMPARE(chart.buildCount(), 0);
        // Newest first, as the history gives them; the running one is not drawn.
        chart.setReports({report(BuildReport::Status::Running, 0),
                          report(BuildReport::Status::Failed, 30),
                          report(BuildReport::Status::Succeeded, 200)});
        QCOMPARE(chart.buildCount(), 2);
        QCOMPARE(chart.succeededSet()->count(), 2);
        QCOMPARE(chart.failedSet()->count(), 2);
        QCOMPARE(chart.succeededSet()->at(0), 200.0);
        QCOMPARE(chart.failedSet()->at(0), 0.0);
        QCOMPARE(chart.succeededSet()->at(1), 0.0);
        QCOMPARE(chart.failedSet()->at(1), 30.0);
        QVERIFY(chart.succeededSet()->color() != chart.failedSet()->color());
    }

    void testNewReportsReplaceTheBars() {
        BuildDurationChart chart;
        chart.setReports(
            {report(BuildReport::Status::Succeeded, 1), report(BuildReport::Status::Succeeded, 2)});
        chart.setReports({report(BuildReport::Status::Failed, 5)});
        QCOMPARE(chart.buildCount(), 1);
        QCOMPARE(chart.failedSet()->at(0), 5.0);
        chart.setReports({});
        QCOMPARE(chart.buildCount(), 0);
        QCOMPARE(chart.failedSet()->count(), 0);
    }
};

QTEST_MAIN(BuildDurationChartTest)
#include "build_duration_chart_test.moc"
