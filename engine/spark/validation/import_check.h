// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/validation_report.h"

#include <QList>
#include <QString>

namespace helios::spark {

// A generated component may import only react and react-dom (and their subpaths such as
// react/jsx-runtime) and files of its own folder: anything else is a dependency the
// project may not have, or a reach outside the component. Covers static imports,
// `export … from`, import() and require() in .ts/.tsx, and @import in stylesheets.
// Findings are "compile" errors located at the specifier.
class ImportCheck {
public:
    // `folder` is the component's folder ("Card"); `file` its path ("Card/Card.tsx").
    void check(const QString &folder, const QString &file, const QString &text, QList<ValidationIssue> &issues) const;
};

} // namespace helios::spark
