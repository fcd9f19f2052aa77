// SPDX-License-Identifier: Apache-2.0
#include "locator_delegate.h"

#include "locator_model.h"

#include <QApplication>
#include <QPainter>

namespace helios::workbench {

void LocatorDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(4, 0, -4, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QString kind = LocatorModel::kindName(LocatorEntry::Kind(index.data(LocatorModel::KindRole).toInt()));
    const QString detail = index.data(LocatorModel::DetailRole).toString();

    painter->save();
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const int kindWidth = smallMetrics.horizontalAdvance(LocatorModel::kindName(LocatorEntry::Kind::Component)) + 8;
    painter->setFont(small);
    painter->setPen(opt.palette.color(QPalette::Disabled, textRole));
    painter->drawText(QRect(area.left(), area.top(), kindWidth, area.height()), Qt::AlignLeft | Qt::AlignVCenter, kind);

    const QFontMetrics metrics(opt.font);
    const QRect rest = area.adjusted(kindWidth, 0, 0, 0);
    const int titleWidth = qMin(metrics.horizontalAdvance(title), rest.width());
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(QPalette::Normal, textRole));
    painter->drawText(QRect(rest.left(), rest.top(), titleWidth, rest.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(title, Qt::ElideRight, titleWidth));
    const QRect detailRect = rest.adjusted(titleWidth + 16, 0, 0, 0);
    if (!detail.isEmpty() && detailRect.width() > 0) {
        painter->setFont(small);
        painter->setPen(opt.palette.color(QPalette::Disabled, textRole));
        painter->drawText(detailRect, Qt::AlignRight | Qt::AlignVCenter,
                          smallMetrics.elidedText(detail, Qt::ElideMiddle, detailRect.width()));
    }
    painter->restore();
}

} // namespace helios::workbench
