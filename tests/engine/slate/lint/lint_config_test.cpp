// SPDX-License-Identifier: Apache-2.0
#include "lint_test_support.h"

#include "slate/lint/lint_config.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::json;
using helios::slate::test::lines;
using Severity = LintConfig::Severity;

class LintConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testDefaultsFollowWcagAa()
    {
        const LintConfig config;
        QCOMPARE(config.contrast.min, 4.5);
        QCOMPARE(config.contrast.largeMin, 3.0);
        QCOMPARE(config.severity(LintConfig::Rule::Contrast), Severity::Error);
        QCOMPARE(config.severity(LintConfig::Rule::DuplicateValues), Severity::Warning);
        QVERIFY(config.naming.pattern.match(QStringLiteral("brand-primary")).hasMatch());
        QVERIFY(!config.naming.pattern.match(QStringLiteral("brandPrimary")).hasMatch());
    }

    void testRulesAreConfigured()
    {
        Diagnostics diagnostics;
        const auto config = LintConfig::parse(json("{'rules': {"
                                                   " 'contrast': {'severity': 'warning', 'min': 7, 'largeMin': 4.5},"
                                                   " 'duplicate-values': 'off',"
                                                   " 'naming': {'pattern': '^[a-z]+$'},"
                                                   " 'required-modes': {'groups': ['color'], 'themes': ['dark']},"
                                                   " 'gamut': {'enabled': false}}}"),
                                              QStringLiteral("lint.json"), diagnostics);
        QVERIFY2(config.has_value(), qPrintable(lines(diagnostics)));
        QCOMPARE(config->contrast.severity, Severity::Warning);
        QCOMPARE(config->contrast.min, 7.0);
        QCOMPARE(config->contrast.largeMin, 4.5);
        QCOMPARE(config->duplicateValues.severity, Severity::Off);
        QCOMPARE(config->naming.pattern.pattern(), QStringLiteral("^[a-z]+$"));
        QCOMPARE(config->requiredModes.groups, QStringList{QStringLiteral("color")});
        QCOMPARE(config->requiredModes.themes, QStringList{QStringLiteral("dark")});
        QCOMPARE(config->gamut.severity, Severity::Off);
        QCOMPARE(config->naming.severity, Severity::Warning); // untouched default
    }

    void testBadConfigIsReportedWhereItIs_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("an unknown rule points at its name")
            << json("{'rules': {\n  'colour': 'error'}}") << QStringLiteral("lint.json:2:3: error: unknown rule \"colour\"");
        QTest::newRow("a bad severity points at the value")
            << json("{'rules': {'gamut': 'loud'}}") << QStringLiteral("lint.json:1:21: error: bad severity");
        QTest::newRow("an unknown option points at its name")
            << json("{'rules': {'gamut': {'strict': true}}}")
            << QStringLiteral("lint.json:1:22: error: unknown option \"strict\"");
        QTest::newRow("a pattern that does not compile")
            << json("{'rules': {'naming': {'pattern': '([a-z'}}}") << QStringLiteral("lint.json:1:34: error: bad pattern");
        QTest::newRow("a contrast minimum beyond 21")
            << json("{'rules': {'contrast': {'min': 30}}}") << QStringLiteral("lint.json:1:32: error: bad number");
        QTest::newRow("enabled must be a boolean")
            << json("{'rules': {'contrast': {'enabled': 'yes'}}}") << QStringLiteral("lint.json:1:36: error: bad \"enabled\"");
        QTest::newRow("a theme list of numbers")
            << json("{'rules': {'required-modes': {'themes': [1]}}}")
            << QStringLiteral("lint.json:1:42: error: bad list item");
        QTest::newRow("a top-level member that is not rules")
            << json("{'rule': {}}") << QStringLiteral("lint.json:1:2: error: unknown member \"rule\"");
        QTest::newRow("broken JSON") << json("{'rules': ") << QStringLiteral("lint.json:1:11: error:");
    }
    void testBadConfigIsReportedWhereItIs()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        Diagnostics diagnostics;
        const auto config = LintConfig::parse(text, QStringLiteral("lint.json"), diagnostics);
        QVERIFY(!config.has_value());
        QVERIFY(!diagnostics.empty());
        QVERIFY2(diagnostics.front().toString().startsWith(expected), qPrintable(lines(diagnostics)));
    }

    void testEveryProblemIsReportedInOnePass()
    {
        Diagnostics diagnostics;
        const auto config
            = LintConfig::parse(json("{'rules': {'a': 'error', 'gamut': 'loud', 'naming': {'pattern': 1}}}"),
                                QStringLiteral("lint.json"), diagnostics);
        QVERIFY(!config.has_value());
        QCOMPARE(diagnostics.size(), size_t(3));
    }

    void testLoadReadsAFileAndReportsAMissingOne()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lint.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json("{'rules': {'gamut': 'error'}}"));
        f.close();
        Diagnostics diagnostics;
        const auto config = LintConfig::load(path, diagnostics);
        QVERIFY(config.has_value());
        QCOMPARE(config->gamut.severity, Severity::Error);
        QCOMPARE(config->file, path);

        QVERIFY(!LintConfig::load(dir.filePath(QStringLiteral("missing.json")), diagnostics).has_value());
        QCOMPARE(diagnostics.back().kind, Diagnostic::Kind::Io);
    }
};

QTEST_GUILESS_MAIN(LintConfigTest)
#include "lint_config_test.moc"
