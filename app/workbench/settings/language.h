// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace helios::workbench {

// The languages the workbench is translated into, as ISO 639 codes: "en" (the source
// language), "de", "fr".
QStringList availableLanguages();

// The language chosen in Settings (QSettings "appearance/language"); "" follows the
// system locale.
QString savedLanguage();
void saveLanguage(const QString &language);

// The language's name in that language ("Deutsch", "Français"); "" gives the system
// language's entry, translated ("System language (English)").
QString languageDisplayName(const QString &language);

// Replaces the translators installed by an earlier call with the workbench's own (built
// into the binary from translations/*.ts) and Qt's (qtbase_<lang>.qm from the Qt
// installation, when present) for `language`, "" meaning the system locale. Widgets built
// before the call keep their texts. Returns whether the workbench's translation loaded;
// English needs none and is always true. Call on the UI thread after QApplication exists.
bool installTranslations(const QString &language);

} // namespace helios::workbench
