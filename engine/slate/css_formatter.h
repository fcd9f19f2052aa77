// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace helios::slate {

// CSS custom properties: one `--name: value;` per resolved token inside
// `options.selector` (":root"), then one block per theme with only the tokens the theme
// changes. Descriptions become comments. Output is UTF-8 and byte-stable.
class CssFormatter {
public:
    struct ThemeBlock {
        QString selector;            // e.g. [data-theme="dark"]
        const TokenSet *set = nullptr; // the base merged with the theme's layers, resolved
        std::vector<int> tokens;     // indices into `set`, in set order (ThemeLayers::changedTokens)
        // When set (e.g. "(prefers-color-scheme: dark)"), the block is written inside
        // `@media <mediaQuery> { ... }`, one level further indented.
        QString mediaQuery;
    };

    static QByteArray format(const TokenSet &set, const FormatOptions &options,
                             const std::vector<ThemeBlock> &themes = {});
};

} // namespace helios::slate
