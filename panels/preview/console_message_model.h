// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace helios::panels {

// The console of the previewed page, one message per row, oldest first: what the page
// logged (console.log, console.warn, console.error) and its uncaught errors, which the
// browser reports as console errors. Keeps the newest MaxMessages rows, so a page that
// logs in a loop cannot grow it without bound.
class ConsoleMessageModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int MaxMessages = 2000;

    enum class Level { Info, Warning, Error };
    enum Role {
        LevelRole = Qt::UserRole + 1, // Level as int
        MessageRole,                  // the message text alone
        SourceRole,                   // the script's URL as the browser gave it; may be empty
        LineRole,                     // 1-based; 0 when unknown
        LocationRole,                 // "path:line", "path" or empty
    };

    using QAbstractListModel::QAbstractListModel;

    void append(Level level, const QString &message, const QString &source = {}, int line = 0);
    void clear();
    int count(Level level) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Message {
        Level level = Level::Info;
        QString text;
        QString source;
        int line = 0;
    };
    static QString location(const Message &message);

    QList<Message> m_messages;
};

} // namespace helios::panels
