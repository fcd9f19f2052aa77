// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

namespace helios::slate {

// The types of the DTCG format module. Unknown means "not stated (yet)".
enum class TokenType {
    Unknown,
    Color,
    Dimension,
    FontFamily,
    FontWeight,
    Duration,
    CubicBezier,
    Number,
    StrokeStyle,
    Border,
    Transition,
    Shadow,
    Gradient,
    Typography,
};

// The `$type` spelling ("fontFamily"); Unknown for anything else.
TokenType tokenTypeFromName(QStringView name);
QString tokenTypeName(TokenType type);
// Every `$type` spelling, for "expected one of ..." messages.
QString tokenTypeNames();

} // namespace helios::slate
