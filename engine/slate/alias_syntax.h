// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/json_value.h"
#include "slate/token.h"

#include <QString>

namespace helios::slate {

// The two ways DTCG writes an alias: the curly-brace form `"{color.base.red}"` and the
// 2025.10 JSON Pointer form `{"$ref": "#/color/base/red"}` (which may also point into a
// value: `"#/color/base/red/$value/components/0"`).
class AliasSyntax {
public:
    // True when `value` is written as an alias (well-formed or not).
    static bool isAlias(const JsonValue &value);
    // The reference `value` spells, or false with `error` set when it is malformed.
    static bool parse(const JsonValue &value, TokenReference &out, QString &error);
    // "{a.b.c}" for messages.
    static QString display(const TokenReference &reference);
};

} // namespace helios::slate
