// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::slate {

enum class NameCase {
    Kebab, // color-brand-primary
    Camel, // colorBrandPrimary
    Dotted, // color.brand.primary (the token path itself; JSON only)
};

// Options shared by every format. Output order is always the token set's order: the order
// in which each token path first appears across the input files (see TokenSet).
struct FormatOptions {
    NameCase nameCase = NameCase::Kebab;
    QString prefix;                 // prepended as a first name segment ("hx" -> --hx-color-red)
    bool outputReferences = false;  // CSS/SCSS: write aliases as var(--x) / $x
    QString selector = QStringLiteral(":root");
};

} // namespace helios::slate
