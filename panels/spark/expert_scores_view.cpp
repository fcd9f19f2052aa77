// SPDX-License-Identifier: Apache-2.0
#include "expert_scores_view.h"

#include "spark/expert_family.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace helios::panels {

namespace {
constexpr int Margin = 4;
constexpr int Spacing = 4;
} // namespace

ExpertScoresView::ExpertScoresView(QWidget *parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ExpertScoresView::setRouting(const spark::Routing &routing) {
    m_scores = routing.experts;
    // The router answers best first already; keep that promise even if it changes.
    std::stable_sort(m_scores.begin(), m_scores.end(),
                     [](const spark::ExpertScore &a, const spark::ExpertScore &b) { return a.gate > b.gate; });
    updateGeometry();
    update();
}

void ExpertScoresView::clear() {
    m_scores.clear();
    updateGeometry();
    update();
}

int ExpertScoresView::rowHeight() const {
    return fontMetrics().height() + 6;
}

QSize ExpertScoresView::sizeHint() const {
    const int rows = std::max<int>(int(m_scores.size()), 3);
    return {320, 2 * Margin + rows * rowHeight() + (rows - 1) * Spacing};
}

QSize ExpertScoresView::minimumSizeHint() const {
    return {160, 2 * Margin + rowHeight()};
}

int ExpertScoresView::rowAt(const QPoint &pos) const {
    const int step = rowHeight() + Spacing;
    if (pos.y() < Margin)
        return -1;
    const int row = (pos.y() - Margin) / step;
    const int within = (pos.y() - Margin) % step;
    return row < m_scores.size() && within < rowHeight() ? row : -1;
}

QString ExpertScoresView::toolTipFor(int row) const {
    if (row < 0 || row >= m_scores.size())
        return {};
    const spark::ExpertScore &score = m_scores.at(row);
    const QString id = spark::familyInfo(score.family).id;
    const QString drivers = score.drivers.isEmpty() ? tr("no single feature stood out")
                                                    : score.drivers.join(QStringLiteral(", "));
    return tr("%1: gate %2%, probability %3%\nDriven by: %4")
        .arg(id)
        .arg(score.gate * 100, 0, 'f', 1)
        .arg(score.probability * 100, 0, 'f', 1)
        .arg(drivers);
}

bool ExpertScoresView::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(row), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ExpertScoresView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    if (m_scores.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(Margin, Margin, -Margin, -Margin), Qt::AlignLeft | Qt::AlignTop,
                         tr("The router's scores appear here."));
        return;
    }
    const QFontMetrics metrics = fontMetrics();
    int labelWidth = 0;
    for (const spark::ExpertScore &score : m_scores)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(QString(spark::familyInfo(score.family).id)));
    const int percentWidth = metrics.horizontalAdvance(QStringLiteral("100.0%"));
    const int barLeft = Margin + labelWidth + 8;
    const int barSpace = std::max(width() - barLeft - percentWidth - 8 - Margin, 10);
    const int h = rowHeight();

    for (int row = 0; row < m_scores.size(); ++row) {
        const spark::ExpertScore &score = m_scores.at(row);
        const int y = Margin + row * (h + Spacing);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(Margin, y, labelWidth, h), Qt::AlignVCenter | Qt::AlignRight,
                         QString(spark::familyInfo(score.family).id));
        const QRectF track(barLeft, y + 2, barSpace, h - 4);
        painter.setPen(Qt::NoPen);
        painter.setBrush(pal.color(QPalette::AlternateBase));
        painter.drawRoundedRect(track, 3, 3);
        const double gate = std::clamp(score.gate, 0.0, 1.0);
        // The best expert in the highlight colour, the others muted.
        painter.setBrush(row == 0 ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
        painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * gate, track.height()), 3, 3);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(barLeft + barSpace + 8, y, percentWidth, h), Qt::AlignVCenter | Qt::AlignRight,
                         tr("%1%").arg(gate * 100, 0, 'f', 1));
    }
}

} // namespace helios::panels
