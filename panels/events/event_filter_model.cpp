// SPDX-License-Identifier: Apache-2.0
#include "event_filter_model.h"

#include "event_log_model.h"

namespace helios::panels {

void EventFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void EventFilterModel::setType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto text = [&](int column) {
        return source->index(sourceRow, column, sourceParent).data().toString();
    };
    if (!m_type.isEmpty() && text(EventLogModel::Type) != m_type)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int column : {EventLogModel::Type, EventLogModel::Source, EventLogModel::Subject,
                             EventLogModel::Summary}) {
        if (text(column).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace helios::panels
