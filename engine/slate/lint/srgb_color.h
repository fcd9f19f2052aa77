// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace helios::slate {

class JsonValue;

// A colour converted to gamma-encoded sRGB, channels *not* clamped so that a colour from a
// wider space (display-p3, oklch, rec2020...) still shows that it lies outside sRGB. Lint
// rules work here because WCAG contrast is defined on sRGB.
struct SrgbColor {
    double r = 0;
    double g = 0;
    double b = 0;
    double alpha = 1;

    // From a resolved DTCG colour value: "#rgb[a]", "#rrggbb[aa]", "rgb()/rgba()/hsl()/hsla()"
    // strings, or the object form {colorSpace, components, alpha} in any of the 14 colour
    // spaces of the format module. nullopt when the value cannot be evaluated (another CSS
    // colour function, a channel that is not a number).
    static std::optional<SrgbColor> fromValue(const JsonValue &value);
    static std::optional<SrgbColor> fromText(QStringView text);

    // True when every channel lies in [0, 1] (within rounding).
    bool inGamut() const;
    // Channels clipped to [0, 1]: what an sRGB display shows.
    SrgbColor clamped() const;
    // This colour painted over an opaque `background` (alpha blending in sRGB, as browsers do).
    SrgbColor compositedOver(const SrgbColor &background) const;
    // WCAG 2.x relative luminance of the clipped colour (alpha ignored).
    double relativeLuminance() const;
    // "#rrggbb" or "#rrggbbaa" of the clipped colour; a stable key for equal colours.
    QString hexText() const;

    // WCAG 2.x contrast ratio (1 to 21) of `foreground` on `background`. A translucent
    // foreground is composited over the background; a translucent background over white.
    static double contrastRatio(const SrgbColor &foreground, const SrgbColor &background);
};

} // namespace helios::slate
