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
