// SPDX-License-Identifier: Apache-2.0
#include "ignis/esbuild_messages.h"

#include <QRegularExpression>

namespace helios::ignis {

namespace {

// "    src/c.tsx:2:7:" -- the location line under a message header.
const QRegularExpression &locationPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^ {4}(\\S.*):(\\d+):(\\d+):$"));
    return pattern;
}

// "      2 │ import "nope";" -- the quoted source line.
const QRegularExpression &sourceLinePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^ {4,}(\\d+) \u2502 ?(.*)$"));
    return pattern;
}

} // namespace

BuildMessages parseEsbuildMessages(QByteArrayView stderrText)
{
    static const QString errorHeader = QStringLiteral("\u2718 [ERROR] ");
    static const QString warningHeader = QStringLiteral("\u25b2 [WARNING] ");

    BuildMessages messages;
    BuildMessage *current = nullptr;
    bool sawLocation = false;
    const QStringList lines = QString::fromUtf8(stderrText).split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const bool isError = line.startsWith(errorHeader);
        if (isError || line.startsWith(warningHeader)) {
            BuildMessage message;
            message.severity = isError ? BuildMessage::Severity::Error : BuildMessage::Severity::Warning;
            message.text = line.mid(isError ? errorHeader.size() : warningHeader.size()).trimmed();
            // esbuild appends the check that produced a warning: "[plugin name]" or a
            // "[unsupported-jsx-comment]"-style id; keep it, it is useful to look up.
            messages.append(message);
            current = &messages.last();
            sawLocation = false;
            continue;
        }
        if (!current || line.trimmed().isEmpty())
            continue;
        if (!sawLocation) {
            const auto location = locationPattern().match(line);
            if (location.hasMatch()) {
                current->file = location.captured(1);
                current->line = location.captured(2).toInt();
                current->column = location.captured(3).toInt() + 1;
                sawLocation = true;
                continue;
            }
        }
        const auto source = sourceLinePattern().match(line);
        if (source.hasMatch()) {
            if (source.captured(1).toInt() == current->line && current->lineText.isEmpty())
                current->lineText = source.captured(2);
            continue;
        }
        // Caret lines ("╵   ^") and underline marks carry nothing the location lacks.
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QChar(0x2575)) || trimmed.startsWith(QChar(0x2502)))
            continue;
        if (line.startsWith(QLatin1String("  ")) && !locationPattern().match(line).hasMatch())
            current->notes << trimmed;
    }
    return messages;
}

} // namespace helios::ignis
