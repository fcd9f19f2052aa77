// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_document.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace helios::panels {

// Builds the export previews from a snapshot of the document's files. Pure and
// reentrant, so the panel runs it on a worker thread for large sets.
class ExportRenderer {
public:
    enum Format { Css, Scss, TypeScript, Json, FormatCount };

    struct Output {
        QByteArray text[FormatCount];
    };

    // CSS holds the base in :root and one [data-theme="name"] block per theme; the other
    // formats show the active theme.
    static Output render(const std::vector<slate::TokenDocument::File> &files, const QString &activeTheme);
};

} // namespace helios::panels
