// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace helios::workbench {

// Draws a locator row as its kind, its title and, right-aligned and dimmed, its detail
// (a shortcut, a path, file:line), eliding the detail first when space runs short.
class LocatorDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace helios::workbench
