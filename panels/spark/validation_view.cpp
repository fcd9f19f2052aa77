// SPDX-License-Identifier: Apache-2.0
#include "validation_view.h"

#include <QHeaderView>
#include <QStyle>

namespace helios::panels {

namespace {
enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole };
}

ValidationView::ValidationView(QWidget *parent)
    : QTreeWidget(parent) {
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Location"), tr("Check"), tr("Message")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(Location, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Check, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(Location, FileRole).toString();
        if (!file.isEmpty())
            Q_EMIT locationActivated(file, item->data(Location, LineRole).toInt(),
                                     item->data(Location, ColumnRole).toInt());
    });
}

QString ValidationView::locationText(const spark::ValidationIssue &issue) {
    if (issue.line <= 0)
        return issue.file;
    return issue.column > 0 ? QStringLiteral("%1:%2:%3").arg(issue.file).arg(issue.line).arg(issue.column)
                            : QStringLiteral("%1:%2").arg(issue.file).arg(issue.line);
}

void ValidationView::clearReport() {
    clear();
}

void ValidationView::setReport(const spark::ValidationReport &report) {
    clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QList<QTreeWidgetItem *> items;
    items.reserve(report.issues.size());
    for (const spark::ValidationIssue &issue : report.issues) {
        auto *item = new QTreeWidgetItem;
        item->setText(Location, locationText(issue));
        item->setIcon(Location, issue.error ? errorIcon : warningIcon);
        // The check's id and the message come from the engine, in English.
        item->setText(Check, issue.error ? tr("%1 error").arg(issue.check) : tr("%1 warning").arg(issue.check));
        item->setText(Message, issue.message);
        item->setToolTip(Message, issue.message);
        item->setData(Location, FileRole, issue.file);
        item->setData(Location, LineRole, issue.line);
        item->setData(Location, ColumnRole, issue.column);
        items.append(item);
    }
    addTopLevelItems(items);
}

} // namespace helios::panels
