// SPDX-License-Identifier: Apache-2.0
// The committed translations: every message finished with its placeholders, accelerator
// and markup intact; no tr() string in app/ or panels/ missing from them; and the
// catalogue built into the binary answering QCoreApplication::translate().
#include "appearance.h"
#include "language.h"

#include "test_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace helios::workbench;

namespace {

struct Message {
    QString context;
    QString source;
    QString type;               // "" when finished; "unfinished", "vanished", "obsolete"
    QStringList translations;   // one, or the numerus forms
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1StringView("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1StringView("message")) {
            messages.append({context, {}, {}, {}});
        } else if (xml.name() == QLatin1StringView("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1StringView("translation") && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QLatin1StringView("type")).toString();
            const bool numerus = xml.attributes().hasAttribute(QLatin1StringView("numerus"))
                || messages.last().source.contains(QLatin1StringView("%n"));
            if (!numerus)
                messages.last().translations.append(xml.readElementText());
        } else if (xml.name() == QLatin1StringView("numerusform") && !messages.isEmpty()) {
            messages.last().translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList matches(const QString &text, const QRegularExpression &pattern)
{
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    return sorted(found);
}

const QRegularExpression placeholder(QStringLiteral("%(?:n|L?\\d+)"));
const QRegularExpression markup(QStringLiteral("</?[a-zA-Z][^>]*>"));
// An accelerator: '&' before a letter, not the escaped '&&' and not an HTML entity.
const QRegularExpression accelerator(QStringLiteral("(?<!&)&(?!&|[a-z]+;)\\w"));

QString tsFile(const QString &language)
{
    return QStringLiteral(HELIOS_SOURCE_DIR "/translations/helios_%1.ts").arg(language);
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testEveryMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German is complete") << QStringLiteral("de");
        QTest::newRow("French is complete") << QStringLiteral("fr");
    }

    void testEveryMessageIsTranslated()
    {
        QFETCH(QString, language);
        QString error;
        const QList<Message> messages = readTs(tsFile(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + QStringLiteral("\": ");
            if (!m.type.isEmpty())
                problems << where + m.type;
            if (m.translations.isEmpty())
                problems << where + QStringLiteral("no translation");
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral("empty translation");
                // %n may be left out of a numerus form ("one file"); numbered ones may not.
                QStringList wanted = matches(m.source, placeholder);
                QStringList got = matches(t, placeholder);
                wanted.removeAll(QStringLiteral("%n"));
                got.removeAll(QStringLiteral("%n"));
                if (wanted != got)
                    problems << where + QStringLiteral("placeholders %1 in \"%2\"").arg(got.join(u','), t);
                if (matches(m.source, markup) != matches(t, markup))
                    problems << where + QStringLiteral("markup differs in \"%1\"").arg(t);
                if (accelerator.match(m.source).hasMatch() != accelerator.match(t).hasMatch())
                    problems << where + QStringLiteral("accelerator differs in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void testEveryMessageHasAClassContext_data() { testEveryMessageIsTranslated_data(); }

    void testEveryMessageHasAClassContext()
    {
        // lupdate files a tr() it cannot attribute to a class (e.g. through a type alias)
        // under an empty context, where QCoreApplication::translate() never looks.
        QFETCH(QString, language);
        QString error;
        QStringList homeless;
        for (const Message &m : readTs(tsFile(language), &error)) {
            if (m.context.isEmpty())
                homeless << m.source;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(homeless.isEmpty(), qPrintable(QStringLiteral("tr() outside any class context: ")
                                                 + homeless.join(QStringLiteral(", "))));
    }

    void testLupdateFindsNothingNew_data() { testEveryMessageIsTranslated_data(); }

    void testLupdateFindsNothingNew()
    {
        // lupdate over today's sources into a copy: a tr() string the .ts file lacks comes
        // back unfinished. The fix is in translations/README.md.
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("helios_%1.ts").arg(language));
        QVERIFY(QFile::copy(tsFile(language), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(HELIOS_SOURCE_DIR));
        lupdate.start(QStringLiteral(HELIOS_LUPDATE_PATH),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("app"), QStringLiteral("panels"), QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QString error;
        const QList<Message> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const Message &m : messages) {
            if (!m.type.isEmpty())
                missing << m.context + QStringLiteral(" \"") + m.source + u'"';
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not yet translated (run `ninja update_translations` "
                                                              "and translate):\n")
                                               + missing.join(u'\n')));
    }

    void testInstalledCatalogueTranslates_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("test");
        QTest::addColumn<QString>("dark");
        QTest::newRow("German from the built-in catalogue") << QStringLiteral("de") << QStringLiteral("Testen")
                                                            << QStringLiteral("Dunkel");
        QTest::newRow("French from the built-in catalogue") << QStringLiteral("fr") << QStringLiteral("Tester")
                                                            << QStringLiteral("Sombre");
        QTest::newRow("English is the source text") << QStringLiteral("en") << QStringLiteral("Test")
                                                    << QStringLiteral("Dark");
    }

    void testInstalledCatalogueTranslates()
    {
        QFETCH(QString, language);
        QFETCH(QString, test);
        QFETCH(QString, dark);
        QVERIFY(installTranslations(language));
        QCOMPARE(QCoreApplication::translate("helios::workbench::BackendsPage", "Test"), test);
        QCOMPARE(themeName(Theme::Dark), dark);
    }

    void testSwitchingBackRemovesTheEarlierCatalogue()
    {
        QVERIFY(installTranslations(QStringLiteral("de")));
        QCOMPARE(themeName(Theme::Light), QStringLiteral("Hell"));
        // Spanish has no catalogue: false, and the German one is gone.
        QVERIFY(!installTranslations(QStringLiteral("es")));
        QCOMPARE(themeName(Theme::Light), QStringLiteral("Light"));
    }

    void testLanguagesOffered()
    {
        QCOMPARE(availableLanguages(), (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
        QCOMPARE(languageDisplayName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(languageDisplayName(QStringLiteral("fr")), QStringLiteral("Français"));
        QVERIFY(languageDisplayName(QString()).contains(QLatin1StringView("(")));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "translations_test.moc"
