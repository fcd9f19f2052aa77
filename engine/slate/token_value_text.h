// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QString>

namespace helios::slate {

// The text of one token's value as the formats write it, shared by CSS, SCSS, TypeScript
// and JSON so that every format agrees on every value.
class TokenValueText {
public:
    enum class References { Resolved, CssVar, ScssVar };

    // CSS text of the token at `index`. With CssVar/ScssVar, aliases become var(--name) /
    // $name (named with `options`); an SCSS reference to a token written later falls back
    // to the resolved value, because SCSS needs a variable defined before its use.
    static QString css(const TokenSet &set, int index, const FormatOptions &options,
                       References references = References::Resolved);
    // The same text appended to `out`.
    static void appendCss(QString &out, const TokenSet &set, int index, const FormatOptions &options,
                          References references = References::Resolved);
    // The value as TypeScript and JSON write it: a number, or the CSS text as a JSON string.
    static void appendJson(QString &out, const TokenSet &set, int index, const FormatOptions &options);

    // Numbers and font weights are written as numbers in TypeScript and JSON.
    static bool isNumeric(const Token &token);
    static double number(const Token &token);
};

} // namespace helios::slate
