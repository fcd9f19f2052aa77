// SPDX-License-Identifier: Apache-2.0
#include "diagnostics_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace helios::panels {

void DiagnosticsModel::setDiagnostics(const slate::Diagnostics &fromFiles, const slate::Diagnostics &rejected)
{
    beginResetModel();
    m_diagnostics = rejected;
    m_diagnostics.insert(m_diagnostics.end(), fromFiles.begin(), fromFiles.end());
    m_rejected = int(rejected.size());
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const slate::Diagnostic &d = m_diagnostics[size_t(index.row())];
    if (role == PathRole)
        return d.tokenPath;
    if (role == Qt::ToolTipRole)
        return d.toString();
    if (role == Qt::DecorationRole && index.column() == Location)
        return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Location: {
        const QString file = QFileInfo(d.file).fileName();
        return d.position.isValid() ? QStringLiteral("%1:%2:%3").arg(file).arg(d.position.line).arg(d.position.column) : file;
    }
    case TokenPath: return d.tokenPath;
    case Message: {
        QString text = index.row() < m_rejected ? tr("Not applied: %1").arg(d.message) : d.message;
        if (!d.expected.isEmpty() || !d.found.isEmpty())
            text += QLatin1Char(' ') + tr("(expected %1, found %2)").arg(d.expected, d.found);
        return text;
    }
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Location: return tr("Location");
    case TokenPath: return tr("Token");
    case Message: return tr("Problem");
    }
    return {};
}

} // namespace helios::panels
