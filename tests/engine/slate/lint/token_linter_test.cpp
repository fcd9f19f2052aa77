// SPDX-License-Identifier: Apache-2.0
#include "lint_test_support.h"

#include "slate/lint/token_linter.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::json;
using helios::slate::test::lines;

namespace {

TokenSet read(const QList<QPair<QString, QByteArray>> &files)
{
    TokenReader reader;
    for (const auto &f : files)
        reader.addData(f.second, f.first);
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    return set;
}

TokenSet read(const QByteArray &base)
{
    return read({{QStringLiteral("base.json"), base}});
}

// Only the findings of `rule`.
Diagnostics ofRule(const Diagnostics &all, const QString &rule)
{
    Diagnostics out;
    for (const Diagnostic &d : all) {
        if (d.rule == rule)
            out.push_back(d);
    }
    return out;
}

LintConfig only(LintConfig::Rule rule)
{
    LintConfig config;
    config.contrast.severity = LintConfig::Severity::Off;
    config.duplicateValues.severity = LintConfig::Severity::Off;
    config.naming.severity = LintConfig::Severity::Off;
    config.requiredModes.severity = LintConfig::Severity::Off;
    config.gamut.severity = LintConfig::Severity::Off;
    switch (rule) {
    case LintConfig::Rule::Contrast: config.contrast.severity = LintConfig::Severity::Error; break;
    case LintConfig::Rule::DuplicateValues: config.duplicateValues.severity = LintConfig::Severity::Warning; break;
    case LintConfig::Rule::Naming: config.naming.severity = LintConfig::Severity::Warning; break;
    case LintConfig::Rule::RequiredModes: config.requiredModes.severity = LintConfig::Severity::Error; break;
    case LintConfig::Rule::Gamut: config.gamut.severity = LintConfig::Severity::Warning; break;
    }
    return config;
}

const char *contrastBase = "{'color': {'$type': 'color',\n"
                           "  'bg': {'$value': '#ffffff'},\n"
                           "  'muted': {'$value': '#777777',\n"
                           "    '$extensions': {'io.helios.contrast': {'against': '{color.bg}'}}},\n"
                           "  'text': {'$value': '#222222',\n"
                           "    '$extensions': {'io.helios.contrast': {'against': '{color.bg}', 'min': 7}}}}}";

} // namespace

class TokenLinterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testContrastFromExtensions()
    {
        const TokenSet set = read(json(contrastBase));
        QVERIFY2(!set.hasErrors(), qPrintable(lines(set.diagnostics())));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(set);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].toString(),
                 QStringLiteral("base.json:3:3: error: contrast of color.muted on color.bg is too low [contrast] "
                                "[color.muted] (expected at least 4.5:1, found 4.47:1, #777777 on #ffffff)"));
    }

    void testContrastThresholds_data()
    {
        QTest::addColumn<QByteArray>("declaration");
        QTest::addColumn<bool>("fails");
        QTest::newRow("grey 777 fails AA for normal text") << json("{'against': '{color.bg}'}") << true;
        QTest::newRow("grey 777 passes AA for large text") << json("{'against': '{color.bg}', 'large': true}") << false;
        QTest::newRow("an explicit minimum wins over large") << json("{'against': 'color.bg', 'large': true, 'min': 7}")
                                                            << true;
        QTest::newRow("a list of pairs checks each")
            << json("[{'against': '{color.bg}', 'large': true}, {'against': '{color.bg}'}]") << true;
        QTest::newRow("a low explicit minimum passes") << json("{'against': '{color.bg}', 'min': 3}") << false;
    }
    void testContrastThresholds()
    {
        QFETCH(QByteArray, declaration);
        QFETCH(bool, fails);
        const QByteArray text = json("{'color': {'$type': 'color', 'bg': {'$value': '#fff'},"
                                     " 'fg': {'$value': '#777', '$extensions': {'io.helios.contrast': ")
            + declaration + "}}}}";
        const TokenSet set = read(text);
        QVERIFY2(!set.hasErrors(), qPrintable(lines(set.diagnostics())));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(set);
        QCOMPARE(!found.empty(), fails);
    }

    void testContrastOfTranslucentText()
    {
        // #000 at 40% on white composites to #999: 2.85:1, below AA, though opaque black is 21:1.
        const TokenSet set = read(json("{'color': {'$type': 'color', 'bg': {'$value': '#fff'},"
                                       " 'fg': {'$value': {'colorSpace': 'srgb', 'components': [0, 0, 0], 'alpha': 0.4},"
                                       "  '$extensions': {'io.helios.contrast': {'against': '{color.bg}'}}}}}"));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(set);
        QCOMPARE(found.size(), size_t(1));
        QVERIFY2(found[0].found.startsWith(QStringLiteral("2.")), qPrintable(found[0].found));
    }

    void testContrastOfAnOklchColourThroughAnAlias()
    {
        const TokenSet set = read(json("{'color': {'$type': 'color',"
                                       " 'white': {'$value': {'colorSpace': 'oklch', 'components': [1, 0, 0]}},"
                                       " 'bg': {'$value': '{color.white}'},"
                                       " 'fg': {'$value': {'colorSpace': 'oklch', 'components': [0.9, 0.02, 90]},"
                                       "  '$extensions': {'io.helios.contrast': {'against': '{color.bg}'}}}}}"));
        QVERIFY2(!set.hasErrors(), qPrintable(lines(set.diagnostics())));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(set);
        QCOMPARE(found.size(), size_t(1));
    }

    void testContrastInEveryTheme()
    {
        const QByteArray base = json(contrastBase);
        // Dark: the background goes black; text #222 on it fails, muted #777 (4.68:1) passes.
        const QByteArray dark = json("{'color': {'bg': {'$value': '#000000'}}}");
        const TokenSet light = read(base);
        const TokenSet themed = read({{QStringLiteral("base.json"), base}, {QStringLiteral("dark.json"), dark}});
        const std::vector<LintTheme> themes{{QStringLiteral("dark"), &themed, {QStringLiteral("dark.json")}}};
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(light, themes);
        QCOMPARE(found.size(), size_t(2));
        QVERIFY(!found[0].message.contains(QStringLiteral("theme")));
        QCOMPARE(found[0].tokenPath, QStringLiteral("color.muted"));
        QCOMPARE(found[1].tokenPath, QStringLiteral("color.text"));
        QVERIFY2(found[1].message.endsWith(QStringLiteral("in theme dark")), qPrintable(found[1].message));
    }

    void testAFailureAThemeRepeatsIsReportedOnce()
    {
        const QByteArray base = json(contrastBase);
        const QByteArray dark = json("{'spacing': {'$type': 'dimension', 'x': {'$value': '1px'}}}");
        const TokenSet light = read(base);
        const TokenSet themed = read({{QStringLiteral("base.json"), base}, {QStringLiteral("dark.json"), dark}});
        const std::vector<LintTheme> themes{{QStringLiteral("dark"), &themed, {QStringLiteral("dark.json")}}};
        QCOMPARE(TokenLinter(only(LintConfig::Rule::Contrast)).run(light, themes).size(), size_t(1));
    }

    void testPairsFile()
    {
        const TokenSet set = read(json("{'color': {'$type': 'color', 'bg': {'$value': '#fff'},"
                                       " 'fg': {'$value': '#777'}, 'ink': {'$value': '#000'}, 'gap': {'$value': '#fff'}}}"));
        Diagnostics problems;
        auto pairs = ContrastPairs::parse(json("[\n"
                                               " {'foreground': '{color.fg}', 'background': '{color.bg}'},\n"
                                               " {'foreground': 'color.ink', 'background': 'color.bg'},\n"
                                               " {'foreground': 'color.fg', 'background': 'color.bg', 'min': 3},\n"
                                               " {'foreground': 'color.nope', 'background': 'color.bg'}\n"
                                               "]"),
                                          QStringLiteral("pairs.json"), problems);
        QVERIFY2(problems.empty(), qPrintable(lines(problems)));
        QCOMPARE(pairs.size(), size_t(4));
        TokenLinter linter(only(LintConfig::Rule::Contrast));
        linter.setPairs(std::move(pairs));
        const Diagnostics found = linter.run(set);
        QCOMPARE(found.size(), size_t(2));
        QVERIFY2(found[0].toString().startsWith(QStringLiteral("pairs.json:2:2: error: contrast of color.fg on color.bg")),
                 qPrintable(found[0].toString()));
        QCOMPARE(found[1].toString(), QStringLiteral("pairs.json:5:2: error: contrast pair names color.nope, which is "
                                                     "not a token [contrast] [color.nope]"));
    }

    void testBadPairsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a list") << json("{}") << QStringLiteral("pairs.json:1:1: error: a pairs file must be an array");
        QTest::newRow("a pair without a background")
            << json("[{'foreground': 'a'}]") << QStringLiteral("pairs.json:1:2: error: a contrast pair needs \"background\"");
        QTest::newRow("a minimum that is not a ratio")
            << json("[{'foreground': 'a', 'background': 'b', 'min': 0}]")
            << QStringLiteral("pairs.json:1:48: error: \"min\" must be a contrast ratio");
        QTest::newRow("an unknown member") << json("[{'fg': 'a'}]")
                                           << QStringLiteral("pairs.json:1:9: error: unknown member \"fg\"");
    }
    void testBadPairsAreLocated()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        Diagnostics problems;
        QVERIFY(ContrastPairs::parse(text, QStringLiteral("pairs.json"), problems).empty());
        QVERIFY(!problems.empty());
        QVERIFY2(problems[0].toString().startsWith(expected), qPrintable(lines(problems)));
    }

    void testBadContrastDeclarationIsReportedAtTheToken()
    {
        const TokenSet set = read(json("{'color': {'$type': 'color', 'fg': {'$value': '#777',"
                                       " '$extensions': {'io.helios.contrast': {'min': 4.5}}},"
                                       " 'other': {'$value': '#777', '$extensions': {'io.helios.contrast': {'against': '{color.bg}'}}}}}"));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Contrast)).run(set);
        QCOMPARE(found.size(), size_t(2));
        QVERIFY2(found[0].toString().startsWith(QStringLiteral("base.json:1:30: error: a contrast pair needs \"against\"")),
                 qPrintable(lines(found)));
        QVERIFY(found[1].message.contains(QStringLiteral("color.bg, which is not a token")));
    }

    void testDuplicateValues_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("duplicates");
        QTest::newRow("two colours written the same are duplicates")
            << json("{'c': {'$type': 'color', 'a': {'$value': '#ffffff'}, 'b': {'$value': '#ffffff'}}}")
            << QStringList{QStringLiteral("c.b")};
        QTest::newRow("the same colour written differently is still a duplicate")
            << json("{'c': {'$type': 'color', 'a': {'$value': '#FFF'},"
                    " 'b': {'$value': {'colorSpace': 'srgb', 'components': [1, 1, 1]}}}}")
            << QStringList{QStringLiteral("c.b")};
        QTest::newRow("an alias is no duplicate of its target")
            << json("{'c': {'$type': 'color', 'a': {'$value': '#fff'}, 'b': {'$value': '{c.a}'}, 'd': {'$value': '{c.b}'}}}")
            << QStringList{};
        QTest::newRow("equal text in different types is no duplicate")
            << json("{'a': {'$type': 'number', '$value': 4}, 'b': {'$type': 'fontWeight', '$value': 4}}") << QStringList{};
        QTest::newRow("different values are no duplicates")
            << json("{'s': {'$type': 'dimension', 'a': {'$value': '4px'}, 'b': {'$value': '8px'}}}") << QStringList{};
        QTest::newRow("a third copy is reported too")
            << json("{'s': {'$type': 'dimension', 'a': {'$value': '4px'}, 'b': {'$value': '4px'}, 'c': {'$value': '4px'}}}")
            << QStringList{QStringLiteral("s.b"), QStringLiteral("s.c")};
    }
    void testDuplicateValues()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, duplicates);
        const TokenSet set = read(text);
        QVERIFY2(!set.hasErrors(), qPrintable(lines(set.diagnostics())));
        QStringList actual;
        for (const Diagnostic &d : TokenLinter(only(LintConfig::Rule::DuplicateValues)).run(set)) {
            QCOMPARE(d.severity, Diagnostic::Severity::Warning);
            actual.append(d.tokenPath);
        }
        QCOMPARE(actual, duplicates);
    }

    void testDuplicateMessageNamesTheFirst()
    {
        const TokenSet set = read(json("{'c': {'$type': 'color', 'a': {'$value': '#fff'},\n 'b': {'$value': '#fff'}}}"));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::DuplicateValues)).run(set);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].toString(), QStringLiteral("base.json:2:2: warning: same value as c.a; alias it instead "
                                                     "[duplicate-values] [c.b] (found #ffffff)"));
    }

    void testNaming_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("offenders");
        QTest::newRow("kebab case passes the default")
            << QString() << json("{'brand-color': {'$type': 'color', 'primary-500': {'$value': '#fff'}}}") << QStringList{};
        QTest::newRow("camel case fails the default")
            << QString() << json("{'brandColor': {'$type': 'color', 'primary': {'$value': '#fff'}}}")
            << QStringList{QStringLiteral("brandColor.primary")};
        QTest::newRow("a root token is judged by its group")
            << QString() << json("{'accent': {'$type': 'color', '$root': {'$value': '#fff'}}}") << QStringList{};
        QTest::newRow("a custom pattern allows camel case")
            << QStringLiteral("^[a-z][a-zA-Z0-9]*$") << json("{'brandColor': {'$type': 'color', 'primary': {'$value': '#fff'}}}")
            << QStringList{};
        QTest::newRow("a custom pattern rejects kebab case")
            << QStringLiteral("^[a-z][a-zA-Z0-9]*$") << json("{'brand-color': {'$type': 'color', 'x': {'$value': '#fff'}}}")
            << QStringList{QStringLiteral("brand-color.x")};
    }
    void testNaming()
    {
        QFETCH(QString, pattern);
        QFETCH(QByteArray, text);
        QFETCH(QStringList, offenders);
        LintConfig config = only(LintConfig::Rule::Naming);
        if (!pattern.isEmpty())
            config.naming.pattern = QRegularExpression(pattern);
        const TokenSet set = read(text);
        QStringList actual;
        for (const Diagnostic &d : TokenLinter(config).run(set))
            actual.append(d.tokenPath);
        QCOMPARE(actual, offenders);
    }

    void testNamingLooksAtATheme()
    {
        const QByteArray base = json("{'c': {'$type': 'color', 'a': {'$value': '#fff'}}}");
        const QByteArray dark = json("{'c': {'$type': 'color', 'Extra': {'$value': '#000'}}}");
        const TokenSet light = read(base);
        const TokenSet themed = read({{QStringLiteral("base.json"), base}, {QStringLiteral("dark.json"), dark}});
        const std::vector<LintTheme> themes{{QStringLiteral("dark"), &themed, {QStringLiteral("dark.json")}}};
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Naming)).run(light, themes);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].file, QStringLiteral("dark.json"));
    }

    void testRequiredModes_data()
    {
        QTest::addColumn<QByteArray>("dark");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("a theme overriding every colour satisfies the rule")
            << json("{'color': {'bg': {'$value': '#000'}, 'fg': {'$value': '#fff'}}}") << QStringList{};
        QTest::newRow("a colour the theme leaves alone is reported")
            << json("{'color': {'bg': {'$value': '#000'}}}") << QStringList{QStringLiteral("color.fg")};
        QTest::newRow("tokens outside the listed groups are not required")
            << json("{'color': {'bg': {'$value': '#000'}, 'fg': {'$value': '#fff'}}}") << QStringList{};
    }
    void testRequiredModes()
    {
        QFETCH(QByteArray, dark);
        QFETCH(QStringList, missing);
        const QByteArray base = json("{'color': {'$type': 'color', 'bg': {'$value': '#fff'}, 'fg': {'$value': '#000'}},"
                                     " 'space': {'$type': 'dimension', 'x': {'$value': '4px'}}}");
        const TokenSet light = read(base);
        const TokenSet themed = read({{QStringLiteral("base.json"), base}, {QStringLiteral("dark.json"), dark}});
        const std::vector<LintTheme> themes{{QStringLiteral("dark"), &themed, {QStringLiteral("dark.json")}}};
        LintConfig config = only(LintConfig::Rule::RequiredModes);
        config.requiredModes.groups = QStringList{QStringLiteral("color")};
        config.requiredModes.themes = QStringList{QStringLiteral("dark")};
        QStringList actual;
        for (const Diagnostic &d : TokenLinter(config).run(light, themes)) {
            QCOMPARE(d.severity, Diagnostic::Severity::Error);
            QCOMPARE(d.file, QStringLiteral("base.json"));
            actual.append(d.tokenPath);
        }
        QCOMPARE(actual, missing);
    }

    void testRequiredThemeThatIsNotGiven()
    {
        const TokenSet set = read(json("{'color': {'$type': 'color', 'bg': {'$value': '#fff'}}}"));
        LintConfig config = only(LintConfig::Rule::RequiredModes);
        config.file = QStringLiteral("lint.json");
        config.requiredModes.groups = QStringList{QStringLiteral("color")};
        config.requiredModes.themes = QStringList{QStringLiteral("dark")};
        const Diagnostics found = TokenLinter(config).run(set);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].toString(),
                 QStringLiteral("lint.json: error: theme dark is required but was not given [required-modes]"));
    }

    void testGamut_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("hex colours are in sRGB") << json("'#ff0000'") << false;
        QTest::newRow("display-p3 pure green is outside")
            << json("{'colorSpace': 'display-p3', 'components': [0, 1, 0]}") << true;
        QTest::newRow("a vivid oklch is outside") << json("{'colorSpace': 'oklch', 'components': [0.7, 0.35, 330]}")
                                                 << true;
        QTest::newRow("a calm oklch is inside") << json("{'colorSpace': 'oklch', 'components': [0.7, 0.05, 330]}")
                                               << false;
    }
    void testGamut()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, flagged);
        const TokenSet set = read("{\"c\": {\"$type\": \"color\", \"$value\": " + value + "}}");
        QVERIFY2(!set.hasErrors(), qPrintable(lines(set.diagnostics())));
        const Diagnostics found = TokenLinter(only(LintConfig::Rule::Gamut)).run(set);
        QCOMPARE(!found.empty(), flagged);
        if (flagged)
            QVERIFY(found[0].toString().startsWith(QStringLiteral("base.json:1:2: warning: colour lies outside sRGB [gamut] [c]")));
    }

    void testSeverityFromConfig()
    {
        const TokenSet set = read(json(contrastBase));
        LintConfig config = only(LintConfig::Rule::Contrast);
        config.contrast.severity = LintConfig::Severity::Warning;
        const Diagnostics warned = TokenLinter(config).run(set);
        QCOMPARE(warned.size(), size_t(1));
        QCOMPARE(warned[0].severity, Diagnostic::Severity::Warning);
        config.contrast.severity = LintConfig::Severity::Off;
        QVERIFY(TokenLinter(config).run(set).empty());
    }

    void testDefaultsRunEveryRule()
    {
        const TokenSet set = read(json("{'Color': {'$type': 'color', 'a': {'$value': '#777'}, 'b': {'$value': '#777',"
                                       " '$extensions': {'io.helios.contrast': {'against': '{Color.w}'}}},"
                                       " 'w': {'$value': '#fff'}, 'p3': {'$value': {'colorSpace': 'display-p3', 'components': [1, 0, 0]}}}}"));
        const Diagnostics found = TokenLinter().run(set);
        QCOMPARE(ofRule(found, QStringLiteral("contrast")).size(), size_t(1));
        QCOMPARE(ofRule(found, QStringLiteral("duplicate-values")).size(), size_t(1));
        QCOMPARE(ofRule(found, QStringLiteral("naming")).size(), size_t(4));
        QCOMPARE(ofRule(found, QStringLiteral("gamut")).size(), size_t(1));
        QVERIFY(ofRule(found, QStringLiteral("required-modes")).empty());
    }

    void testUnresolvedTokensAreLeftToTheResolver()
    {
        const TokenSet set = read(json("{'c': {'$type': 'color', 'a': {'$value': '{c.missing}'}, 'b': {'$value': '{c.missing}'}}}"));
        QVERIFY(set.hasErrors());
        QVERIFY(ofRule(TokenLinter().run(set), QStringLiteral("duplicate-values")).empty());
    }
};

QTEST_GUILESS_MAIN(TokenLinterTest)
#include "token_linter_test.moc"
