// SPDX-License-Identifier: Apache-2.0
// The build outputs added for themes (resolver contexts, layers, prefers-color-scheme) and
// the Tailwind theme, compared byte for byte with tests/data/slate/reference. Run with
// HELIOS_REGENERATE_REFERENCES=1 to rewrite the references on purpose.
#include "slate/build_config.h"
#include "slate/token_build.h"

#include "slate_test_support.h"
#include "test_config.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;

namespace {

// A build's inputs: token files or a resolver, with a "dark" layer or a resolver input.
bool inputsFor(const QString &source, const QString &layer, const QString &input, TokenBuild::Inputs &inputs)
{
    if (source.endsWith(QStringLiteral(".resolver.json")))
        inputs.resolverPath = source;
    else
        inputs.sources = {source};
    if (!layer.isEmpty())
        inputs.themes.push_back({QStringLiteral("dark"), {layer}});
    if (input.isEmpty())
        return true;
    QString error;
    inputs.inputGiven = true;
    return ResolverDocument::parseInput(input, inputs.input, error);
}

const QString dataDir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate");

QString input(const char *name)
{
    return dataDir + QStringLiteral("/input/") + QLatin1StringView(name);
}

BuildPlatform perContextCss(const QString &pattern)
{
    BuildPlatform platform;
    platform.name = QStringLiteral("css");
    platform.format = QStringLiteral("css");
    platform.destination = QStringLiteral("/out/") + pattern;
    QString error;
    if (!BuildConfig::destinationPlaceholders(pattern, platform.contextPlaceholders, error))
        qFatal("bad pattern %s", qPrintable(pattern));
    return platform;
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
        QVERIFY(inputsFor(source, layer, input, inputs));
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
        const QByteArray expected = test::readFile(referencePath);
        QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing reference %1; run with HELIOS_REGENERATE_REFERENCES=1").arg(referencePath)));
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    }

    void testPerContextFilesMatchReferences_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("files");      // file names, in the order written
        QTest::addColumn<QStringList>("references"); // one per file
        const QString resolver = input("resolver/app.resolver.json");
        QTest::newRow("each context of the theme modifier is a file with the whole set")
            << resolver << "" << "" << "t-{theme}.css" << QStringList{QStringLiteral("t-light.css"), QStringLiteral("t-dark.css")}
            << QStringList{QStringLiteral("resolver.theme-light.css"), QStringLiteral("resolver.theme-dark.css")};
        QTest::newRow("the base of theme layers is the default context")
            << input("theme.tokens.json") << input("theme.dark.tokens.json") << "" << "{theme}.css"
            << QStringList{QStringLiteral("default.css"), QStringLiteral("dark.css")}
            << QStringList{QStringLiteral("theme.context-default.css"), QStringLiteral("theme.context-dark.css")};
        QTest::newRow("a chosen input sets the modifiers no placeholder names")
            << resolver << "" << "theme=dark,brand=sky" << "t-{theme}.css"
            << QStringList{QStringLiteral("t-light.css"), QStringLiteral("t-dark.css")}
            << QStringList{QStringLiteral("resolver.light-sky.css"), QStringLiteral("resolver.dark-sky.css")};
        QTest::newRow("two placeholders give every combination, the first outermost")
            << resolver << "" << "" << "{brand}/{theme}.css"
            << QStringList{QStringLiteral("blue/light.css"), QStringLiteral("blue/dark.css"), QStringLiteral("sky/light.css"),
                           QStringLiteral("sky/dark.css")}
            << QStringList{QStringLiteral("resolver.theme-light.css"), QStringLiteral("resolver.theme-dark.css"),
                           QStringLiteral("resolver.light-sky.css"), QStringLiteral("resolver.dark-sky.css")};
    }
    void testPerContextFilesMatchReferences()
    {
        QFETCH(QString, source);
        QFETCH(QString, layer);
        QFETCH(QString, input);
        QFETCH(QString, pattern);
        QFETCH(QStringList, files);
        QFETCH(QStringList, references);
        TokenBuild::Inputs inputs;
        QVERIFY(inputsFor(source, layer, input, inputs));
        const TokenBuild build = TokenBuild::load(inputs);
        QVERIFY2(!build.hasErrors(), qPrintable(test::allDiagnostics(build.diagnostics())));
        const BuildPlatform platform = perContextCss(pattern);
        Diagnostics problems;
        const std::vector<TokenBuild::OutputFile> written = build.renderFiles(platform, problems);
        QVERIFY2(problems.empty(), qPrintable(test::allDiagnostics(problems)));
        QCOMPARE(written.size(), size_t(files.size()));
        Diagnostics again;
        const std::vector<TokenBuild::OutputFile> second = build.renderFiles(platform, again);
        for (size_t i = 0; i < written.size(); ++i) {
            QCOMPARE(written[i].path, QStringLiteral("/out/") + files[qsizetype(i)]);
            QCOMPARE(second[i].bytes, written[i].bytes); // byte-stable
            QVERIFY2(!written[i].bytes.contains("[data-"), written[i].bytes.constData()); // whole sets, no theme blocks
            for (size_t j = 0; j < i; ++j) // every context differs from every other
                QVERIFY2(written[j].bytes != written[i].bytes, qPrintable(written[i].path));
            const QString referencePath = dataDir + QStringLiteral("/reference/") + references[qsizetype(i)];
            if (qEnvironmentVariableIntValue("HELIOS_REGENERATE_REFERENCES") == 1) {
                QVERIFY2(test::writeFile(referencePath, written[i].bytes), qPrintable(referencePath));
                continue;
            }
            const QByteArray expected = test::readFile(referencePath);
            QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing reference %1; run with HELIOS_REGENERATE_REFERENCES=1").arg(referencePath)));
            QCOMPARE(QString::fromUtf8(written[i].bytes), QString::fromUtf8(expected));
        }
    }

    void testTheDefaultContextFileIsTheBaseWithoutBlocks()
    {
        TokenBuild::Inputs inputs;
        inputs.resolverPath = input("resolver/app.resolver.json");
        const TokenBuild build = TokenBuild::load(inputs);
        BuildPlatform whole = perContextCss(QStringLiteral("t-{density}.css"));
        Diagnostics problems;
        const std::vector<TokenBuild::OutputFile> written = build.renderFiles(whole, problems);
        QCOMPARE(written.size(), size_t(2));
        QCOMPARE(written[0].context.value(QStringLiteral("density")), QStringLiteral("comfortable"));
        whole.themeBlocks = false;
        QCOMPARE(written[0].bytes, build.render(whole));
        QVERIFY(written[1].bytes.contains("--space-md: 6px;"));
        // The one-file output is untouched by placeholders: it still has every theme block.
        whole.themeBlocks = true;
        QVERIFY(build.render(whole).contains("[data-density=\"compact\"]"));
    }

    void testAnUnknownPlaceholderIsLocatedAtTheDestination()
    {
        TokenBuild::Inputs inputs;
        inputs.resolverPath = input("resolver/app.resolver.json");
        const TokenBuild build = TokenBuild::load(inputs);
        BuildPlatform platform = perContextCss(QStringLiteral("t-{mood}.css"));
        platform.file = QStringLiteral("c.json");
        platform.destinationPosition = {4, 20};
        Diagnostics problems;
        QVERIFY(build.renderFiles(platform, problems).empty());
        QCOMPARE(test::allDiagnostics(problems), QStringLiteral("c.json:4:20: error: unknown placeholder {mood} in the destination of platform \"css\" "
                                                 "(expected one of {theme}, {brand}, {density}, found {mood})"));
    }

    void testAContextNameUnfitForAFileNameIsRefused()
    {
        TokenBuild::Inputs inputs;
        inputs.sources = {input("theme.tokens.json")};
        inputs.themes.push_back({QStringLiteral("../dark"), {input("theme.dark.tokens.json")}});
        const TokenBuild build = TokenBuild::load(inputs);
        QVERIFY(!build.hasErrors());
        Diagnostics problems;
        QVERIFY(build.renderFiles(perContextCss(QStringLiteral("{theme}.css")), problems).empty());
        QVERIFY2(hasErrors(problems) && test::allDiagnostics(problems).contains(QStringLiteral("context \"../dark\" of {theme} cannot be part of a file name")),
                 qPrintable(test::allDiagnostics(problems)));
    }

    void testErrorsOfAContextOnlyResolvedForItsFileAreReported()
    {
        // With a chosen input, no other context is resolved by load(): the dark file's error
        // only shows when its per-context file is rendered.
        QTemporaryDir tmp;
        const QString from = input("resolver/");
        for (const char *f : {"app.resolver.json", "base.tokens.json", "brand-sky.tokens.json", "compact.tokens.json"})
            QVERIFY(QFile::copy(from + QLatin1StringView(f), tmp.filePath(QLatin1StringView(f))));
        QVERIFY(test::writeFile(tmp.filePath(QStringLiteral("dark.tokens.json")), "{\"color\": {\"bg\": {\"$value\": \"{color.nope}\"}}}"));
        TokenBuild::Inputs inputs;
        inputs.resolverPath = tmp.filePath(QStringLiteral("app.resolver.json"));
        inputs.input = {{QStringLiteral("theme"), QStringLiteral("light")}};
        inputs.inputGiven = true;
        const TokenBuild build = TokenBuild::load(inputs);
        QVERIFY2(!build.hasErrors(), qPrintable(test::allDiagnostics(build.diagnostics())));
        Diagnostics problems;
        const std::vector<TokenBuild::OutputFile> written = build.renderFiles(perContextCss(QStringLiteral("t-{theme}.css")), problems);
        QVERIFY(hasErrors(problems));
        QVERIFY2(test::allDiagnostics(problems).contains(QDir::cleanPath(tmp.filePath(QStringLiteral("dark.tokens.json")))), qPrintable(test::allDiagnostics(problems)));
        QCOMPARE(written.size(), size_t(1)); // only the light file could be rendered
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
