// SPDX-License-Identifier: Apache-2.0
#include "event_log_model.h"

#include "event_display.h"

#include <QDateTime>
#include <QLocale>

namespace helios::panels {

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

const data::Event &EventLogModel::event(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_rows[size_t(row)].event;
}

void EventLogModel::append(const data::Event &event)
{
    if (int(m_rows.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(Row{event, eventLocalTime(event.time), eventDataSummary(event.data)});
    endInsertRows();
}

void EventLogModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return row.time;
        case Type: return row.event.type;
        case Source: return row.event.source;
        case Subject: return row.event.subject;
        case Summary: return row.summary;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time: {
            const QDateTime time = QDateTime::fromString(row.event.time, Qt::ISODateWithMs);
            return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::LongFormat)
                                  : row.event.time;
        }
        case Summary: return row.summary;
        }
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Type: return tr("Type");
    case Source: return tr("Source");
    case Subject: return tr("Subject");
    case Summary: return tr("Summary");
    }
    return {};
}

} // namespace helios::panels
