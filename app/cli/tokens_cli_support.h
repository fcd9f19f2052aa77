// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

class QTextStream;

namespace helios::cli::tokens {

// What every `helios tokens` subcommand shares: how diagnostics are printed (one line
// each, "file:line:col: error: message [token.path]", on stderr; or as JSON objects) and
// how outputs are written (all or nothing).

void printDiagnostics(QTextStream &err, const slate::Diagnostics &diagnostics);
int errorCount(const slate::Diagnostics &diagnostics);
int warningCount(const slate::Diagnostics &diagnostics);
// "2 errors, 1 warning"
QString countsText(const slate::Diagnostics &diagnostics);
// The JSON document on one line, then a newline.
QByteArray jsonLine(const QJsonObject &object);

struct PendingFile {
    QString path;
    QByteArray bytes;
};
// Writes every file through a temporary next to it and renames them into place only
// once all were written, so a failure leaves no partial output and no changed file.
// Creates missing parent directories. Returns an empty string or the first error.
QString writeAll(const std::vector<PendingFile> &files);

// Takes the value of `flag` at args[i + 1]; sets `error` when missing.
bool takeValue(const QStringList &args, qsizetype &i, QString &value, QString &error);

} // namespace helios::cli::tokens
