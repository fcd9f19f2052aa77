// SPDX-License-Identifier: Apache-2.0
#include "build_log_model.h"

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QFont>
#include <QPalette>
#include <QStyle>

namespace helios::panels {

using ignis::BuildMessage;

void BuildLogModel::clear() {
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

void BuildLogModel::append(QList<Line> lines) {
    if (lines.isEmpty())
        return;
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    m_lines += std::move(lines);
    endInsertRows();
}

void BuildLogModel::appendProgress(const QString &text) {
    append({Line{Kind::Progress, text, {}, 0, 0, {}, true}});
}

void BuildLogModel::appendSummary(const QString &text, bool succeeded) {
    append({Line{Kind::Summary, text, {}, 0, 0, {}, succeeded}});
}

void BuildLogModel::appendMessages(const QString &projectDir, const ignis::BuildMessages &messages,
                                   const QStringList &codeFrames) {
    const QDir dir(projectDir);
    QList<Line> lines;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const BuildMessage &message = messages[i];
        Line line;
        line.kind = message.isError() ? Kind::Error : Kind::Warning;
        const QString severity = message.isError() ? tr("error") : tr("warning");
        if (message.isLocated()) {
            line.file = QDir::cleanPath(dir.absoluteFilePath(message.file));
            line.line = message.line;
            line.column = message.column;
            line.text = tr("%1:%2:%3: %4: %5")
                            .arg(message.file)
                            .arg(message.line)
                            .arg(message.column)
                            .arg(severity, message.text);
        } else {
            line.text = tr("%1: %2").arg(severity, message.text);
        }
        QStringList detail;
        if (i < codeFrames.size() && !codeFrames[i].isEmpty())
            detail.append(codeFrames[i]);
        detail += message.notes;
        line.detail = detail.join(QLatin1Char('\n'));
        lines.append(std::move(line));
    }
    append(std::move(lines));
}

int BuildLogModel::firstLocatedError() const {
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].kind == Kind::Error && !m_lines[i].file.isEmpty())
            return int(i);
    return -1;
}

int BuildLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant BuildLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    const bool located = !line.file.isEmpty() && line.line > 0;
    switch (role) {
    case Qt::DisplayRole:
        return line.text;
    case Qt::ToolTipRole:
        if (line.detail.isEmpty())
            return located ? tr("Double-click to open %1 at line %2").arg(line.file).arg(line.line)
                           : QVariant();
        return line.detail;
    case Qt::FontRole: {
        if (line.kind == Kind::Progress)
            return {};
        // Only what differs from the view's font: the delegate resolves it against that.
        QFont font;
        font.setBold(line.kind == Kind::Summary);
        font.setUnderline(located);
        return font;
    }
    case Qt::ForegroundRole:
        if (located)
            return QApplication::palette().color(QPalette::Link);
        if (line.kind == Kind::Error || (line.kind == Kind::Summary && !line.succeeded))
            return QColor(Qt::red);
        return {};
    case Qt::DecorationRole:
        if (line.kind == Kind::Error)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (line.kind == Kind::Warning)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case KindRole:
        return int(line.kind);
    case FileRole:
        return line.file;
    case LineRole:
        return line.line;
    case ColumnRole:
        return line.column;
    case LocatedRole:
        return located;
    }
    return {};
}

} // namespace helios::panels
