// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"

#include <QAbstractTableModel>

namespace helios::panels {

// The problems of the open token files, one per row: where (file:line:column), which
// token, and what. Rejected edits are listed first until the next change.
class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Location, TokenPath, Message, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setDiagnostics(const slate::Diagnostics &fromFiles, const slate::Diagnostics &rejected);
    const slate::Diagnostics &diagnostics() const { return m_diagnostics; }
    int rejectedCount() const { return m_rejected; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    slate::Diagnostics m_diagnostics;
    int m_rejected = 0;
};

} // namespace helios::panels
