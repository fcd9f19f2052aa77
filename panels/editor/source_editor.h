// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "qscintilla.h"

#include <QByteArray>
#include <QString>

namespace helios::panels {

// One file in an editor tab: loads UTF-8 text (refusing binary and very large files),
// colours it by its suffix, numbers its lines and writes it back atomically, byte for byte
// as shown (line endings and a byte-order mark are kept as the file had them).
class SourceEditor : public QsciScintilla {
    Q_OBJECT
public:
    // Larger files are refused: the editor is for sources, not for bundles or data.
    static constexpr qint64 MaxFileBytes = 5 * 1024 * 1024;

    explicit SourceEditor(QWidget *parent = nullptr);

    // Reads `absolutePath` into the editor. On failure returns false, sets `error` to a
    // translated reason naming the file, and leaves the editor as it was.
    bool load(const QString &absolutePath, QString *error);
    // Writes the text to filePath() through a temporary file renamed over it, then marks the
    // editor unmodified. On failure returns false with a translated reason in `error`.
    bool save(QString *error);

    QString filePath() const { return m_filePath; }

    // Moves the cursor to 1-based `line` and `column` (clamped to the text) and scrolls it
    // into view. A line of 0 leaves the cursor where it is; a column of 0 means the first.
    void goTo(int line, int column);

    enum class DiskChange { None, Reloaded, Conflict };
    // Compares the file on disk with what was last loaded or saved: reloads it when the
    // editor holds no unsaved edits (keeping the cursor line), reports a conflict when it
    // does (the edits are kept), and ignores our own saves.
    DiskChange syncWithDisk();

private:
    bool read(const QString &absolutePath, QByteArray *bytes, QString *text, QString *error) const;
    void show(const QByteArray &bytes, const QString &text);
    void fitLineNumberMargin();

    QString m_filePath;
    QByteArray m_diskBytes; // what the file held when last loaded or saved
    bool m_byteOrderMark = false;
};

} // namespace helios::panels
