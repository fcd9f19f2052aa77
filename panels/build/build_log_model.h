// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace helios::panels {

// The log of one build, one line per row: the progress lines as the build announces them,
// a closing summary, then the build's errors and warnings. A message with a location
// carries the absolute file, line and column, so a view can open it in an editor.
class BuildLogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Kind { Progress, Summary, Error, Warning };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        FileRole,                    // absolute path; empty when the line has no location
        LineRole,                    // 1-based; 0 when not located
        ColumnRole,                  // 1-based; 0 when not located
        LocatedRole,                 // bool: FileRole and LineRole are set
    };

    using QAbstractListModel::QAbstractListModel;

    void clear();
    void appendProgress(const QString &text);
    void appendSummary(const QString &text, bool succeeded);
    // Message files are relative to `projectDir`; `codeFrames` holds the code frame of the
    // message at the same index, or is empty (the frame is the row's tooltip).
    void appendMessages(const QString &projectDir, const ignis::BuildMessages &messages,
                        const QStringList &codeFrames = {});

    // The first row that is an error with a location, or -1.
    int firstLocatedError() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Line {
        Kind kind = Kind::Progress;
        QString text;
        QString file;
        int line = 0;
        int column = 0;
        QString detail;
        bool succeeded = true;
    };
    void append(QList<Line> lines);

    QList<Line> m_lines;
};

} // namespace helios::panels
