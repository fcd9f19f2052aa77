// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/token_sheet_changes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace helios::ignis {
namespace {

struct Declaration {
    QByteArrayView name;
    QByteArrayView value;
};

// `  --name: value;` with at most a ` /* comment */` after it, as SLATE writes a custom
// property. A value holding ';', '!' or a comment is not taken: where it ends would be a
// guess.
std::optional<Declaration> declaration(QByteArrayView line)
{
    line = line.trimmed();
    if (!line.startsWith("--"))
        return std::nullopt;
    const qsizetype colon = line.indexOf(':');
    const qsizetype semicolon = line.indexOf(';');
    if (colon < 0 || semicolon < colon)
        return std::nullopt;
    const QByteArrayView rest = line.sliced(semicolon + 1).trimmed();
    if (!rest.isEmpty() && !(rest.startsWith("/*") && rest.endsWith("*/")))
        return std::nullopt;
    const QByteArrayView value = line.sliced(colon + 1, semicolon - colon - 1).trimmed();
    if (value.isEmpty() || value.contains('!') || value.contains("/*"))
        return std::nullopt;
    return Declaration{line.first(colon), value};
}

// The line of `text` that starts at `at`, without its '\n'; `at` moves past it.
QByteArrayView nextLine(const QByteArray &text, qsizetype &at)
{
    qsizetype end = text.indexOf('\n', at);
    if (end < 0)
        end = text.size();
    const QByteArrayView line = QByteArrayView(text).sliced(at, end - at);
    at = end + 1;
    return line;
}

} // namespace

std::optional<QJsonArray> tokenSheetChanges(const QByteArray &before, const QByteArray &after)
{
    if (before.count('\n') != after.count('\n'))
        return std::nullopt;
    QJsonArray changes;
    std::vector<int> path;         // the rule a line is in, as indices through cssRules
    std::vector<int> rules{0};     // rules opened so far at each depth
    qsizetype a = 0, b = 0;
    while (a <= before.size()) {  // the same number of lines: b keeps pace
        const QByteArrayView lineA = nextLine(before, a);
        const QByteArrayView lineB = nextLine(after, b);
        if (lineA == lineB) {
            const QByteArrayView line = lineA.trimmed();
            if (line.endsWith('{')) {
                path.push_back(rules.back()++);
                rules.push_back(0);
            } else if (line.startsWith('}')) {
                if (path.empty())
                    return std::nullopt;
                path.pop_back();
                rules.pop_back();
            }
            continue;
        }
        const auto from = declaration(lineA);
        const auto to = declaration(lineB);
        if (!from || !to || from->name != to->name || path.empty())
            return std::nullopt;
        if (from->value == to->value)
            continue;  // its description changed
        QJsonArray rule;
        for (const int index : path)
            rule.append(index);
        changes.append(QJsonObject{{QStringLiteral("rule"), rule},
                                   {QStringLiteral("name"), QString::fromUtf8(from->name)},
                                   {QStringLiteral("from"), QString::fromUtf8(from->value)},
                                   {QStringLiteral("value"), QString::fromUtf8(to->value)}});
    }
    return changes;
}

} // namespace helios::ignis
