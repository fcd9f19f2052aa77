// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/import_check.h"

#include "spark/validation/source_location.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace helios::spark {

namespace {

bool isReact(const QString &specifier)
{
    return specifier == QLatin1StringView("react") || specifier == QLatin1StringView("react-dom")
        || specifier.startsWith(QLatin1StringView("react/")) || specifier.startsWith(QLatin1StringView("react-dom/"));
}

} // namespace

void ImportCheck::check(const QString &folder, const QString &file, const QString &text,
                        QList<ValidationIssue> &issues) const
{
    static const QRegularExpression script(QStringLiteral("\\b(?:from|import|require)\\s*\\(?\\s*(['\"])([^'\"\\n]+)\\1"));
    static const QRegularExpression style(QStringLiteral("@import\\s+(?:url\\(\\s*)?(['\"]?)([^'\")\\s;]+)\\1"));
    const bool stylesheet = file.endsWith(QLatin1StringView(".css"));
    const QString fileDir = QFileInfo(file).path();
    std::optional<LineIndex> lines;
    auto it = (stylesheet ? style : script).globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString specifier = match.captured(2);
        QString problem;
        if (specifier.startsWith(QLatin1StringView("./")) || specifier.startsWith(QLatin1StringView("../"))) {
            const QString resolved = QDir::cleanPath(fileDir + QLatin1Char('/') + specifier);
            if (!resolved.startsWith(folder + QLatin1Char('/')))
                problem = QStringLiteral("import \"") + specifier
                    + QStringLiteral("\" reaches outside the component's folder: import only its own files");
        } else if (stylesheet || !isReact(specifier)) {
            problem = QStringLiteral("import \"") + specifier
                + (stylesheet ? QStringLiteral("\" is not a file of the component's folder")
                              : QStringLiteral("\" is neither react, react-dom nor a file of the component: "
                                               "generated components depend on nothing else"));
        }
        if (problem.isEmpty())
            continue;
        if (!lines)
            lines.emplace(text);
        ValidationIssue issue;
        issue.check = QStringLiteral("compile");
        issue.file = file;
        issue.line = lines->line(match.capturedStart(2));
        issue.column = lines->column(match.capturedStart(2));
        issue.message = problem;
        issues.append(issue);
    }
}

} // namespace helios::spark
