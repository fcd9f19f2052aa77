// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
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

// `text` as a double-quoted JavaScript string literal.
QByteArray jsString(const QString &text);

} // namespace helios::ignis::dev
