// SPDX-License-Identifier: Apache-2.0
#include "source_editor.h"

#include "editor_palette.h"
#include "lexer_for_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLocale>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>

namespace helios::panels {

namespace {

const QByteArray Utf8ByteOrderMark("\xEF\xBB\xBF");

// How much of a file is looked at for NUL bytes before deciding it is text.
constexpr qsizetype BinarySniffBytes = 8192;

} // namespace

SourceEditor::SourceEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    fitLineNumberMargin();
    // Web sources are indented with two spaces.
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setAutoIndent(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setFolding(BoxedTreeFoldStyle);
    connect(this, &QsciScintilla::linesChanged, this, &SourceEditor::fitLineNumberMargin);
    followPalette(this);
}

bool SourceEditor::read(const QString &absolutePath, QByteArray *bytes, QString *text, QString *error) const
{
    const QString shown = QDir::toNativeSeparators(absolutePath);
    const QFileInfo info(absolutePath);
    if (!info.isFile()) {
        *error = tr("%1 is not a file.").arg(shown);
        return false;
    }
    if (info.size() > MaxFileBytes) {
        *error = tr("%1 is too large to edit (%2; the limit is %3).")
                     .arg(shown, QLocale().formattedDataSize(info.size()),
                          QLocale().formattedDataSize(MaxFileBytes));
        return false;
    }
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(shown, file.errorString());
        return false;
    }
    *bytes = file.read(MaxFileBytes + 1);
    if (bytes->size() > MaxFileBytes) {
        *error = tr("%1 is too large to edit.").arg(shown);
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(*bytes);
    if (bytes->left(BinarySniffBytes).contains('\0') || decoder.hasError()) {
        *error = tr("%1 is not UTF-8 text and cannot be edited here.").arg(shown);
        return false;
    }
    return true;
}

void SourceEditor::show(const QByteArray &bytes, const QString &text)
{
    m_diskBytes = bytes;
    m_byteOrderMark = bytes.startsWith(Utf8ByteOrderMark);
    // The decoder already dropped a leading byte-order mark; save() puts it back.
    setEolMode(bytes.contains("\r\n") ? EolWindows : EolUnix);
    setText(text);
    // Loading is not an edit: undo stops at the file as read.
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    setModified(false);
}

bool SourceEditor::load(const QString &absolutePath, QString *error)
{
    QByteArray bytes;
    QString text;
    if (!read(absolutePath, &bytes, &text, error))
        return false;
    m_filePath = absolutePath;
    QsciLexer *old = lexer();
    setLexer(createLexerForFile(absolutePath, this));
    delete old;
    applyPalette(this);
    show(bytes, text);
    return true;
}

bool SourceEditor::save(QString *error)
{
    const QByteArray bytes = (m_byteOrderMark ? Utf8ByteOrderMark : QByteArray()) + text().toUtf8();
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("%1 was not saved: %2").arg(QDir::toNativeSeparators(m_filePath), file.errorString());
        return false;
    }
    m_diskBytes = bytes;
    setModified(false);
    return true;
}

void SourceEditor::goTo(int line, int column)
{
    if (line <= 0)
        return;
    const int lastLine = std::max(lines() - 1, 0);
    const int targetLine = std::min(line - 1, lastLine);
    // lineLength() counts the line ending, which the cursor cannot sit after.
    const QString lineText = text(targetLine);
    const int endOfLine = int(lineText.size() - (lineText.endsWith(QLatin1String("\r\n")) ? 2
                                                  : lineText.endsWith(u'\n')                 ? 1
                                                                                             : 0));
    const int targetColumn = std::clamp(column - 1, 0, endOfLine);
    setCursorPosition(targetLine, targetColumn);
    ensureLineVisible(targetLine);
    ensureCursorVisible();
}

SourceEditor::DiskChange SourceEditor::syncWithDisk()
{
    QByteArray bytes;
    QString text;
    QString error;
    if (!read(m_filePath, &bytes, &text, &error) || bytes == m_diskBytes)
        return DiskChange::None;
    if (isModified())
        return DiskChange::Conflict;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    show(bytes, text);
    goTo(line + 1, index + 1);
    return DiskChange::Reloaded;
}

void SourceEditor::fitLineNumberMargin()
{
    // Room for the largest line number plus one digit, so the margin rarely jumps.
    setMarginWidth(0, QString(QString::number(std::max(lines(), 1)).size() + 1, u'9'));
}

} // namespace helios::panels
