// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/generated_component.h"
#include "spark/token_palette.h"
#include "spark/validation/a11y_lint.h"
#include "spark/validation/token_lint.h"

#include <QStringList>

namespace helios::spark::test {

// The token lint and the accessibility lint over every file of a component, as the
// validator runs them (without esbuild): each finding as "file:line:col: message".
inline QStringList lintFindings(const GeneratedComponent &component, const TokenPalette &palette)
{
    const TokenLint tokens(palette);
    const A11yLint a11y;
    QList<ValidationIssue> issues;
    for (const GeneratedFile &file : component.files) {
        const QString text = QString::fromUtf8(file.content);
        if (file.path.endsWith(QLatin1StringView(".css"))) {
            tokens.lintStylesheet(file.path, text, issues);
        } else if (file.path.endsWith(QLatin1StringView(".tsx"))) {
            tokens.lintInlineStyles(file.path, text, issues);
            a11y.lint(file.path, text, issues);
        }
    }
    QStringList findings;
    for (const ValidationIssue &issue : issues)
        findings.append(QStringLiteral("%1:%2:%3: %4").arg(issue.file).arg(issue.line).arg(issue.column).arg(issue.message));
    return findings;
}

} // namespace helios::spark::test
