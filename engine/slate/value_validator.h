// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/token.h"

#include <QStringView>

namespace helios::slate {

// Checks a token's `$value` against its type (every type of the DTCG format module, in
// both the older string forms and the 2025.10 object forms) and collects every alias in it
// into `Token::references`, each with the type its place requires.
class ValueValidator {
public:
    // Returns false when the value has errors (each one appended to `diagnostics`).
    // A token whose type is still Unknown must not be passed here.
    static bool validate(Token &token, Diagnostics &diagnostics);

    // Helpers shared with the CSS writer.
    static bool isHexColor(QStringView text);
    static bool isDimensionUnit(QStringView unit);
    // Splits "16px" into 16 and "px"; false when it is not a number followed by a unit.
    static bool splitNumberAndUnit(QStringView text, double &number, QStringView &unit);
    // 400 for "normal", 0 when the name is not a font weight.
    static int fontWeightFromName(QStringView name);
};

} // namespace helios::slate
