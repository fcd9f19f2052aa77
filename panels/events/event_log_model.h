// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/event.h"

#include <QAbstractTableModel>

#include <deque>

namespace helios::panels {

// The newest events, oldest first, one row each: local time, type, source, subject and a
// one-line summary of the data without secrets. Holds at most capacity() rows; appending
// at capacity removes the oldest row first. Lives on the UI thread.
class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Type, Source, Subject, Summary, ColumnCount };
    static constexpr int DefaultCapacity = 2000;

    explicit EventLogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    // The event shown in `row` (0 <= row < rowCount()).
    const data::Event &event(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void append(const helios::data::Event &event);
    void clear();

private:
    // What the view shows is worked out once per event, not on every paint.
    struct Row {
        data::Event event;
        QString time;
        QString summary;
    };

    std::deque<Row> m_rows;
    int m_capacity;
};

} // namespace helios::panels
