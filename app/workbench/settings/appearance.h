// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::workbench {

// The workbench's colour scheme. System follows the desktop; Light and Dark are fixed.
enum class Theme { System, Light, Dark };

// Applies `theme` to the whole application: the Fusion style (which paints every widget,
// docks included, from the palette) and a light or dark palette on qApp. System takes the
// platform's palette (Qt 6.4 has no QStyleHints::colorScheme() to ask). Needs a
// QApplication.
void applyTheme(Theme theme);

// The theme the user chose in Settings (QSettings "appearance/theme"); System if none.
Theme savedTheme();
void saveTheme(Theme theme);

// "System", "Light", "Dark" in the current language.
QString themeName(Theme theme);

} // namespace helios::workbench
