// SPDX-License-Identifier: Apache-2.0
#include "slate/json_reader.h"

#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTest>

using helios::slate::Diagnostic;
using helios::slate::JsonReader;
using helios::slate::JsonValue;
using helios::slate::SourcePosition;

namespace {
const QString file = QStringLiteral("t.json");
}

class JsonReaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testValuesRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("compact");
        QTest::newRow("an empty object reads as an empty object") << QByteArray("{}") << QStringLiteral("{}");
        QTest::newRow("scalars keep their kinds")
            << QByteArray("[true, false, null, 0, -1.5, 2e3, \"x\"]") << QStringLiteral("[true,false,null,0,-1.5,2000,\"x\"]");
        QTest::newRow("members keep their source order")
            << QByteArray("{\"b\": 1, \"a\": {\"z\": [], \"y\": {}}}") << QStringLiteral("{\"b\":1,\"a\":{\"z\":[],\"y\":{}}}");
        QTest::newRow("escapes are decoded and re-encoded")
            << QByteArray("\"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\"") << QStringLiteral("\"a\\\"b\\\\c/d\\n\u00e9\U0001F600\"");
        QTest::newRow("utf-8 text passes through") << QByteArray("\"gr\xc3\xbcn\"") << QStringLiteral("\"gr\u00fcn\"");
        QTest::newRow("a byte order mark is skipped") << QByteArray("\xef\xbb\xbf[1]") << QStringLiteral("[1]");
        QTest::newRow("a decimal fraction prints shortest") << QByteArray("0.1") << QStringLiteral("0.1");
    }
    void testValuesRoundTrip()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, compact);
        const auto r = JsonReader::parse(input, file);
        QVERIFY(r.complete);
        QVERIFY(r.diagnostics.empty());
        QCOMPARE(r.root.toJsonText(), compact);
    }

    void testPositionsOfKeysAndValues_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("keyLine");
        QTest::addColumn<int>("keyColumn");
        QTest::addColumn<int>("valueLine");
        QTest::addColumn<int>("valueColumn");
        QTest::newRow("a key on the first line")
            << QByteArray("{\"a\": 1}") << QStringLiteral("a") << 1 << 2 << 1 << 7;
        QTest::newRow("a key on a later line with indentation")
            << QByteArray("{\n  \"x\": 1,\n    \"b\":\n\t[2]\n}") << QStringLiteral("b") << 3 << 5 << 4 << 2;
        QTest::newRow("columns count characters, not bytes")
            << QByteArray("{\"\xc3\xa9\xc3\xa9\": 1, \"c\": \"d\"}") << QStringLiteral("c") << 1 << 11 << 1 << 16;
        QTest::newRow("windows line endings count one line each")
            << QByteArray("{\r\n\"a\": 1,\r\n  \"c\": true}") << QStringLiteral("c") << 3 << 3 << 3 << 8;
    }
    void testPositionsOfKeysAndValues()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, key);
        QFETCH(int, keyLine);
        QFETCH(int, keyColumn);
        QFETCH(int, valueLine);
        QFETCH(int, valueColumn);
        const auto r = JsonReader::parse(input, file);
        QVERIFY(r.complete);
        const JsonValue *v = r.root.member(key);
        QVERIFY(v);
        QCOMPARE(v->keyPosition(), (SourcePosition{keyLine, keyColumn}));
        QCOMPARE(v->position(), (SourcePosition{valueLine, valueColumn}));
    }

    void testMalformedJsonIsLocated_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a missing comma between members") << QByteArray("{\"a\": 1\n \"b\": 2}") << 2 << 2 << QStringLiteral("',' or '}'");
        QTest::newRow("a trailing comma in an object") << QByteArray("{\"a\": 1,\n}") << 2 << 1 << QStringLiteral("member name");
        QTest::newRow("an unterminated string") << QByteArray("{\"a\": \"abc") << 1 << 11 << QStringLiteral("unterminated");
        QTest::newRow("a single-quoted key") << QByteArray("{'a': 1}") << 1 << 2 << QStringLiteral("member name");
        QTest::newRow("a raw newline inside a string") << QByteArray("[\"a\nb\"]") << 1 << 4 << QStringLiteral("control character");
        QTest::newRow("a number with a leading dot") << QByteArray("[.5]") << 1 << 2 << QStringLiteral("expected a value");
        QTest::newRow("a number without digits after the point") << QByteArray("[1.]") << 1 << 4 << QStringLiteral("invalid number");
        QTest::newRow("a misspelt literal") << QByteArray("[tru]") << 1 << 2 << QStringLiteral("invalid literal");
        QTest::newRow("content after the top-level value") << QByteArray("{} {}") << 1 << 4 << QStringLiteral("after the top-level");
        QTest::newRow("an empty file") << QByteArray("") << 1 << 1 << QStringLiteral("end of file");
        QTest::newRow("a bad escape") << QByteArray("[\"\\x\"]") << 1 << 4 << QStringLiteral("invalid escape");
        QTest::newRow("nesting deeper than the limit") << QByteArray(300, '[') << 1 << 257 << QStringLiteral("too deep");
    }
    void testMalformedJsonIsLocated()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        const auto r = JsonReader::parse(input, file);
        QVERIFY(!r.complete);
        QCOMPARE(r.diagnostics.size(), size_t(1));
        const Diagnostic &d = r.diagnostics.front();
        QCOMPARE(d.kind, Diagnostic::Kind::MalformedJson);
        QCOMPARE(d.file, file);
        QCOMPARE(d.position, (SourcePosition{line, column}));
        QVERIFY2(d.toString().contains(messagePart), qPrintable(d.toString()));
        QVERIFY2(d.toString().startsWith(QStringLiteral("t.json:%1:%2: error: ").arg(line).arg(column)), qPrintable(d.toString()));
    }

    void testDuplicateKeysAreReportedAndTheFirstKept_data()
    {
        QTest::addColumn<int>("members");
        QTest::newRow("in a small object") << 3;
        QTest::newRow("in an object big enough to use a hash") << 40;
    }
    void testDuplicateKeysAreReportedAndTheFirstKept()
    {
        QFETCH(int, members);
        QByteArray json = "{\n";
        for (int i = 0; i < members; ++i)
            json += "  \"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ",\n";
        json += "  \"k1\": 99\n}";
        const auto r = JsonReader::parse(json, file);
        QVERIFY(r.complete);
        QCOMPARE(r.diagnostics.size(), size_t(1));
        const Diagnostic &d = r.diagnostics.front();
        QCOMPARE(d.kind, Diagnostic::Kind::DuplicateKey);
        QCOMPARE(d.position, (SourcePosition{members + 2, 3}));
        QVERIFY2(d.message.contains(QStringLiteral("first defined at 3:3")), qPrintable(d.message));
        QCOMPARE(r.root.children().size(), size_t(members));
        QCOMPARE(r.root.member(u"k1")->toNumber(), 1.0);
    }

    void testLongSingleLineStaysLinear()
    {
        // One 50,000-member line: column tracking must not rescan the line per value.
        QByteArray json = "{";
        for (int i = 0; i < 50000; ++i)
            json += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":[1,2]";
        json += "}";
        const auto r = JsonReader::parse(json, file);
        QVERIFY(r.complete);
        QCOMPARE(r.root.children().size(), size_t(50000));
        QCOMPARE(r.root.children().back().keyPosition().line, 1);
        QVERIFY(r.root.children().back().keyPosition().column > 500000);
    }

    // A large document is read in two parts at once; what it gives must not show it.
    // Each top-level group "gN" sits on lines 3N+2..3N+4 (line 1 is the opening brace).
    static QByteArray largeDocument(int groups)
    {
        QByteArray json = "{\n";
        for (int i = 0; i < groups; ++i) {
            json += "  \"g" + QByteArray::number(i) + "\": {\n";
            json += "    \"v\": {\"$value\": \"" + QByteArray(100, 'x') + QByteArray::number(i) + "\"}\n";
            json += i + 1 < groups ? "  },\n" : "  }\n";
        }
        return json + "}\n";
    }

    void testLargeDocumentKeepsOrderAndPositions()
    {
        constexpr int groups = 6000; // about 800 KB
        const QByteArray json = largeDocument(groups);
        QVERIFY(json.size() > 512 * 1024);
        const auto r = JsonReader::parse(json, file);
        QVERIFY(r.complete);
        QVERIFY(r.diagnostics.empty());
        QCOMPARE(r.parts, 2);
        QCOMPARE(r.root.children().size(), size_t(groups));
        QCOMPARE(r.root.position().line, 1);
        QCOMPARE(r.root.position().column, 1);
        for (const int i : {0, groups / 2 - 1, groups / 2, groups / 2 + 1, groups - 1}) {
            const JsonValue &g = r.root.children()[size_t(i)];
            QCOMPARE(g.key(), QStringLiteral("g%1").arg(i));
            QCOMPARE(g.keyPosition().line, 3 * i + 2);
            QCOMPARE(g.keyPosition().column, 3);
            const JsonValue *value = g.member(u"v")->member(u"$value");
            QCOMPARE(value->position().line, 3 * i + 3);
            QCOMPARE(value->position().column, 21);
            QVERIFY(value->toString().endsWith(QString::number(i)));
        }
    }

    void testProblemLateInALargeDocumentIsLocated()
    {
        QByteArray json = largeDocument(6000);
        const qsizetype at = json.lastIndexOf("\"$value\":") + 8;
        json[at] = ' '; // the last value's member has no colon
        const auto r = JsonReader::parse(json, file);
        QVERIFY(!r.complete);
        QCOMPARE(r.parts, 1); // read again in one part, to report exactly
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(r.diagnostics.front().position.line, 3 * 5999 + 3);
        QCOMPARE(r.diagnostics.front().position.column, 21); // where the colon was expected
        QCOMPARE(r.diagnostics.front().kind, Diagnostic::Kind::MalformedJson);
    }

    void testLargeDocumentNotPrettyPrintedIsReadInOnePart()
    {
        QByteArray json = largeDocument(6000);
        json.replace("\n", " ");
        const auto r = JsonReader::parse(json, file);
        QVERIFY(r.complete);
        QCOMPARE(r.parts, 1);
        QCOMPARE(r.root.children().size(), size_t(6000));
        QCOMPARE(r.root.children().back().keyPosition().line, 1);
    }

    void testDuplicateTopLevelKeyInALargeDocumentIsReported()
    {
        QByteArray json = largeDocument(6000);
        json.replace("\"g5999\"", "\"g0\"");
        const auto r = JsonReader::parse(json, file);
        QVERIFY(r.complete);
        QCOMPARE(r.parts, 1);
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(r.diagnostics.front().kind, Diagnostic::Kind::DuplicateKey);
        QCOMPARE(r.diagnostics.front().position.line, 3 * 5999 + 2);
        QCOMPARE(r.root.children().size(), size_t(5999));
        QVERIFY(r.root.member(u"g0")->member(u"v")->member(u"$value")->toString().endsWith(QLatin1Char('0')));
    }

    // A value holds one payload by kind (a string, a number, or children): copies and
    // moves carry it, assigning a value one of its own children keeps that child, and
    // other kinds read as empty.
    void testValuesCopyMoveAndReplaceByKind()
    {
        const auto r = JsonReader::parse(QByteArray(R"({"a": {"b": ["x", 2, {"c": true}]}, "s": "text", "n": 4.5})"), file);
        QVERIFY(r.complete);
        JsonValue copy = r.root;
        QCOMPARE(copy.toJsonText(), r.root.toJsonText());

        // A child assigned to its parent, by copy and by move.
        JsonValue parent = *copy.member(u"a");
        parent = *parent.member(u"b");
        QCOMPARE(parent.toJsonText(), QStringLiteral("[\"x\",2,{\"c\":true}]"));
        QCOMPARE(parent.key(), QStringLiteral("b"));
        parent = std::move(parent.children().back());
        QCOMPARE(parent.toJsonText(), QStringLiteral("{\"c\":true}"));
        QCOMPARE(parent.member(u"c")->position(), (SourcePosition{1, 28}));
        QCOMPARE(r.root.toJsonText(), copy.toJsonText()); // copies share nothing that changes

        // Kinds replace each other; the other kinds' accessors read empty.
        JsonValue v = *copy.member(u"s");
        QCOMPARE(v.toString(), QStringLiteral("text"));
        QCOMPARE(v.toNumber(), 0.0);
        QVERIFY(v.children().empty());
        v = *copy.member(u"n");
        QCOMPARE(v.toNumber(), 4.5);
        QVERIFY(v.toString().isEmpty());
        QCOMPARE(v.key(), QStringLiteral("n"));
        v.setKind(JsonValue::Kind::Array);
        QVERIFY(v.children().empty());
        v.children().push_back(JsonValue::makeString(QStringLiteral("y")));
        QCOMPARE(v.toJsonText(), QStringLiteral("[\"y\"]"));
        v.setBool(true);
        QVERIFY(v.toBool());
        QVERIFY(v.children().empty());
        QCOMPARE(v.toJsonText(), QStringLiteral("true"));
        JsonValue moved = std::move(copy);
        QCOMPARE(moved.toJsonText(), r.root.toJsonText());
        QCOMPARE(copy.kind(), JsonValue::Kind::Object); // moved-from: its kind, no members
        QVERIFY(copy.children().empty());
    }
};

QTEST_GUILESS_MAIN(JsonReaderTest)
#include "json_reader_test.moc"
