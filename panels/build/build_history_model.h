// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_report.h"

#include <QAbstractTableModel>
#include <QList>

namespace helios::panels {

// A project's recent builds, newest first, one per row: when it started, how it ended,
// how long it took, what the cache did and how much it wrote.
class BuildHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Started, Status, Duration, Cache, OutputSize, ColumnCount };
    enum Role {
        BuildIdRole = Qt::UserRole + 1,
        // The column's value unformatted: QDateTime (Started), BuildReport::Status as int
        // (Status), qint64 milliseconds (Duration), the cache word (Cache), qint64 bytes
        // (OutputSize).
        RawValueRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Replaces the rows. The same builds in the same order (a refresh that only saw a
    // running build end) update in place, keeping the view's selection.
    void setReports(const QList<ignis::BuildReport> &reports);
    const QList<ignis::BuildReport> &reports() const { return m_reports; }
    // `row` must be valid.
    const ignis::BuildReport &report(int row) const { return m_reports.at(row); }

    // "312 ms", "4.2 s", "1 min 5 s".
    static QString formatDuration(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ignis::BuildReport> m_reports;
};

} // namespace helios::panels
