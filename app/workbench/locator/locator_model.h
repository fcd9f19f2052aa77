// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "locator_entry.h"

#include <QAbstractListModel>

namespace helios::workbench {

// The locator's current results, best first: the title as display text, the detail and
// the kind in roles of their own (the delegate draws the detail beside the title).
class LocatorModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { DetailRole = Qt::UserRole + 1, KindRole, FileRole, LineRole };

    using QAbstractListModel::QAbstractListModel;

    void setResults(QList<LocatorEntry> results);
    const LocatorEntry &entryAt(int row) const { return m_results.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "Action", "File", "Token" or "Component", translated.
    static QString kindName(LocatorEntry::Kind kind);

private:
    QList<LocatorEntry> m_results;
};

} // namespace helios::workbench
