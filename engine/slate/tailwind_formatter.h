// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/format_options.h"
#include "slate/token_set.h"

#include <QByteArray>

namespace helios::slate {

// A Tailwind theme: an ES module whose default export is `{ extend: { colors: {...},
// spacing: {...}, ... } }`, ready for `theme: require('./tokens.tailwind.js')` or a
// spread into `tailwind.config`'s `theme`. Tokens go to a theme key by type (colour ->
// colors, duration -> transitionDuration, ...); dimensions by name (a path with
// "radius" -> borderRadius, "font...size" -> fontSize, "border...width" -> borderWidth,
// otherwise spacing). Types Tailwind has no key for (border, transition, typography,
// strokeStyle) are left out.
//
// Keys drop the token path's first segment ("color.brand.primary" -> "brand-primary",
// so the class is `bg-brand-primary`); when two tokens would share a key, the later one
// keeps its whole name. Values are `var(--name)` of the CSS custom properties (same
// prefix), or the resolved values with `Values::Resolved`.
class TailwindFormatter {
public:
    enum class Values { CssVariables, Resolved };
    static QByteArray format(const TokenSet &set, const FormatOptions &options, Values values = Values::CssVariables);
};

} // namespace helios::slate
