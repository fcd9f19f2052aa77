// SPDX-License-Identifier: Apache-2.0
#include "build_duration_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace helios::panels {

using ignis::BuildReport;

BuildDurationChart::BuildDurationChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QStackedBarSeries)
    , m_succeeded(new QBarSet(tr("Succeeded")))
    , m_failed(new QBarSet(tr("Failed")))
    , m_axisX(new QBarCategoryAxis)
    , m_axisY(new QValueAxis) {
    m_succeeded->setColor(QColor(0x2e, 0x9d, 0x4f));
    m_failed->setColor(QColor(0xd9, 0x3f, 0x3f));
    m_series->append(m_succeeded);
    m_series->append(m_failed);

    auto *chart = new QChart;
    chart->setTitle(tr("Build durations"));
    chart->addSeries(m_series);
    m_axisX->setTitleText(tr("Recent builds, oldest first"));
    m_axisY->setTitleText(tr("Milliseconds"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setRange(0, 1000);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    setChart(chart); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

void BuildDurationChart::setReports(const QList<BuildReport> &reports) {
    QList<qreal> succeeded;
    QList<qreal> failed;
    QStringList categories;
    qint64 longest = 0;
    for (auto it = reports.crbegin(); it != reports.crend(); ++it) {
        if (it->status == BuildReport::Status::Running)
            continue;
        const qreal ms = qreal(it->durationMs);
        succeeded.append(it->succeeded() ? ms : 0);
        failed.append(it->succeeded() ? 0 : ms);
        // Categories must be unique; the build's position is.
        categories.append(QString::number(categories.size() + 1));
        longest = std::max(longest, it->durationMs);
    }
    if (m_succeeded->count() > 0)
        m_succeeded->remove(0, m_succeeded->count());
    if (m_failed->count() > 0)
        m_failed->remove(0, m_failed->count());
    m_succeeded->append(succeeded);
    m_failed->append(failed);
    m_axisX->setCategories(categories);
    m_axisY->setRange(0, qreal(std::max<qint64>(longest, 10)) * 1.1);
    m_axisY->applyNiceNumbers();
}

int BuildDurationChart::buildCount() const {
    return m_succeeded->count();
}

} // namespace helios::panels
