// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "slate/token_type.h"

#include <QHash>
#include <QList>
#include <QString>

namespace helios::slate {
class TokenSet;
}

namespace helios::spark {

// What a component needs from the design system, by purpose rather than by name.
enum class TokenRole {
    // colour
    Primary, PrimaryHover, OnPrimary, Secondary, OnSecondary, Surface, SurfaceAlt, Text,
    TextMuted, Border, Focus, Danger, OnDanger, Success, Warning, Overlay,
    // dimension: spacing
    SpaceXs, SpaceSm, SpaceMd, SpaceLg, SpaceXl,
    // dimension: radius
    RadiusSm, RadiusMd, RadiusFull,
    // dimension: type sizes
    FontSizeSm, FontSizeMd, FontSizeLg, FontSizeXl,
    // others
    FontFamilyBody, FontFamilyHeading, FontWeightRegular, FontWeightBold,
    Shadow, DurationFast, BorderWidth,
};

// One token as a component may use it.
struct PaletteToken {
    QString path;            // "color.primary"
    QString cssVariable;     // "--color-primary": as the project's CSS platform names it
    slate::TokenType type = slate::TokenType::Unknown;
    QString resolvedCss;     // the resolved value as CSS ("#4f46e5", "16px")
};

// The project's tokens seen by a generator: for each role, the best token of the right
// type, matched by name ("primary", "brand", "accent"; "bg", "surface", "background";
// "space.md", "spacing-3"; …) and, where names say nothing, by value order (the middle
// spacing token for SpaceMd). `css(role)` is always usable in a stylesheet:
// "var(--color-primary)" when a token was found, otherwise a neutral literal — and a
// literal only when the project has no token of that type at all, so generated CSS
// passes the token lint by construction.
class TokenPalette {
public:
    // From a resolved token set (SLATE). `prefix`/kebab case as the CSS platform uses.
    static TokenPalette fromTokenSet(const slate::TokenSet &set, const QString &cssPrefix = {});
    // From a project directory: reads helios.json's token config (its css platform's
    // name options), resolves the sources. Errors when the tokens do not resolve.
    static Result<TokenPalette> fromProject(const QString &projectDir);
    // The template's defaults, for prompts without a project and for tests.
    static TokenPalette builtIn();

    QString css(TokenRole role) const;
    const PaletteToken *token(TokenRole role) const;     // nullptr when none matched
    bool hasType(slate::TokenType type) const;           // any token of that type at all
    const QList<PaletteToken> &tokens() const { return m_tokens; }

private:
    QList<PaletteToken> m_tokens;
    QHash<int, int> m_roleToToken;    // TokenRole -> index into m_tokens
};

} // namespace helios::spark
