// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/json_value.h"
#include "slate/token.h"
#include "slate/token_type.h"

#include <QString>

#include <functional>

namespace helios::slate {

// Writes a token value as CSS text, per type: colours as hex (or a CSS colour function for
// other colour spaces), dimensions/durations with their unit, font stacks quoted where
// needed, cubic-bezier(), border/transition/shadow shorthands, a gradient as its list of
// stops ("#f00 0%, #00f 100%", ready for linear-gradient(90deg, var(--x))), typography as
// the `font` shorthand.
class CssValueWriter {
public:
    // Called for an alias met in the value; appends its CSS text (e.g. "var(--x)") to `out`.
    using AliasWriter = std::function<void(QString &out, const TokenReference &reference, TokenType expected)>;

    // `value` may still hold aliases when `aliasWriter` is given (keeping references);
    // otherwise pass the resolved value.
    static QString write(TokenType type, const JsonValue &value, const AliasWriter &aliasWriter = {});
    // The same text appended to `out`, for formatters writing many values into one text.
    static void append(QString &out, TokenType type, const JsonValue &value, const AliasWriter &aliasWriter = {});

    // A font family name quoted when CSS requires it ("Helvetica Neue" yes, serif no).
    static QString fontFamilyName(const QString &name);
};

} // namespace helios::slate
