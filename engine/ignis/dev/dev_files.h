// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

// Small helpers every part of the dev server uses: which files are modules, reading a
// file, and JavaScript string literals.
namespace helios::ignis::dev {

// The extensions of the files the dev server serves as modules, in the order an
// extensionless import tries them.
const QStringList &moduleExtensions();
bool isModule(const QString &path);
// .tsx and .jsx: the modules React Refresh may register components of.
bool usesJsx(const QString &urlPath);

// The file's bytes; empty (and *ok false) when it cannot be read.
QByteArray readFile(const QString &path, bool *ok = nullptr);

// Where short-lived compiler output goes: a directory in memory when the system has one
// ($XDG_RUNTIME_DIR, /dev/shm), else the temporary directory. The cold start writes a
// thousand files and reads them back; on disk that cost more than compiling them.
QString scratchDir();

// A byte of a JavaScript identifier (or of a longer name: any non-ASCII byte counts).
inline bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           uchar(c) >= 0x80;
}

// `text` as a double-quoted JavaScript string literal (as JSON writes it).
QByteArray jsString(QByteArrayView utf8);
QByteArray jsString(const QString &text);

// Where `needle` is in `haystack` from `from` on, -1 if not. memmem: Qt 6.4's
// QByteArray::indexOf is several times slower for short needles, and the dev server
// searches every module it links.
qsizetype find(QByteArrayView haystack, QByteArrayView needle, qsizetype from = 0);
// Where the last line that is not empty starts (esbuild's source map comment).
qsizetype lastLineStart(QByteArrayView code);
// `code` with `text` inserted before its source map comment, which stays last (or at the
// end when it has none).
QByteArray insertBeforeSourceMap(const QByteArray &code, QByteArrayView text);

} // namespace helios::ignis::dev
