// SPDX-License-Identifier: Apache-2.0
#include "locator_model.h"

namespace helios::workbench {

void LocatorModel::setResults(QList<LocatorEntry> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int LocatorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant LocatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LocatorEntry &entry = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(kindName(entry.kind), entry.detail.isEmpty() ? entry.title : entry.detail);
    case DetailRole:
        return entry.detail;
    case KindRole:
        return int(entry.kind);
    case FileRole:
        return entry.file;
    case LineRole:
        return entry.line;
    default:
        return {};
    }
}

QString LocatorModel::kindName(LocatorEntry::Kind kind)
{
    switch (kind) {
    case LocatorEntry::Kind::Action:
        return tr("Action");
    case LocatorEntry::Kind::File:
        return tr("File");
    case LocatorEntry::Kind::Token:
        return tr("Token");
    case LocatorEntry::Kind::Component:
        return tr("Component");
    }
    return {};
}

} // namespace helios::workbench
