// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <vector>

namespace helios::slate {

struct Token;

// A foreground/background pair whose WCAG contrast the linter checks, from a token's
// `$extensions."io.helios.contrast"` or from a pairs file.
struct ContrastPair {
    QString foreground; // dotted token paths
    QString background;
    double min = 0;     // 0: the configured threshold (normal or large text)
    bool large = false; // large text: the lower threshold applies
    QString file;       // where the pair was declared (a pairs file); empty for `$extensions`
    SourcePosition position;
};

// Reads pairs. Paths may be written "color.bg" or "{color.bg}".
class ContrastPairs {
public:
    static constexpr QStringView extensionKey = u"io.helios.contrast";

    // A pairs file: [{"foreground": "...", "background": "...", "min": 4.5, "large": false}, ...].
    // Problems are reported, located, in `diagnostics`; good entries are still returned.
    static std::vector<ContrastPair> parse(QByteArrayView utf8, const QString &fileName, Diagnostics &diagnostics);
    static std::vector<ContrastPair> load(const QString &path, Diagnostics &diagnostics);

    // The pairs a token declares in its `$extensions`: {"against": "{color.bg}", "min": 4.5,
    // "large": true} or an array of those. Appends to `pairs`; a malformed declaration is
    // reported at the token (with `rule` "contrast" and `severity`).
    static void fromExtensions(const Token &token, Diagnostic::Severity severity, std::vector<ContrastPair> &pairs,
                               Diagnostics &diagnostics);
};

} // namespace helios::slate
