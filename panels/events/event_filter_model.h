// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace helios::panels {

// Narrows an EventLogModel to one event type and/or to rows whose type, source, subject
// or summary contain a text (case-insensitive). Both empty: every row.
class EventFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QString text() const { return m_text; }
    QString type() const { return m_type; }

public Q_SLOTS:
    void setText(const QString &text);
    // Exact event type ("build.completed"); empty for all types.
    void setType(const QString &type);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_type;
};

} // namespace helios::panels
