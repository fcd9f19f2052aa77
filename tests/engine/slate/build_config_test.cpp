// SPDX-License-Identifier: Apache-2.0
#include "slate/build_config.h"

#include "test_config.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;

namespace {
const QString configDir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/config");
}

class BuildConfigTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testReadsSourcesThemesAndPlatforms()
    {
        const BuildConfig config = BuildConfig::read(configDir + QStringLiteral("/build.json"));
        QVERIFY(!config.hasErrors());
        QCOMPARE(config.sources, (QStringList{configDir + QStringLiteral("/tokens/core/base.tokens.json"),
                                              configDir + QStringLiteral("/tokens/core/extra.tokens.json")}));
        QCOMPARE(config.themes.size(), size_t(1));
        QCOMPARE(config.themes.front().name, QStringLiteral("dark"));
        QCOMPARE(config.platforms.size(), size_t(3));
        const BuildPlatform &css = config.platforms.front();
        QCOMPARE(css.format, QStringLiteral("css"));
        QCOMPARE(css.destination, configDir + QStringLiteral("/dist/tokens.css"));
        QVERIFY(css.options.outputReferences);
        QCOMPARE(css.options.prefix, QStringLiteral("hx"));
        QCOMPARE(css.prefersColorScheme, QStringLiteral("dark"));
    }

    void testProblemsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("diagnostic");
        QTest::newRow("a glob that matches nothing")
            << QByteArray("{\"source\": [\"tokens/core/*.tokens.json\",\n  \"nothing/**/*.json\"], \"platforms\": {\"css\": {\"format\": \"css\", \"destination\": \"o.css\"}}}")
            << "c.json:2:3: error: \"nothing/**/*.json\" matches no file (expected at least one file relative to the config, found \"nothing/**/*.json\")";
        QTest::newRow("an unknown format")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\",\n \"platforms\": {\"x\": {\"format\": \"yaml\", \"destination\": \"o\"}}}")
            << "c.json:2:32: error: unknown format (expected one of css, scss, ts, dts, json, json-nested, tailwind, found \"yaml\")";
        QTest::newRow("a platform without a destination")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\",\n \"platforms\": {\"x\": {\"format\": \"css\"}}}")
            << "c.json:2:21: error: platform \"x\" has no \"destination\" (expected a file path relative to the config)";
        QTest::newRow("an option of the wrong kind")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\", \"platforms\": {\"x\": {\"format\": \"css\", \"destination\": \"o\",\n  \"options\": {\"outputReferences\": \"yes\"}}}}")
            << "c.json:2:35: error: \"outputReferences\" must be a boolean (expected a boolean, found a string)";
        QTest::newRow("no tokens at all")
            << QByteArray("{\"platforms\": {\"x\": {\"format\": \"css\", \"destination\": \"o\"}}}")
            << "c.json:1:1: error: the config names no tokens (expected \"source\": [globs] or \"resolver\": \"x.resolver.json\", found neither)";
        QTest::newRow("two platforms writing one file")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\", \"platforms\": {\"a\": {\"format\": \"css\", \"destination\": \"o\"},\n \"b\": {\"format\": \"scss\", \"destination\": \"o\"}}}")
            << "c.json:2:41: error: platforms \"a\" and \"b\" write the same file (expected a destination of its own, found \"o\")";
        QTest::newRow("a placeholder without themes or a resolver")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\",\n \"platforms\": {\"x\": {\"format\": \"css\", \"destination\": \"o-{theme}.css\"}}}")
            << "c.json:2:54: error: unknown placeholder {theme} in \"destination\" (expected no placeholder: there are no \"themes\" and no \"resolver\", found {theme})";
        QTest::newRow("a placeholder other than {theme} with theme layers")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\", \"themes\": {\"dark\": \"tokens/themes/*.json\"},\n"
                          " \"platforms\": {\"x\": {\"format\": \"css\", \"destination\": \"o-{brand}.css\"}}}")
            << "c.json:2:54: error: unknown placeholder {brand} in \"destination\" (expected {theme}, found {brand})";
        QTest::newRow("a placeholder that is not closed")
            << QByteArray("{\"source\": \"tokens/core/*.tokens.json\",\n \"platforms\": {\"x\": {\"format\": \"css\", \"destination\": \"o-{theme.css\"}}}")
            << "c.json:2:54: error: bad placeholder in \"destination\": \"{\" at 3 is not closed by \"}\" (expected \"{modifier}\" placeholders, found \"o-{theme.css\")";
    }
    void testDestinationPlaceholders_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QStringList>("names"); // empty with an error expected when `ok` is false
        QTest::addColumn<bool>("ok");
        QTest::newRow("a plain path has none") << "dist/tokens.css" << QStringList{} << true;
        QTest::newRow("one modifier") << "dist/tokens-{theme}.css" << QStringList{QStringLiteral("theme")} << true;
        QTest::newRow("several, each once, in order") << "{brand}/{theme}-{brand}.css"
                                                       << QStringList{QStringLiteral("brand"), QStringLiteral("theme")} << true;
        QTest::newRow("an unclosed brace") << "dist/{theme.css" << QStringList{} << false;
        QTest::newRow("a closing brace alone") << "dist/theme}.css" << QStringList{} << false;
        QTest::newRow("an empty name") << "dist/{}.css" << QStringList{} << false;
        QTest::newRow("a nested brace") << "dist/{a{b}}.css" << QStringList{} << false;
    }
    void testDestinationPlaceholders()
    {
        QFETCH(QString, destination);
        QFETCH(QStringList, names);
        QFETCH(bool, ok);
        QStringList found;
        QString error;
        QCOMPARE(BuildConfig::destinationPlaceholders(destination, found, error), ok);
        QCOMPARE(error.isEmpty(), ok);
        if (ok)
            QCOMPARE(found, names);
    }

    void testResolverPlaceholdersAreKeptForTheBuild()
    {
        const QByteArray json = "{\"resolver\": \"../input/resolver/app.resolver.json\",\n"
                                " \"platforms\": {\"css\": {\"format\": \"css\",\n   \"destination\": \"dist/{brand}/tokens-{theme}.css\"}}}";
        const BuildConfig config = BuildConfig::parse(json, QStringLiteral("c.json"), configDir);
        QVERIFY(!config.hasErrors());
        QCOMPARE(config.platforms.size(), size_t(1));
        const BuildPlatform &css = config.platforms.front();
        QCOMPARE(css.contextPlaceholders, (QStringList{QStringLiteral("brand"), QStringLiteral("theme")}));
        QCOMPARE(css.destination, configDir + QStringLiteral("/dist/{brand}/tokens-{theme}.css"));
        QCOMPARE(css.file, QStringLiteral("c.json"));
        QCOMPARE(css.destinationPosition.line, 3);
        QCOMPARE(css.destinationPosition.column, 19);
    }

    void testProblemsAreLocated()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, diagnostic);
        const BuildConfig config = BuildConfig::parse(json, QStringLiteral("c.json"), configDir);
        QStringList all;
        for (const Diagnostic &d : config.diagnostics)
            all << d.toString();
        QVERIFY2(all.contains(diagnostic), qPrintable(all.join(QLatin1Char('\n'))));
        QVERIFY(config.hasErrors());
    }
};

QTEST_GUILESS_MAIN(BuildConfigTest)
#include "build_config_test.moc"
