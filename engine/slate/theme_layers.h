// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_set.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace helios::slate {

// Themes as ordered layers: a base (say light) and, per theme, files read after it that
// override some tokens (say dark). The themed set is simply the base files followed by the
// theme's files through one TokenReader; what a theme *changes* is every token one of its
// files defines, plus every token whose value aliases such a token, directly or through
// other aliases or inside a composite value. Only those go in the theme's CSS block.
class ThemeLayers {
public:
    // Indices into `themed`, in set order, of the tokens the theme changes. `layerFiles` are
    // the file names (as given to the reader) of the theme's own layers.
    static std::vector<int> changedTokens(const TokenSet &themed, const QSet<QString> &layerFiles);

    // Reads `baseFiles` then `layerFiles` from disk and resolves them (diagnostics in the set).
    static TokenSet readThemed(const QStringList &baseFiles, const QStringList &layerFiles);
};

} // namespace helios::slate
