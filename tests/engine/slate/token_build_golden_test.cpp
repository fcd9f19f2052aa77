// SPDX-License-Identifier: Apache-2.0
// The build outputs added for themes (resolver contexts, layers, prefers-color-scheme) and
// the Tailwind theme, compared byte for byte with tests/data/slate/reference. Run with
// HELIOS_REGENERATE_REFERENCES=1 to rewrite the references on purpose.
#include "slate/build_config.h"
#include "slate/token_build.h"

#include "slate_test_support.h"
#include "test_config.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;

namespace {

const QString dataDir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate");

QString input(const char *name)
{
    return dataDir + QStringLiteral("/input/") + QLatin1StringView(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TokenBuildGoldenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testOutputMatchesReference_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("source"); // a token file, or a resolver
        QTest::addColumn<QString>("layer");  // dark layer file, if any
        QTest::addColumn<QString>("input");  // resolver input, if any
        QTest::addColumn<bool>("outputReferences");
        QTest::addColumn<QString>("prefersColorScheme");
        QTest::addColumn<bool>("cssVariables");
        const QString resolver = input("resolver/app.resolver.json");
        QTest::newRow("every resolver context becomes a CSS block with only its changes")
            << "resolver.contexts.css" << "css" << resolver << "" << "" << false << "" << true;
        QTest::newRow("the dark context is also written under prefers-color-scheme")
            << "resolver.media.css" << "css" << resolver << "" << "" << true << "dark" << true;
        QTest::newRow("a chosen input gives one flat set")
            << "resolver.dark-sky.css" << "css" << resolver << "" << "theme=dark,brand=sky" << false << "" << true;
        QTest::newRow("a dark layer is written as a block and a media query")
            << "theme.media.css" << "css" << input("theme.tokens.json") << input("theme.dark.tokens.json") << "" << false << "dark" << true;
        QTest::newRow("every type mapped to a Tailwind theme of variables")
            << "types.tailwind.js" << "tailwind" << input("types.tokens.json") << "" << "" << false << "" << true;
        QTest::newRow("every type mapped to a Tailwind theme of values")
            << "types.values.tailwind.js" << "tailwind" << input("types.tokens.json") << "" << "" << false << "" << false;
        QTest::newRow("the resolver's default context as a Tailwind theme")
            << "resolver.tailwind.js" << "tailwind" << resolver << "" << "" << false << "" << true;
    }
    void testOutputMatchesReference()
    {
        QFETCH(QString, reference);
        QFETCH(QString, format);
        QFETCH(QString, source);
        QFETCH(QString, layer);
        QFETCH(QString, input);
        QFETCH(bool, outputReferences);
        QFETCH(QString, prefersColorScheme);
        QFETCH(bool, cssVariables);

        TokenBuild::Inputs inputs;
        if (source.endsWith(QStringLiteral(".resolver.json")))
            inputs.resolverPath = source;
        else
            inputs.sources = {source};
        if (!layer.isEmpty())
            inputs.themes.push_back({QStringLiteral("dark"), {layer}});
        if (!input.isEmpty()) {
            QString error;
            QVERIFY(ResolverDocument::parseInput(input, inputs.input, error));
            inputs.inputGiven = true;
        }
        const TokenBuild build = TokenBuild::load(inputs);
        QStringList problems;
        for (const Diagnostic &d : build.diagnostics())
            problems << d.toString();
        QVERIFY2(!build.hasErrors(), qPrintable(problems.join(QLatin1Char('\n'))));

        BuildPlatform platform;
        platform.format = format;
        platform.options.outputReferences = outputReferences;
        platform.prefersColorScheme = prefersColorScheme;
        platform.cssVariables = cssVariables;
        const QByteArray actual = build.render(platform);
        QCOMPARE(build.render(platform), actual); // byte-stable

        const QString referencePath = dataDir + QStringLiteral("/reference/") + reference;
        if (qEnvironmentVariableIntValue("HELIOS_REGENERATE_REFERENCES") == 1) {
            QFile f(referencePath);
            QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(referencePath));
            f.write(actual);
            return;
        }
        const QByteArray expected = readAll(referencePath);
        QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing reference %1; run with HELIOS_REGENERATE_REFERENCES=1").arg(referencePath)));
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    }

    void testThemeContextsAreCounted()
    {
        TokenBuild::Inputs inputs;
        inputs.resolverPath = input("resolver/app.resolver.json");
        const TokenBuild build = TokenBuild::load(inputs);
        QCOMPARE(build.themes().size(), size_t(3)); // theme=dark, brand=sky, density=compact
        for (const TokenBuild::Theme &t : build.themes())
            QVERIFY2(!t.changed.empty(), qPrintable(t.modifier + QLatin1Char('=') + t.context));
    }

    void testErrorsInAnyContextAreReported()
    {
        TokenBuild::Inputs inputs;
        inputs.sources = {input("theme.tokens.json")};
        inputs.themes.push_back({QStringLiteral("dark"), {input("missing.tokens.json")}});
        const TokenBuild build = TokenBuild::load(inputs);
        QVERIFY(build.hasErrors());
    }
};

QTEST_GUILESS_MAIN(TokenBuildGoldenTest)
#include "token_build_golden_test.moc"
