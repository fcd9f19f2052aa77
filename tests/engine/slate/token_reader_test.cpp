// SPDX-License-Identifier: Apache-2.0
#include "slate/token_reader.h"

#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::allDiagnostics;
using helios::slate::test::readAndResolve;

class TokenReaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Every type of the format module, in its string and object forms, reads cleanly.
    void testEveryTypeReads_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        auto row = [](const char *name, const char *type, const char *value) {
            QTest::newRow(name) << QString::fromLatin1(type) << QString::fromLatin1(value);
        };
        row("a colour as six hex digits", "color", "\"#ff0000\"");
        row("a colour as eight hex digits with alpha", "color", "\"#ff000080\"");
        row("a colour as three hex digits", "color", "\"#f00\"");
        row("a colour as an srgb object", "color", "{\"colorSpace\":\"srgb\",\"components\":[1,0,0],\"alpha\":0.5,\"hex\":\"#ff0000\"}");
        row("a colour as an oklch object with a none channel", "color", "{\"colorSpace\":\"oklch\",\"components\":[0.7,0.1,\"none\"]}");
        row("a dimension in pixels", "dimension", "\"16px\"");
        row("a dimension in rem as an object", "dimension", "{\"value\":1.5,\"unit\":\"rem\"}");
        row("a font family as a name", "fontFamily", "\"Inter\"");
        row("a font family as a stack", "fontFamily", "[\"Helvetica Neue\",\"Arial\",\"sans-serif\"]");
        row("a font weight as a number", "fontWeight", "350");
        row("a font weight as a name", "fontWeight", "\"semi-bold\"");
        row("a duration in milliseconds", "duration", "\"200ms\"");
        row("a duration as an object in seconds", "duration", "{\"value\":0.5,\"unit\":\"s\"}");
        row("a cubic bezier", "cubicBezier", "[0.5,0,1,1]");
        row("a number", "number", "1.5");
        row("a stroke style by name", "strokeStyle", "\"dashed\"");
        row("a stroke style with dashes", "strokeStyle", "{\"dashArray\":[\"4px\",{\"value\":2,\"unit\":\"px\"}],\"lineCap\":\"round\"}");
        row("a border", "border", "{\"color\":\"#000000\",\"width\":\"1px\",\"style\":\"solid\"}");
        row("a transition", "transition", "{\"duration\":\"200ms\",\"delay\":\"0ms\",\"timingFunction\":[0.5,0,1,1]}");
        row("a single shadow", "shadow", "{\"color\":\"#00000080\",\"offsetX\":\"0px\",\"offsetY\":\"2px\",\"blur\":\"4px\",\"spread\":\"0px\"}");
        row("a layered inset shadow", "shadow", "[{\"color\":\"#000000\",\"offsetX\":\"0px\",\"offsetY\":\"1px\",\"blur\":\"2px\",\"spread\":\"0px\",\"inset\":true},{\"color\":\"#ffffff\",\"offsetX\":\"0px\",\"offsetY\":\"0px\",\"blur\":\"1px\"}]");
        row("a gradient", "gradient", "[{\"color\":\"#ff0000\",\"position\":0},{\"color\":\"#0000ff\",\"position\":1}]");
        row("a typography", "typography", "{\"fontFamily\":\"Inter\",\"fontSize\":\"16px\",\"fontWeight\":700,\"letterSpacing\":\"0px\",\"lineHeight\":1.5}");
    }
    void testEveryTypeReads()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        const QByteArray json = "{\"t\": {\"$type\": \"" + type.toUtf8() + "\", \"$value\": " + value.toUtf8() + "}}";
        const TokenSet set = readAndResolve(json);
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        const Token *t = set.find(QStringLiteral("t"));
        QVERIFY(t);
        QCOMPARE(tokenTypeName(t->type), type);
        QVERIFY(t->resolved);
        QCOMPARE(t->resolvedValue.toJsonText(), value);
    }

    void testGroupPropertiesAreInherited()
    {
        const TokenSet set = readAndResolve(
            "{\"color\": {\"red\": {\"$value\": \"#ff0000\"}, \"$type\": \"color\", \"$deprecated\": \"use brand\",\n"
            " \"nested\": {\"blue\": {\"$value\": \"#0000ff\", \"$description\": \"Blue.\", \"$extensions\": {\"x.y\": 1}}},\n"
            " \"size\": {\"$type\": \"dimension\", \"$deprecated\": false, \"m\": {\"$value\": \"8px\"}}}}");
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        const Token *red = set.find(QStringLiteral("color.red"));
        QCOMPARE(red->type, TokenType::Color); // $type written after the token still applies
        QVERIFY(red->deprecated);
        QCOMPARE(red->deprecationMessage, QStringLiteral("use brand"));
        const Token *blue = set.find(QStringLiteral("color.nested.blue"));
        QCOMPARE(blue->type, TokenType::Color);
        QCOMPARE(blue->description, QStringLiteral("Blue."));
        QVERIFY(blue->extensions);
        QCOMPARE(blue->extensions->toJsonText(), QStringLiteral("{\"x.y\":1}"));
        const Token *m = set.find(QStringLiteral("color.size.m"));
        QCOMPARE(m->type, TokenType::Dimension);
        QVERIFY(!m->deprecated);
        QCOMPARE(set.groups().value(QStringLiteral("color")).type, TokenType::Color);
    }

    void testRootTokenBelongsToItsGroup()
    {
        const TokenSet set = readAndResolve(
            "{\"accent\": {\"$type\": \"color\", \"$root\": {\"$value\": \"#ff00ff\"}, \"light\": {\"$value\": \"{accent.$root}\"}}}");
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        QCOMPARE(set.tokens().size(), size_t(2));
        QCOMPARE(set.tokens()[0].path, QStringLiteral("accent.$root"));
        QCOMPARE(set.find(QStringLiteral("accent.light"))->resolvedValue.toString(), QStringLiteral("#ff00ff"));
    }

    void testExtendsCopiesTheBaseGroupsTokens()
    {
        const TokenSet set = readAndResolve(
            "{\"button\": {\"$type\": \"color\", \"bg\": {\"$value\": \"#111111\"}, \"fg\": {\"$value\": \"#eeeeee\"}},\n"
            " \"danger\": {\"$extends\": \"{button}\", \"bg\": {\"$value\": \"#ff0000\"}},\n"
            " \"ghost\": {\"$extends\": {\"$ref\": \"#/danger\"}, \"fg\": {\"$value\": \"#00ff00\"}}}");
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        QCOMPARE(set.find(QStringLiteral("danger.bg"))->resolvedValue.toString(), QStringLiteral("#ff0000"));
        QCOMPARE(set.find(QStringLiteral("danger.fg"))->resolvedValue.toString(), QStringLiteral("#eeeeee"));
        QCOMPARE(set.find(QStringLiteral("ghost.bg"))->resolvedValue.toString(), QStringLiteral("#ff0000"));
        QCOMPARE(set.find(QStringLiteral("ghost.fg"))->resolvedValue.toString(), QStringLiteral("#00ff00"));
    }

    void testLaterFilesOverrideEarlierOnes()
    {
        const TokenSet set = readAndResolve(QList<QByteArray>{
            "{\"c\": {\"$type\": \"color\", \"a\": {\"$value\": \"#000000\", \"$description\": \"kept\"}, \"b\": {\"$value\": \"{c.a}\"}}}",
            "{\"c\": {\"a\": {\"$value\": \"#ffffff\"}, \"z\": {\"$type\": \"number\", \"$value\": 2}}}"});
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        QCOMPARE(set.tokens().size(), size_t(3));
        const Token &a = set.tokens()[0];
        QCOMPARE(a.path, QStringLiteral("c.a"));
        QCOMPARE(a.file, QStringLiteral("b.json"));
        QCOMPARE(a.type, TokenType::Color);
        QCOMPARE(a.description, QStringLiteral("kept"));
        QCOMPARE(set.find(QStringLiteral("c.b"))->resolvedValue.toString(), QStringLiteral("#ffffff"));
        QCOMPARE(set.tokens()[2].path, QStringLiteral("c.z"));
    }

    void testFilesAreReadFromDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.tokens.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"n\": {\"$type\": \"number\", \"$value\": 3}}");
        f.close();
        TokenReader reader;
        reader.addFile(path, QStringLiteral("x.tokens.json"));
        reader.addFile(dir.filePath(QStringLiteral("missing.json")));
        const TokenSet set = reader.finish();
        QCOMPARE(set.tokens().size(), size_t(1));
        QCOMPARE(set.diagnostics().size(), size_t(1));
        QCOMPARE(set.diagnostics()[0].kind, Diagnostic::Kind::Io);
    }

    // The set's path index through growth (from empty and from a reservation), repeats,
    // absent paths and copies.
    void testTokenSetFindsEveryPathByIndex()
    {
        for (const qsizetype reserved : {qsizetype(0), qsizetype(40), qsizetype(5000)}) {
            TokenSet set;
            set.reserve(reserved);
            const auto pathOf = [](int i) { return QStringLiteral("g%1.t%2").arg(i % 7).arg(i); };
            for (int i = 0; i < 5000; ++i) {
                bool existed = true;
                QCOMPARE(set.insert(pathOf(i), &existed), i);
                QVERIFY(!existed);
            }
            bool existed = false;
            QCOMPARE(set.insert(pathOf(1234), &existed), 1234);
            QVERIFY(existed);
            QCOMPARE(set.size(), qsizetype(5000));
            const TokenSet copy = set;
            for (int i = 0; i < 5000; i += 7) {
                QCOMPARE(set.indexOf(pathOf(i)), i);
                QCOMPARE(copy.find(pathOf(i))->path, pathOf(i));
            }
            QCOMPARE(set.indexOf(QStringLiteral("g0.t5000")), -1);
            QCOMPARE(set.indexOf(QString()), -1);
            QVERIFY(!TokenSet().find(QStringLiteral("a")));
        }
    }
};

QTEST_GUILESS_MAIN(TokenReaderTest)
#include "token_reader_test.moc"
