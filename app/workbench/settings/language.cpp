// SPDX-License-Identifier: Apache-2.0
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace helios::workbench {

namespace {

const QString settingsKey = QStringLiteral("appearance/language");
const QString sourceLanguage = QStringLiteral("en");

// The translators this module installed, so that the next call can take them out again.
QList<QPointer<QTranslator>> &installedTranslators()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool install(const QLocale &locale, const QString &catalogue, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, catalogue, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installedTranslators().append(translator);
    return true;
}

} // namespace

QStringList availableLanguages() { return {sourceLanguage, QStringLiteral("de"), QStringLiteral("fr")}; }

QString savedLanguage() { return QSettings().value(settingsKey).toString(); }

void saveLanguage(const QString &language) { QSettings().setValue(settingsKey, language); }

QString languageDisplayName(const QString &language)
{
    if (language.isEmpty())
        return QCoreApplication::translate("helios::workbench::Language", "System language (%1)")
            .arg(QLocale::languageToString(QLocale::system().language()));
    // QLocale("en") is American English; the source language is just English.
    if (language == sourceLanguage)
        return QStringLiteral("English");
    const QString name = QLocale(language).nativeLanguageName();
    return name.left(1).toUpper() + name.mid(1);
}

bool installTranslations(const QString &language)
{
    for (const QPointer<QTranslator> &translator : std::as_const(installedTranslators())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installedTranslators().clear();

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale); // dates and numbers follow the chosen language too
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    return install(locale, QStringLiteral("helios"), QStringLiteral(":/i18n"));
}

} // namespace helios::workbench
