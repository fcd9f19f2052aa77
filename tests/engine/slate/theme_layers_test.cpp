// SPDX-License-Identifier: Apache-2.0
#include "slate/theme_layers.h"

#include "slate/css_formatter.h"
#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::allDiagnostics;
using helios::slate::test::readAndResolve;

namespace {
const QByteArray light =
    "{\"c\": {\"$type\": \"color\", \"white\": {\"$value\": \"#ffffff\"}, \"black\": {\"$value\": \"#000000\"},\n"
    " \"bg\": {\"$value\": \"{c.white}\"}, \"surface\": {\"$value\": \"{c.bg}\"}, \"fixed\": {\"$value\": \"#123456\"}},\n"
    " \"edge\": {\"$type\": \"border\", \"$value\": {\"color\": \"{c.surface}\", \"width\": \"1px\", \"style\": \"solid\"}},\n"
    " \"gap\": {\"$type\": \"dimension\", \"$value\": \"4px\"}}";
const QByteArray dark = "{\"c\": {\"bg\": {\"$value\": \"{c.black}\"}}}";
}

class ThemeLayersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testChangedTokens_data()
    {
        QTest::addColumn<QByteArray>("layer");
        QTest::addColumn<QStringList>("changed");
        QTest::newRow("an override brings every token that aliases it, through chains and composites")
            << dark << QStringList{QStringLiteral("c.bg"), QStringLiteral("c.surface"), QStringLiteral("edge")};
        QTest::newRow("an override of a token nobody aliases brings only itself")
            << QByteArray("{\"gap\": {\"$value\": \"8px\"}}") << QStringList{QStringLiteral("gap")};
        QTest::newRow("an empty layer changes nothing") << QByteArray("{}") << QStringList();
    }
    void testChangedTokens()
    {
        QFETCH(QByteArray, layer);
        QFETCH(QStringList, changed);
        const TokenSet themed = readAndResolve(QList<QByteArray>{light, layer});
        QVERIFY2(!themed.hasErrors(), qPrintable(allDiagnostics(themed)));
        QStringList paths;
        for (const int i : ThemeLayers::changedTokens(themed, {QStringLiteral("b.json")}))
            paths.append(themed.tokens()[size_t(i)].path);
        QCOMPARE(paths, changed);
    }

    void testDarkBlockHoldsOnlyChangedTokens()
    {
        const TokenSet base = readAndResolve(light);
        const TokenSet themed = readAndResolve(QList<QByteArray>{light, dark});
        FormatOptions options;
        const QByteArray css = CssFormatter::format(
            base, options, {{QStringLiteral("[data-theme=\"dark\"]"), &themed, ThemeLayers::changedTokens(themed, {QStringLiteral("b.json")})}});
        const QByteArray block = css.mid(css.indexOf("[data-theme=\"dark\"]"));
        QCOMPARE(block, QByteArray("[data-theme=\"dark\"] {\n  --c-bg: #000000;\n  --c-surface: #000000;\n  --edge: 1px solid #000000;\n}\n"));
    }

    void testReadThemedFromDisk()
    {
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(QStringLiteral("light.json"), light);
        write(QStringLiteral("dark.json"), dark);
        const TokenSet themed = ThemeLayers::readThemed({dir.filePath(QStringLiteral("light.json"))}, {dir.filePath(QStringLiteral("dark.json"))});
        QVERIFY2(!themed.hasErrors(), qPrintable(allDiagnostics(themed)));
        QCOMPARE(themed.find(QStringLiteral("c.surface"))->resolvedValue.toString(), QStringLiteral("#000000"));
        QCOMPARE(ThemeLayers::changedTokens(themed, {dir.filePath(QStringLiteral("dark.json"))}).size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(ThemeLayersTest)
#include "theme_layers_test.moc"
