// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_report.h"

#include <QChartView>
#include <QList>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace helios::panels {

// How long a project's recent builds took, oldest on the left: one bar per finished
// build, succeeded builds in one colour and failed ones in another (two stacked sets, one
// of them zero for each bar). Builds still running are left out.
class BuildDurationChart : public QChartView {
    Q_OBJECT
public:
    explicit BuildDurationChart(QWidget *parent = nullptr);

    // `reports` newest first, as BuildHistory::recent() returns them.
    void setReports(const QList<ignis::BuildReport> &reports);

    // One bar per build shown; in each set a build of the other kind has the value 0.
    int buildCount() const;
    QBarSet *succeededSet() const { return m_succeeded; }
    QBarSet *failedSet() const { return m_failed; }

private:
    QStackedBarSeries *m_series;
    QBarSet *m_succeeded;
    QBarSet *m_failed;
    QBarCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
};

} // namespace helios::panels
