// SPDX-License-Identifier: Apache-2.0
// The dev server's own CSS-module scoping: what it takes it scopes exactly as esbuild does
// (checked against the real esbuild, stylesheet by stylesheet), what it does not take it
// leaves to esbuild, and CssModuleCompiler starts esbuild only for those.
#include "ignis/dev/css_module_compiler.h"
#include "ignis/dev/css_module_scoper.h"

#include "core/config.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using helios::test::writeFile;
using namespace helios::ignis;

namespace {

// Stylesheets compare equal without comments, whitespace and the last ';' of a block:
// esbuild prints its own layout.
QByteArray normalized(QByteArray css)
{
    static const QRegularExpression comments(QStringLiteral("/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption);
    QString text = QString::fromUtf8(css).remove(comments);
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    text.replace(QStringLiteral(";}"), QStringLiteral("}"));
    return text.toUtf8();
}

// `key: "value"` pairs of esbuild's `var x_default = {...}`, in order.
QList<std::pair<QByteArray, QByteArray>> classMap(const QByteArray &script)
{
    static const QRegularExpression pair(QStringLiteral("^\\s*\"?([\\w-]+)\"?: \"([^\"]+)\",?$"), QRegularExpression::MultilineOption);
    QList<std::pair<QByteArray, QByteArray>> map;
    for (auto it = pair.globalMatch(QString::fromUtf8(script)); it.hasNext();) {
        const auto match = it.next();
        map.append({match.captured(1).toUtf8(), match.captured(2).toUtf8()});
    }
    return map;
}

} // namespace

class CssModuleScoperTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = Config::embedded(m_dir.filePath(QStringLiteral("data")));
        writeFile(m_dir.filePath(QStringLiteral("package.json")), "{\"name\": \"scoper\"}");
        auto toolchain = EsbuildToolchain::locate(m_config, m_dir.path());
        QVERIFY2(toolchain.ok(), qPrintable(toolchain.ok() ? QString() : toolchain.error().toString()));
        m_toolchain = *toolchain;
    }

    void stemsAreEsbuildsPrefixes()
    {
        QCOMPARE(cssModuleStem(QStringLiteral("Button.module.css")), QByteArray("Button"));
        QCOMPARE(cssModuleStem(QStringLiteral("button-group.module.css")), QByteArray("button_group"));
        QCOMPARE(cssModuleStem(QStringLiteral("_x1.module.css")), QByteArray("_x1"));
        // Names esbuild makes identifiers of its own way: left to it.
        QCOMPARE(cssModuleStem(QStringLiteral("1col.module.css")), QByteArray());
        QCOMPARE(cssModuleStem(QStringLiteral("a.b.module.css")), QByteArray());
        QCOMPARE(cssModuleStem(QStringLiteral("Caf\u00e9.module.css")), QByteArray());
        QCOMPARE(cssModuleStem(QStringLiteral(".module.css")), QByteArray());
        QCOMPARE(cssModuleStem(QStringLiteral("plain.css")), QByteArray());
    }

    void plainStylesheetsAreScopedAsEsbuildScopesThem_data()
    {
        QTest::addColumn<QByteArray>("css");
        QTest::newRow("rules") << QByteArray(".card { padding: 1px; }\n.title{margin:0}\n");
        QTest::newRow("selectors") << QByteArray(".a.b:hover > .c-d, .e { color: red; }\n"
                                                 ".f:not(.a) .g::before { content: \".x {\"; }\n"
                                                 "div > .k[data-x=\"a.b\"] + .Upper ~ ._u { x: y }\n"
                                                 ".l:nth-child(2n+1 of .a) { color: blue }\n");
        QTest::newRow("groups") << QByteArray("@media (min-width: 600px) { .h { color: blue } .a { color: red } }\n"
                                              "@supports (display: grid) { @media print { .i { display: grid } } }\n"
                                              "@layer base, theme;\n@layer base { .j { color: red } }\n");
        QTest::newRow("font face") << QByteArray("@font-face { font-family: X; src: local(X); }\n"
                                                 ".m { background: #fff; font-family: X; }\n");
        QTest::newRow("comments") << QByteArray("/* .x { } */\n.p /* .y */ { color: red /* .z */; }\n");
        QTest::newRow("no classes") << QByteArray("div { margin: 0 }\n");
        QTest::newRow("empty") << QByteArray("");
    }

    void plainStylesheetsAreScopedAsEsbuildScopesThem()
    {
        QFETCH(QByteArray, css);
        const std::optional<ScopedCssModule> scoped = scopeCssModule(QStringLiteral("button-group.module.css"), css);
        QVERIFY(scoped);

        const QString dir = m_dir.filePath(QStringLiteral("reference/") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        writeFile(dir + QStringLiteral("/button-group.module.css"), css);
        writeFile(dir + QStringLiteral("/entry.js"), "export { default as m } from \"./button-group.module.css\";\n");
        QProcess esbuild;
        esbuild.setWorkingDirectory(dir);
        esbuild.start(m_toolchain.binary, {QStringLiteral("entry.js"), QStringLiteral("--bundle"), QStringLiteral("--format=esm"),
                                           QStringLiteral("--outdir=out"), QStringLiteral("--log-level=error")});
        QVERIFY(esbuild.waitForFinished(60000));
        QVERIFY2(esbuild.exitCode() == 0, esbuild.readAllStandardError().constData());
        QFile script(dir + QStringLiteral("/out/entry.js"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QFile sheet(dir + QStringLiteral("/out/entry.css"));
        const QByteArray reference = sheet.open(QIODevice::ReadOnly) ? sheet.readAll() : QByteArray();

        QCOMPARE(scoped->classes, classMap(script.readAll()));
        QCOMPARE(normalized(scoped->css), normalized(reference));
    }

    void theRestIsLeftToEsbuild_data()
    {
        QTest::addColumn<QByteArray>("css");
        QTest::newRow("id") << QByteArray("#main { color: red }");
        QTest::newRow("keyframes") << QByteArray(".a { color: red }\n@keyframes spin { from { opacity: 0 } }");
        QTest::newRow("animation") << QByteArray(".a { animation: spin 1s }");
        QTest::newRow("animation name") << QByteArray(".a { -webkit-animation-name: spin }");
        QTest::newRow("container") << QByteArray("@container card (min-width: 1px) { .a { x: y } }");
        QTest::newRow("container name") << QByteArray(".a { container: card / inline-size }");
        QTest::newRow("counter style") << QByteArray(".a { list-style-type: stars }");
        QTest::newRow("url") << QByteArray(".a { background: URL(a.png) }");
        QTest::newRow("image set") << QByteArray(".a { background-image: image-set(\"a.png\" 1x) }");
        QTest::newRow("composes") << QByteArray(".a { color: red; composes: b; }");
        QTest::newRow("global") << QByteArray(":global(.x) .a { color: red }");
        QTest::newRow("local") << QByteArray(":local(.a) { color: red }");
        QTest::newRow("nesting") << QByteArray(".a { color: red; & .b { color: blue } }");
        QTest::newRow("import") << QByteArray("@import \"other.css\";\n.a { color: red }");
        QTest::newRow("charset") << QByteArray("@charset \"utf-8\";\n.a { color: red }");
        QTest::newRow("escape") << QByteArray(".sm\\:p-2 { padding: 2px }");
        QTest::newRow("non-ascii") << QByteArray(".caf\xc3\xa9 { color: red }");
        QTest::newRow("digit class") << QByteArray(".5 { color: red }");
        QTest::newRow("unclosed block") << QByteArray(".a { color: red");
        QTest::newRow("unclosed comment") << QByteArray(".a { color: red } /* ");
        QTest::newRow("unclosed string") << QByteArray(".a { content: \"x\n}");
        QTest::newRow("stray brace") << QByteArray("} .a { color: red }");
    }

    void theRestIsLeftToEsbuild()
    {
        QFETCH(QByteArray, css);
        QVERIFY(!scopeCssModule(QStringLiteral("Card.module.css"), css));
    }

    void compilerStartsEsbuildOnlyForWhatTheScoperLeaves()
    {
        const QString project = m_dir.filePath(QStringLiteral("project"));
        writeFile(project + QStringLiteral("/src/Card.module.css"), ".card { color: red }\n");
        writeFile(project + QStringLiteral("/src/Spin.module.css"), ".spin { animation: turn 1s }\n@keyframes turn { to { rotate: 1turn } }\n");
        writeFile(project + QStringLiteral("/src/a/Item.module.css"), ".item { color: red }\n");
        writeFile(project + QStringLiteral("/src/b/Item.module.css"), ".item { color: blue }\n");

        // Plain modules only: no esbuild.
        CssModuleCompiler plain(m_toolchain, project, project + QStringLiteral("/.work"));
        plain.start({QStringLiteral("/src/Card.module.css")});
        QVERIFY(!plain.startedEsbuild());
        auto scoped = plain.finish();
        QVERIFY(scoped.ok());
        const CssModuleCompiler::Output card = scoped->value(QStringLiteral("/src/Card.module.css"));
        QCOMPARE(card.classes, QByteArray("// src/Card.module.css\nvar Card_default = {\n  card: \"Card_card\"\n};\n"
                                          "export {\n  Card_default as default\n};\n"));
        QCOMPARE(card.css, QByteArray("/* src/Card.module.css */\n.Card_card { color: red }\n"));

        // Keyframes, and two modules of one stem (esbuild tells their names apart): esbuild.
        CssModuleCompiler mixed(m_toolchain, project, project + QStringLiteral("/.work"));
        mixed.start({QStringLiteral("/src/Card.module.css"), QStringLiteral("/src/Spin.module.css"),
                     QStringLiteral("/src/a/Item.module.css"), QStringLiteral("/src/b/Item.module.css")});
        QVERIFY(mixed.startedEsbuild());
        auto compiled = mixed.finish();
        QVERIFY2(compiled.ok(), qPrintable(compiled.ok() ? QString() : compiled.error().toString()));
        QCOMPARE(compiled->size(), 4);
        QCOMPARE(compiled->value(QStringLiteral("/src/Card.module.css")).classes, card.classes);
        const CssModuleCompiler::Output spin = compiled->value(QStringLiteral("/src/Spin.module.css"));
        QVERIFY2(spin.css.contains("@keyframes Spin_turn"), spin.css.constData());
        QVERIFY2(spin.classes.contains("spin: \"Spin_spin\"") && spin.classes.contains("Spin_default as default"), spin.classes.constData());
        const QByteArray a = compiled->value(QStringLiteral("/src/a/Item.module.css")).classes;
        const QByteArray b = compiled->value(QStringLiteral("/src/b/Item.module.css")).classes;
        QVERIFY2(a.contains("item: \"Item_item") && b.contains("item: \"Item_item") && classMap(a) != classMap(b),
                 QByteArray(a + b).constData());
    }

private:
    QTemporaryDir m_dir;
    Config m_config = Config::embedded(QString());
    EsbuildToolchain m_toolchain;
};

QTEST_GUILESS_MAIN(CssModuleScoperTest)
#include "css_module_scoper_test.moc"
