// SPDX-License-Identifier: Apache-2.0
#include "slate/token_document.h"

#include "slate/css_value_writer.h"
#include "slate_test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;

namespace {

// Deliberately irregular formatting: edits must leave all of it alone.
const QByteArray baseJson =
    "{\n"
    "  \"color\": {\n"
    "    \"$type\": \"color\",\n"
    "    \"red\":   { \"$value\": \"#ff0000\" },\n"
    "    \"blue\": {\"$value\":\"#0000ff\",\"$description\": \"Blue.\"},\n"
    "    \"accent\": { \"$value\": \"{color.red}\" }\n"
    "  },\n"
    "  \"space\": { \"$type\": \"dimension\", \"sm\": { \"$value\": \"4px\" } },\n"
    "  \"empty\": {}\n"
    "}\n";
const QByteArray darkJson = "{ \"color\": { \"red\": { \"$value\": \"#880000\" } } }\n";

QString resolvedCss(const TokenDocument &doc, const QString &path)
{
    const Token *t = doc.tokens().find(path);
    return t && t->resolved ? CssValueWriter::write(t->type, t->resolvedValue) : QString();
}

} // namespace

class TokenDocumentTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testSetValueKeepsEverythingElse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("css");
        QTest::newRow("a colour string is replaced in place")
            << QStringLiteral("color.red") << QStringLiteral("\"#00ff00\"") << QByteArray("\"#ff0000\" }")
            << QByteArray("\"#00ff00\" }") << QStringLiteral("#00ff00");
        QTest::newRow("a value without spaces around it stays without spaces")
            << QStringLiteral("color.blue") << QStringLiteral("\"#123456\"") << QByteArray("{\"$value\":\"#0000ff\",")
            << QByteArray("{\"$value\":\"#123456\",") << QStringLiteral("#123456");
        QTest::newRow("a string dimension becomes an object dimension")
            << QStringLiteral("space.sm") << QStringLiteral("{\"value\": 8, \"unit\": \"px\"}") << QByteArray("\"4px\"")
            << QByteArray("{\"value\": 8, \"unit\": \"px\"}") << QStringLiteral("8px");
        QTest::newRow("an alias can point elsewhere")
            << QStringLiteral("color.accent") << QStringLiteral("\"{color.blue}\"") << QByteArray("\"{color.red}\"")
            << QByteArray("\"{color.blue}\"") << QStringLiteral("#0000ff");
    }
    void testSetValueKeepsEverythingElse()
    {
        QFETCH(QString, path);
        QFETCH(QString, json);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, css);
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/tokens.json"), baseJson);
        doc.reload();
        QVERIFY(!doc.tokens().hasErrors());
        const auto edit = doc.setValue(path, json);
        QVERIFY2(edit.ok(), qPrintable(edit.ok() ? QString() : edit.error().toString()));
        QByteArray expected = baseJson;
        expected.replace(expected.indexOf(from), from.size(), to);
        QCOMPARE(doc.files().front().text, expected);
        QCOMPARE(resolvedCss(doc, path), css);
        QVERIFY(doc.isModified());
    }

    void testInvalidValueIsRejected_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("kind");
        QTest::newRow("text that is not JSON is a malformed-JSON diagnostic")
            << QStringLiteral("color.red") << QStringLiteral("\"#ff0000") << int(Diagnostic::Kind::MalformedJson);
        QTest::newRow("a colour that is not a colour is a bad value")
            << QStringLiteral("color.red") << QStringLiteral("\"not a colour\"") << int(Diagnostic::Kind::BadValue);
        QTest::newRow("an alias to nothing is a missing target")
            << QStringLiteral("color.accent") << QStringLiteral("\"{color.nope}\"") << int(Diagnostic::Kind::MissingAliasTarget);
        QTest::newRow("an alias to a dimension from a colour is a type mismatch")
            << QStringLiteral("color.accent") << QStringLiteral("\"{space.sm}\"") << int(Diagnostic::Kind::TypeMismatch);
    }
    void testInvalidValueIsRejected()
    {
        QFETCH(QString, path);
        QFETCH(QString, json);
        QFETCH(int, kind);
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/tokens.json"), baseJson);
        doc.reload();
        const quint64 revision = doc.revision();
        const auto edit = doc.setValue(path, json);
        QVERIFY(!edit.ok());
        QVERIFY(!doc.rejectedDiagnostics().empty());
        QCOMPARE(int(doc.rejectedDiagnostics().front().kind), kind);
        QCOMPARE(doc.rejectedDiagnostics().front().tokenPath, path);
        QCOMPARE(doc.files().front().text, baseJson);
        QCOMPARE(doc.revision(), revision);
        QVERIFY(!doc.tokens().hasErrors());
    }

    void testStructuralEdits_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<QByteArray>("expected");
        QByteArray renamed = baseJson;
        renamed.replace("\"red\":   {", "\"crimson\":   {");
        QTest::newRow("renaming changes only the key") << 0 << renamed;
        QByteArray removedFirst = baseJson;
        removedFirst.replace("\"$type\": \"color\",\n    \"red\":   { \"$value\": \"#ff0000\" },\n    ", "\"$type\": \"color\",\n    ");
        QTest::newRow("removing a middle member takes its separator with it") << 1 << removedFirst;
        QByteArray removedLast = baseJson;
        removedLast.replace(",\n    \"accent\": { \"$value\": \"{color.red}\" }", "");
        QTest::newRow("removing the last member takes the comma before it") << 2 << removedLast;
        QByteArray added = baseJson;
        added.replace("\"{color.red}\" }\n", "\"{color.red}\" },\n    \"green\": { \"$value\": \"#00ff00\" }\n");
        QTest::newRow("adding goes after the last member with its indentation") << 3 << added;
        QByteArray addedEmpty = baseJson;
        addedEmpty.replace("\"empty\": {}", "\"empty\": { \"gap\": { \"$type\": \"dimension\", \"$value\": \"2px\" } }");
        QTest::newRow("adding to an empty group writes the type it does not inherit") << 4 << addedEmpty;
        QByteArray addedNested = baseJson;
        addedNested.replace("\"sm\": { \"$value\": \"4px\" }", "\"sm\": { \"$value\": \"4px\" }, \"x\": { \"lg\": { \"$value\": \"16px\" } }");
        QTest::newRow("adding to a missing group creates the group") << 5 << addedNested;
    }
    void testStructuralEdits()
    {
        QFETCH(int, operation);
        QFETCH(QByteArray, expected);
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/tokens.json"), baseJson);
        doc.reload();
        helios::Result<TokenTextEdit> edit = makeEdit(doc, operation);
        QVERIFY2(edit.ok(), qPrintable(edit.ok() ? QString() : edit.error().toString()));
        QCOMPARE(doc.files().front().text, expected);
        QVERIFY(!(operation == 0 || operation == 1) || doc.tokens().hasErrors() == (operation == 0 || operation == 1));
        // Undo by the inverse edit restores the original bytes.
        QVERIFY(doc.apply(edit->inverse()).ok());
        QCOMPARE(doc.files().front().text, baseJson);
        QVERIFY(!doc.tokens().hasErrors());
        QVERIFY(doc.apply(*edit).ok());
        QCOMPARE(doc.files().front().text, expected);
    }

    void testStaleEditIsAConflict()
    {
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/tokens.json"), baseJson);
        doc.reload();
        TokenTextEdit stale{0, 3, QByteArray("nope"), QByteArray("x")};
        const auto result = doc.apply(stale);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, helios::ErrorCode::Conflict);
        QCOMPARE(doc.files().front().text, baseJson);
    }

    void testThemeLayerEditsGoToTheLayer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = dir.filePath(QStringLiteral("colors.tokens.json"));
        const QString dark = dir.filePath(QStringLiteral("colors.dark.tokens.json"));
        QVERIFY(test::writeFile(base, baseJson));
        QVERIFY(test::writeFile(dark, darkJson));
        const QStringList all{base, dark};
        QCOMPARE(TokenDocument::themeFromFileName(base, all), QString());
        QCOMPARE(TokenDocument::themeFromFileName(dark, all), QStringLiteral("dark"));
        TokenDocument doc;
        for (const QString &f : all)
            QVERIFY(doc.addFile(f, TokenDocument::themeFromFileName(f, all)).ok());
        doc.reload();
        QCOMPARE(doc.themes(), QStringList{QStringLiteral("dark")});
        QCOMPARE(resolvedCss(doc, QStringLiteral("color.accent")), QStringLiteral("#ff0000"));
        doc.setActiveTheme(QStringLiteral("dark"));
        QCOMPARE(resolvedCss(doc, QStringLiteral("color.accent")), QStringLiteral("#880000"));
        QVERIFY(doc.setValue(QStringLiteral("color.red"), QStringLiteral("\"#440000\"")).ok());
        QCOMPARE(doc.files()[0].text, baseJson);
        QCOMPARE(doc.files()[1].text, QByteArray("{ \"color\": { \"red\": { \"$value\": \"#440000\" } } }\n"));
        QVERIFY(!doc.files()[0].isModified());
        QVERIFY(doc.files()[1].isModified());
    }

    void testSaveRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        QVERIFY(test::writeFile(path, baseJson));
        TokenDocument doc;
        QVERIFY(doc.addFile(path).ok());
        doc.reload();
        QVERIFY(!doc.isModified());
        QVERIFY(doc.setValue(QStringLiteral("color.red"), QStringLiteral("\"#abcdef\"")).ok());
        QVERIFY(doc.save().ok());
        QVERIFY(!doc.isModified());
        QByteArray expected = baseJson;
        expected.replace("#ff0000", "#abcdef");
        QCOMPARE(test::readFile(path), expected);
        // No temporary file is left next to it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("tokens.json")});

        TokenDocument again;
        QVERIFY(again.addFile(path).ok());
        again.reload();
        QCOMPARE(resolvedCss(again, QStringLiteral("color.accent")), QStringLiteral("#abcdef"));
    }

    void testSaveReportsErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TokenDocument doc;
        doc.addData(dir.filePath(QStringLiteral("missing-dir/tokens.json")), baseJson);
        doc.reload();
        const auto saved = doc.save();
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, helios::ErrorCode::Io);
        QVERIFY(saved.error().context.endsWith(QStringLiteral("tokens.json")));
        QVERIFY(doc.isModified());
    }

    void testReadingAgainIsFast()
    {
        // Thousands of tokens: an edit must re-read within an interactive budget. Not a
        // benchmark, a guard against an accidental quadratic step (generous bound).
        QByteArray json = "{\n  \"c\": {\n    \"$type\": \"color\"";
        for (int i = 0; i < 5000; ++i)
            json += ",\n    \"t" + QByteArray::number(i) + "\": { \"$value\": \""
                    + (i % 3 ? QByteArray("{c.t") + QByteArray::number(i / 2) + "}" : QByteArray("#102030")) + "\" }";
        json += "\n  }\n}\n";
        TokenDocument doc;
        doc.addData(QStringLiteral("/virtual/big.json"), json);
        doc.reload();
        QVERIFY(!doc.tokens().hasErrors());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(doc.setValue(QStringLiteral("c.t0"), QStringLiteral("\"#ffffff\"")).ok());
        const qint64 ms = timer.elapsed();
        qInfo("one edit of 5000 tokens: %lld ms", ms);
        QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
        QCOMPARE(resolvedCss(doc, QStringLiteral("c.t1")), QStringLiteral("#ffffff"));
    }

private:
    static helios::Result<TokenTextEdit> makeEdit(TokenDocument &doc, int operation)
    {
        switch (operation) {
        case 0: return doc.renameToken(QStringLiteral("color.red"), QStringLiteral("crimson"));
        case 1: return doc.removeToken(QStringLiteral("color.red"));
        case 2: return doc.removeToken(QStringLiteral("color.accent"));
        case 3: return doc.addToken(QStringLiteral("color"), QStringLiteral("green"), TokenType::Color, QStringLiteral("\"#00ff00\""));
        case 4: return doc.addToken(QStringLiteral("empty"), QStringLiteral("gap"), TokenType::Dimension, QStringLiteral("\"2px\""));
        default: return doc.addToken(QStringLiteral("space.x"), QStringLiteral("lg"), TokenType::Dimension, QStringLiteral("\"16px\""));
        }
    }
};

QTEST_GUILESS_MAIN(TokenDocumentTest)
#include "token_document_test.moc"
