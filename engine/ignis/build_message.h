// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// One problem a build reports: an esbuild error or warning, or a mistake in helios.json.
// Located precisely enough for an editor (or the Build panel) to jump to it.
struct BuildMessage {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;      // relative to the project directory; empty when not located
    int line = 0;      // 1-based; 0 when not located
    int column = 0;    // 1-based
    QString text;
    QString lineText;  // the source line, when the reporter gave it
    QStringList notes;

    bool isError() const { return severity == Severity::Error; }
    bool isLocated() const { return !file.isEmpty() && line > 0; }
    // "file:line:column: error: text" (or without the location when it has none).
    QString toString() const;
    QJsonObject toJson() const;
    static BuildMessage fromJson(const QJsonObject &object);
};

using BuildMessages = QList<BuildMessage>;

bool hasErrors(const BuildMessages &messages);
// Appends the messages `into` does not hold yet: a file two entries import reports its
// error once.
void appendUnique(BuildMessages &into, const BuildMessages &messages);
QJsonArray messagesToJson(const BuildMessages &messages);
BuildMessages messagesFromJson(const QJsonArray &array);

// The lines around a located message with a caret under its column, read from the file
// under `projectDir` (falling back to `lineText`), the way compilers print them:
//
//     2 | const a = 1
//   > 3 | export const f = () => <div>{a</div>;
//       |                                     ^
//
// Empty when the message has no location or the file cannot be read.
QString codeFrame(const QString &projectDir, const BuildMessage &message);

} // namespace helios::ignis
