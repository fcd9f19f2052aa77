// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace helios::spark {

// One finding of the validation a component passes before it is written.
struct ValidationIssue {
    QString check;           // "compile" (esbuild), "tokens" (token lint), "a11y" (accessibility lint)
    QString file;            // as in GeneratedFile::path
    int line = 0;            // 1-based; 0 when the finding is about the whole file
    int column = 0;
    QString message;         // what is wrong and what to do ("raw colour #fff: use var(--color-surface)")
    bool error = true;       // false: a warning that does not block writing
};

struct ValidationReport {
    QList<ValidationIssue> issues;
    bool passed() const
    {
        for (const ValidationIssue &issue : issues) {
            if (issue.error)
                return false;
        }
        return true;
    }
};

} // namespace helios::spark
