// SPDX-License-Identifier: Apache-2.0
#include "slate/token_type.h"

#include <array>

namespace helios::slate {

namespace {
struct TypeName {
    TokenType type;
    const char16_t *name;
};
constexpr std::array<TypeName, 13> typeNames{{
    {TokenType::Color, u"color"},
    {TokenType::Dimension, u"dimension"},
    {TokenType::FontFamily, u"fontFamily"},
    {TokenType::FontWeight, u"fontWeight"},
    {TokenType::Duration, u"duration"},
    {TokenType::CubicBezier, u"cubicBezier"},
    {TokenType::Number, u"number"},
    {TokenType::StrokeStyle, u"strokeStyle"},
    {TokenType::Border, u"border"},
    {TokenType::Transition, u"transition"},
    {TokenType::Shadow, u"shadow"},
    {TokenType::Gradient, u"gradient"},
    {TokenType::Typography, u"typography"},
}};
} // namespace

TokenType tokenTypeFromName(QStringView name)
{
    for (const TypeName &t : typeNames) {
        if (name == QStringView(t.name))
            return t.type;
    }
    return TokenType::Unknown;
}

QString tokenTypeName(TokenType type)
{
    for (const TypeName &t : typeNames) {
        if (t.type == type) // the names are static: no copy (asked for every token checked)
            return QString::fromRawData(reinterpret_cast<const QChar *>(t.name), std::char_traits<char16_t>::length(t.name));
    }
    return QStringLiteral("(none)");
}

QString tokenTypeNames()
{
    QString out;
    for (const TypeName &t : typeNames) {
        if (!out.isEmpty())
            out += QLatin1StringView(", ");
        out += QString::fromUtf16(t.name);
    }
    return out;
}

} // namespace helios::slate
