// SPDX-License-Identifier: Apache-2.0
#include "console_message_model.h"

#include <QBrush>
#include <QColor>
#include <QUrl>

#include <algorithm>

namespace helios::panels {

void ConsoleMessageModel::append(Level level, const QString &message, const QString &source,
                                 int line) {
    // Drop the oldest first, so the rows that remain keep their order and the view its place.
    if (m_messages.size() >= MaxMessages) {
        const int excess = int(m_messages.size()) - MaxMessages + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_messages.remove(0, excess);
        endRemoveRows();
    }
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(Message{level, message, source, std::max(line, 0)});
    endInsertRows();
}

void ConsoleMessageModel::clear() {
    if (m_messages.isEmpty())
        return;
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

int ConsoleMessageModel::count(Level level) const {
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(),
                             [level](const Message &m) { return m.level == level; }));
}

int ConsoleMessageModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_messages.size());
}

QString ConsoleMessageModel::location(const Message &message) {
    if (message.source.isEmpty())
        return {};
    // Scripts of the dev server share the page's origin: their path says which file it is.
    const QUrl url(message.source);
    QString where = message.source;
    if (url.isValid() &&
        (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
        where = url.path();
    return message.line > 0 ? where + QLatin1Char(':') + QString::number(message.line) : where;
}

QVariant ConsoleMessageModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString where = location(message);
        QString level;
        switch (message.level) {
        case Level::Info:
            level = tr("info");
            break;
        case Level::Warning:
            level = tr("warning");
            break;
        case Level::Error:
            level = tr("error");
            break;
        }
        return where.isEmpty() ? tr("%1: %2").arg(level, message.text)
                               : tr("%1: %2 (%3)").arg(level, message.text, where);
    }
    case Qt::ToolTipRole:
        return message.source.isEmpty()
                   ? message.text
                   : tr("%1\n%2:%3").arg(message.text, message.source).arg(message.line);
    case Qt::ForegroundRole:
        switch (message.level) {
        case Level::Info:
            return {};
        case Level::Warning:
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        case Level::Error:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        }
        return {};
    case LevelRole:
        return int(message.level);
    case MessageRole:
        return message.text;
    case SourceRole:
        return message.source;
    case LineRole:
        return message.line;
    case LocationRole:
        return location(message);
    default:
        return {};
    }
}

} // namespace helios::panels
