// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/routing.h"

#include <QWidget>

namespace helios::panels {

// The router's answer as one horizontal bar per expert, best first: the bar's length is
// the gate weight, the label the family's id and the percentage; the features that
// drove an expert are its bar's tooltip.
class ExpertScoresView : public QWidget {
    Q_OBJECT
public:
    explicit ExpertScoresView(QWidget *parent = nullptr);

    void setRouting(const spark::Routing &routing);
    void clear();

    // The experts shown, best first.
    const QList<spark::ExpertScore> &scores() const { return m_scores; }
    // The row under `pos`, or -1.
    int rowAt(const QPoint &pos) const;
    // What the tooltip of `row` says.
    QString toolTipFor(int row) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;

    QList<spark::ExpertScore> m_scores;
};

} // namespace helios::panels
