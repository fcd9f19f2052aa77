// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_message.h"

#include <QFile>

namespace helios::ignis {

QString BuildMessage::toString() const
{
    const QString kind = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    if (file.isEmpty())
        return kind + QStringLiteral(": ") + text;
    if (!isLocated())
        return file + QStringLiteral(": ") + kind + QStringLiteral(": ") + text;
    return QStringLiteral("%1:%2:%3: %4: %5").arg(file).arg(line).arg(column).arg(kind, text);
}

QJsonObject BuildMessage::toJson() const
{
    QJsonObject object{{QStringLiteral("severity"), isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                       {QStringLiteral("text"), text}};
    if (!file.isEmpty())
        object.insert(QStringLiteral("file"), file);
    if (line > 0) {
        object.insert(QStringLiteral("line"), line);
        object.insert(QStringLiteral("column"), column);
    }
    if (!lineText.isEmpty())
        object.insert(QStringLiteral("lineText"), lineText);
    if (!notes.isEmpty())
        object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    return object;
}

BuildMessage BuildMessage::fromJson(const QJsonObject &object)
{
    BuildMessage message;
    message.severity = object.value(QStringLiteral("severity")).toString() == QLatin1String("warning") ? Severity::Warning
                                                                                                       : Severity::Error;
    message.file = object.value(QStringLiteral("file")).toString();
    message.line = object.value(QStringLiteral("line")).toInt();
    message.column = object.value(QStringLiteral("column")).toInt();
    message.text = object.value(QStringLiteral("text")).toString();
    message.lineText = object.value(QStringLiteral("lineText")).toString();
    for (const QJsonValue &note : object.value(QStringLiteral("notes")).toArray())
        message.notes << note.toString();
    return message;
}

bool hasErrors(const BuildMessages &messages)
{
    return std::any_of(messages.begin(), messages.end(), [](const BuildMessage &m) { return m.isError(); });
}

void appendUnique(BuildMessages &into, const BuildMessages &messages)
{
    for (const BuildMessage &message : messages) {
        const bool known = std::any_of(into.cbegin(), into.cend(), [&](const BuildMessage &m) {
            return m.severity == message.severity && m.file == message.file && m.line == message.line &&
                   m.column == message.column && m.text == message.text;
        });
        if (!known)
            into.append(message);
    }
}

QJsonArray messagesToJson(const BuildMessages &messages)
{
    QJsonArray array;
    for (const BuildMessage &message : messages)
        array.append(message.toJson());
    return array;
}

BuildMessages messagesFromJson(const QJsonArray &array)
{
    BuildMessages messages;
    messages.reserve(array.size());
    for (const QJsonValue &value : array)
        messages.append(BuildMessage::fromJson(value.toObject()));
    return messages;
}

QString codeFrame(const QString &projectDir, const BuildMessage &message)
{
    if (!message.isLocated())
        return {};
    QStringList fileLines;
    QFile file(projectDir + QLatin1Char('/') + message.file);
    if (file.open(QIODevice::ReadOnly))
        fileLines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    // The line before, the line, the line after -- or only the line the reporter quoted
    // when the file is gone or changed since.
    QList<std::pair<int, QString>> shown;
    if (message.line <= fileLines.size()) {
        for (int n = std::max(1, message.line - 1); n <= std::min<int>(message.line + 1, int(fileLines.size())); ++n)
            shown.append({n, fileLines.at(n - 1)});
    } else if (!message.lineText.isEmpty()) {
        shown.append({message.line, message.lineText});
    } else {
        return {};
    }
    const int width = int(QString::number(shown.constLast().first).size());
    QString frame;
    for (auto [number, text] : shown) {
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        const bool marked = number == message.line;
        frame += (marked ? QStringLiteral("> ") : QStringLiteral("  ")) + QString::number(number).rightJustified(width) +
                 QStringLiteral(" | ") + text + QLatin1Char('\n');
        if (!marked)
            continue;
        // Tabs stay tabs so the caret lines up under the same character.
        QString pad;
        for (QChar c : QStringView(text).left(std::max(0, message.column - 1)))
            pad += c == QLatin1Char('\t') ? QLatin1Char('\t') : QLatin1Char(' ');
        frame += QStringLiteral("  ") + QString(width, QLatin1Char(' ')) + QStringLiteral(" | ") + pad + QLatin1Char('^') +
                 QLatin1Char('\n');
    }
    return frame;
}

} // namespace helios::ignis
