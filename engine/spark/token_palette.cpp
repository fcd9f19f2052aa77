// SPDX-License-Identifier: Apache-2.0
// STUB: replaced by the palette.
#include "spark/token_palette.h"

namespace helios::spark {

TokenPalette TokenPalette::fromTokenSet(const slate::TokenSet &, const QString &)
{
    return {};
}

Result<TokenPalette> TokenPalette::fromProject(const QString &)
{
    return TokenPalette{};
}

TokenPalette TokenPalette::builtIn()
{
    return {};
}

QString TokenPalette::css(TokenRole) const
{
    return QStringLiteral("inherit");
}

const PaletteToken *TokenPalette::token(TokenRole) const
{
    return nullptr;
}

bool TokenPalette::hasType(slate::TokenType) const
{
    return false;
}

} // namespace helios::spark
