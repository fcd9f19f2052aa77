// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/component_validator.h"

#include "spark/validation/a11y_lint.h"
#include "spark/validation/compile_check.h"
#include "spark/validation/import_check.h"
#include "spark/validation/token_lint.h"

#include <QRegularExpression>

#include <algorithm>

namespace helios::spark {

ComponentValidator::ComponentValidator(const ignis::EsbuildToolchain &toolchain, const TokenPalette &palette)
    : m_toolchain(toolchain)
    , m_palette(palette)
{
}

bool ComponentValidator::isAllowedPath(const QString &name, const QString &path)
{
    static const QRegularExpression componentName(QStringLiteral("^[A-Za-z][A-Za-z0-9]{0,63}$"));
    if (!componentName.match(name).hasMatch() || !path.startsWith(name + QLatin1Char('/')))
        return false;
    if (path.contains(QLatin1Char('\\')) || path.contains(QLatin1Char(':')) || path.contains(QChar(0)))
        return false;
    const QStringList segments = path.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == QLatin1StringView(".") || segment == QLatin1StringView("..")
            || segment.startsWith(QLatin1Char('.')))
            return false;
    }
    return path.endsWith(QLatin1StringView(".tsx")) || path.endsWith(QLatin1StringView(".ts"))
        || path.endsWith(QLatin1StringView(".css"));
}

ValidationReport ComponentValidator::validate(const GeneratedComponent &component) const
{
    ValidationReport report;
    QList<ValidationIssue> &issues = report.issues;
    const auto layoutIssue = [&](const QString &file, const QString &message) {
        ValidationIssue issue;
        issue.check = QStringLiteral("compile");
        issue.file = file;
        issue.message = message;
        issues.append(issue);
    };

    QList<GeneratedFile> safeFiles;
    QStringList seen;
    for (const GeneratedFile &file : component.files) {
        if (!isAllowedPath(component.name, file.path)) {
            layoutIssue(file.path, QStringLiteral("not a file a component may have: paths are relative, inside \"")
                                       + component.name + QStringLiteral("/\", without \"..\", ending .tsx, .ts or .css"));
        } else if (seen.contains(file.path)) {
            layoutIssue(file.path, QStringLiteral("the component has this file twice"));
        } else {
            seen << file.path;
            safeFiles << file;
        }
    }
    if (component.files.isEmpty())
        layoutIssue(component.name, QStringLiteral("the component has no files"));

    const ImportCheck imports;
    const TokenLint tokens(m_palette);
    const A11yLint a11y;
    QList<ValidationIssue> lintIssues;
    for (const GeneratedFile &file : std::as_const(safeFiles)) {
        const QString text = QString::fromUtf8(file.content);
        if (file.path.endsWith(QLatin1StringView(".css"))) {
            imports.check(component.name, file.path, text, issues);
            tokens.lintStylesheet(file.path, text, lintIssues);
        } else {
            imports.check(component.name, file.path, text, issues);
            if (file.path.endsWith(QLatin1StringView(".tsx"))) {
                tokens.lintInlineStyles(file.path, text, lintIssues);
                a11y.lint(file.path, text, lintIssues);
            }
        }
    }
    if (!safeFiles.isEmpty())
        CompileCheck(m_toolchain).check(component.name, safeFiles, issues);
    issues += lintIssues;

    // A stable order for reports and tests: compile, tokens, a11y; then by place.
    const auto rank = [](const QString &check) {
        return check == QLatin1StringView("compile") ? 0 : check == QLatin1StringView("tokens") ? 1 : 2;
    };
    std::stable_sort(issues.begin(), issues.end(), [&](const ValidationIssue &a, const ValidationIssue &b) {
        if (rank(a.check) != rank(b.check))
            return rank(a.check) < rank(b.check);
        if (a.file != b.file)
            return a.file < b.file;
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
    return report;
}

} // namespace helios::spark
