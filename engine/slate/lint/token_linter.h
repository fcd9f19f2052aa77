// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/lint/contrast_pairs.h"
#include "slate/lint/lint_config.h"

#include <QSet>
#include <QString>

#include <vector>

namespace helios::slate {

class TokenSet;

// One theme to lint beside the base: the base files followed by the theme's layers, read
// and resolved as one set (ThemeLayers::readThemed). Not owned.
struct LintTheme {
    QString name;              // "dark"
    const TokenSet *set = nullptr;
    QSet<QString> layerFiles;  // file names, as given to the reader, of the theme's own layers
};

// Runs the configured lint rules over resolved token sets and returns their findings as
// Diagnostics (kind Lint, `rule` set, located at the token's key or the pairs-file entry):
//
//   contrast          WCAG 2.x ratio of each declared pair, in the base and in every theme
//   duplicate-values  tokens of one type with equal resolved values that do not alias
//                     each other (one hash per value: linear)
//   naming            every path segment matches a pattern
//   required-modes    every token of the listed groups is overridden in each listed theme
//   gamut             colours that lie outside sRGB
//
// Tokens the resolver left unresolved are skipped: their errors are already reported.
class TokenLinter {
public:
    explicit TokenLinter(LintConfig config = {});

    // Pairs from a pairs file, checked in addition to those declared in `$extensions`.
    void setPairs(std::vector<ContrastPair> pairs) { m_pairs = std::move(pairs); }

    Diagnostics run(const TokenSet &base, const std::vector<LintTheme> &themes = {}) const;

    // A ratio as WCAG wants it shown: cut, never rounded up, to two decimals ("4.47").
    static QString ratioText(double ratio);

private:
    LintConfig m_config;
    std::vector<ContrastPair> m_pairs;
};

} // namespace helios::slate
