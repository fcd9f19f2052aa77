// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/validation/css_colour.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace helios::spark {

class TokenPalette;

// Finds the project's token nearest a raw value, so a lint message can say what to write
// instead: "#fefefe" -> var(--color-surface) (#ffffff), "15px" -> var(--space-md) (16px).
// Token values are parsed once, when the validator is made.
class TokenSuggester {
public:
    explicit TokenSuggester(const TokenPalette &palette);

    // "var(--color-surface) (#ffffff)"; any colour token when the literal cannot be
    // compared by value; empty when the palette has no colour token.
    QString nearestColour(QStringView literal) const;
    // `px` is the literal in pixels (rem and em at 16px).
    QString nearestLength(double px) const;

    // "16px" -> 16, "1.5rem" -> 24; nullopt for anything else.
    static std::optional<double> lengthInPx(QStringView text);

private:
    struct ColourToken {
        QString variable;
        QString value;
        std::optional<Rgb> rgb;
    };
    struct LengthToken {
        QString variable;
        QString value;
        double px = 0;
    };
    QList<ColourToken> m_colours;
    QList<LengthToken> m_lengths;
};

} // namespace helios::spark
