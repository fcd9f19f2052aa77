// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

#include <optional>

namespace helios::spark {

// An sRGB colour, 0..255 per channel, for finding the token nearest a raw colour.
struct Rgb {
    int r = 0;
    int g = 0;
    int b = 0;
};

// Whether `name` (any case) is one of CSS's named colours ("red", "rebeccapurple").
// transparent, currentColor and the CSS-wide keywords are not colours here: they carry
// no design decision a token could hold.
bool isNamedCssColour(QStringView name);

// The functions that spell a literal colour: rgb(), rgba(), hsl(), hsla(), hwb(), lab(),
// lch(), oklab(), oklch(), color().
bool isCssColourFunction(QStringView name);

// Parses "#rgb", "#rgba", "#rrggbb", "#rrggbbaa", a named colour, rgb()/rgba() and
// hsl()/hsla() (alpha ignored). Other spellings (lab, oklch, ...) give nullopt: they are
// still flagged, only without a nearest-token suggestion by value.
std::optional<Rgb> parseCssColour(QStringView text);

} // namespace helios::spark
