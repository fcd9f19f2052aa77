// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/token_suggester.h"

#include "spark/token_palette.h"

#include <cmath>
#include <limits>

namespace helios::spark {

namespace {

QString describe(const QString &variable, const QString &value)
{
    return QStringLiteral("var(") + variable + QStringLiteral(") (") + value + QLatin1Char(')');
}

} // namespace

TokenSuggester::TokenSuggester(const TokenPalette &palette)
{
    for (const PaletteToken &token : palette.tokens()) {
        if (token.cssVariable.isEmpty())
            continue;
        if (token.type == slate::TokenType::Color) {
            m_colours.append({token.cssVariable, token.resolvedCss, parseCssColour(token.resolvedCss)});
        } else if (token.type == slate::TokenType::Dimension) {
            if (const auto px = lengthInPx(token.resolvedCss))
                m_lengths.append({token.cssVariable, token.resolvedCss, *px});
        }
    }
}

std::optional<double> TokenSuggester::lengthInPx(QStringView text)
{
    text = text.trimmed();
    double scale = 0;
    QStringView number;
    if (text.endsWith(QLatin1StringView("rem"), Qt::CaseInsensitive)) {
        scale = 16;
        number = text.chopped(3);
    } else if (text.endsWith(QLatin1StringView("px"), Qt::CaseInsensitive)) {
        scale = 1;
        number = text.chopped(2);
    } else if (text.endsWith(QLatin1StringView("em"), Qt::CaseInsensitive)) {
        scale = 16;
        number = text.chopped(2);
    } else {
        return std::nullopt;
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value * scale;
}

QString TokenSuggester::nearestColour(QStringView literal) const
{
    if (m_colours.isEmpty())
        return {};
    const std::optional<Rgb> rgb = parseCssColour(literal);
    const ColourToken *best = nullptr;
    long bestDistance = std::numeric_limits<long>::max();
    if (rgb) {
        for (const ColourToken &token : m_colours) {
            if (!token.rgb)
                continue;
            const long dr = token.rgb->r - rgb->r, dg = token.rgb->g - rgb->g, db = token.rgb->b - rgb->b;
            const long distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = &token;
            }
        }
    }
    if (!best)
        best = &m_colours.front();
    return describe(best->variable, best->value);
}

QString TokenSuggester::nearestLength(double px) const
{
    const LengthToken *best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (const LengthToken &token : m_lengths) {
        const double distance = std::abs(token.px - std::abs(px));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = &token;
        }
    }
    return best ? describe(best->variable, best->value) : QString();
}

} // namespace helios::spark
