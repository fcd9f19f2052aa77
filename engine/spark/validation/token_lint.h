// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/validation/token_suggester.h"
#include "spark/validation_report.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace helios::spark {

class LineIndex;
class TokenPalette;

// The token lint: a component's styles use the design tokens, not raw values.
//
// - Colours: #hex, rgb()/rgba()/hsl()/hsla()/hwb()/lab()/lch()/oklab()/oklch()/color()
//   and named colours (red, white, ...) are errors when the palette has colour tokens.
//   transparent, currentColor and inherit are fine: they hold no design decision.
// - Lengths: px, rem and em values other than 0 are errors when the palette has
//   dimension tokens. Two exceptions, both deliberate:
//     * hairlines: 1px and 2px in border*/outline* widths and outline-offset (a hairline
//       border or a focus ring is structural, the react-library template uses both, and
//       design systems rarely tokenise them);
//     * at-rule preludes: @media (min-width: 640px) and @container queries keep px,
//       since custom properties cannot be used there.
//   %, vw/vh, ch, fr and unitless numbers are never flagged.
// Each finding is located file:line:col and names the nearest token by value.
// In TSX, style={{...}} objects are linted the same way: string values as CSS values,
// bare numbers as px (React's rule) unless the property is unitless (opacity, zIndex...).
class TokenLint {
public:
    explicit TokenLint(const TokenPalette &palette);

    void lintStylesheet(const QString &file, const QString &css, QList<ValidationIssue> &issues) const;
    void lintInlineStyles(const QString &file, const QString &tsx, QList<ValidationIssue> &issues) const;

private:
    struct Sink {
        const QString &file;
        const LineIndex &lines;
        QList<ValidationIssue> &issues;
        void report(qsizetype offset, const QString &message) const;
    };
    // Flags raw values in one declaration value; `offset` is the value's start in the file.
    void lintValue(QStringView property, QStringView value, qsizetype offset, const Sink &sink) const;
    void reportLength(QStringView literal, double px, qsizetype offset, const Sink &sink) const;

    bool m_colours = false;
    bool m_lengths = false;
    TokenSuggester m_suggester;
};

} // namespace helios::spark
