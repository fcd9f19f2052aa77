// SPDX-License-Identifier: Apache-2.0
#include "slate/diagnostic.h"

#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::allDiagnostics;
using helios::slate::test::readAndResolve;

Q_DECLARE_METATYPE(helios::slate::Diagnostic::Kind)

class TokenDiagnosticsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testEachProblemIsLocated_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<Diagnostic::Kind>("kind");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("tokenPath");
        QTest::addColumn<QString>("text");
        using K = Diagnostic::Kind;
        QTest::newRow("an unknown type points at the $type value")
            << QByteArray("{\n  \"a\": {\"$type\": \"colour\", \"$value\": \"#fff\"}\n}")
            << K::UnknownType << 2 << 18 << QStringLiteral("a") << QStringLiteral("expected one of color, dimension");
        QTest::newRow("a bad colour points at the value")
            << QByteArray("{\"c\": {\"$type\": \"color\",\n  \"red\": {\"$value\": \"red\"}}}")
            << K::BadValue << 2 << 21 << QStringLiteral("c.red") << QStringLiteral("found \"red\"");
        QTest::newRow("a dimension with an unknown unit")
            << QByteArray("{\"s\": {\"$type\": \"dimension\", \"$value\": {\"value\": 4, \"unit\": \"furlong\"}}}")
            << K::BadValue << 1 << 61 << QStringLiteral("s") << QStringLiteral("unknown unit");
        QTest::newRow("a border missing its style")
            << QByteArray("{\"b\": {\"$type\": \"border\",\n \"$value\": {\"color\": \"#000\", \"width\": \"1px\"}}}")
            << K::BadValue << 2 << 12 << QStringLiteral("b") << QStringLiteral("missing \"style\"");
        QTest::newRow("a shadow colour inside a layer")
            << QByteArray("{\"s\": {\"$type\": \"shadow\", \"$value\": [\n {\"color\": 5, \"offsetX\": \"0px\", \"offsetY\": \"0px\", \"blur\": \"0px\"}]}}")
            << K::BadValue << 2 << 12 << QStringLiteral("s") << QStringLiteral("bad shadow color value");
        QTest::newRow("a cubic bezier with x outside 0 to 1")
            << QByteArray("{\"e\": {\"$type\": \"cubicBezier\", \"$value\": [0, 0, 1.5, 1]}}")
            << K::BadValue << 1 << 49 << QStringLiteral("e") << QStringLiteral("x1 and x2 from 0 to 1");
        QTest::newRow("a font weight out of range")
            << QByteArray("{\"w\": {\"$type\": \"fontWeight\", \"$value\": 1200}}")
            << K::BadValue << 1 << 41 << QStringLiteral("w") << QStringLiteral("from 1 to 1000");
        QTest::newRow("a token without any type points at its key")
            << QByteArray("{\n\n    \"n\": {\"$value\": 4}}")
            << K::MissingType << 3 << 5 << QStringLiteral("n") << QStringLiteral("has no type");
        QTest::newRow("a missing alias target points at the alias")
            << QByteArray("{\"c\": {\"$type\": \"color\",\n   \"a\": {\"$value\": \"{c.nope}\"}}}")
            << K::MissingAliasTarget << 2 << 20 << QStringLiteral("c.a") << QStringLiteral("{c.nope} points at no token");
        QTest::newRow("an alias to a group rather than a token")
            << QByteArray("{\"c\": {\"$type\": \"color\", \"g\": {\"x\": {\"$value\": \"#000\"}}, \"a\": {\"$value\": \"{c.g}\"}}}")
            << K::MissingAliasTarget << 1 << 74 << QStringLiteral("c.a") << QStringLiteral("points at a group");
        QTest::newRow("a missing $ref target points at the pointer")
            << QByteArray("{\"c\": {\"$type\": \"color\", \"a\": {\"$value\": {\"$ref\": \"#/c/zzz\"}}}}")
            << K::MissingAliasTarget << 1 << 51 << QStringLiteral("c.a") << QStringLiteral("{c.zzz}");
        QTest::newRow("a missing alias inside a composite value")
            << QByteArray("{\"b\": {\"$type\": \"border\", \"$value\":\n {\"color\": \"{no.such}\", \"width\": \"1px\", \"style\": \"solid\"}}}")
            << K::MissingAliasTarget << 2 << 12 << QStringLiteral("b") << QStringLiteral("{no.such}");
        QTest::newRow("a cycle of two aliases")
            << QByteArray("{\"c\": {\"$type\": \"color\",\n \"a\": {\"$value\": \"{c.b}\"},\n \"b\": {\"$value\": \"{c.a}\"}}}")
            << K::AliasCycle << 3 << 18 << QStringLiteral("c.b") << QStringLiteral("c.a -> c.b -> c.a");
        QTest::newRow("a token aliasing itself")
            << QByteArray("{\"c\": {\"$type\": \"color\", \"a\": {\"$value\": \"{c.a}\"}}}")
            << K::AliasCycle << 1 << 42 << QStringLiteral("c.a") << QStringLiteral("c.a -> c.a");
        QTest::newRow("a colour aliasing a dimension")
            << QByteArray("{\"s\": {\"$type\": \"dimension\", \"$value\": \"4px\"},\n \"c\": {\"$type\": \"color\", \"$value\": \"{s}\"}}")
            << K::TypeMismatch << 2 << 36 << QStringLiteral("c") << QStringLiteral("expected color, found dimension (s)");
        QTest::newRow("a border width aliasing a colour")
            << QByteArray("{\"k\": {\"$type\": \"color\", \"$value\": \"#000\"},\n \"b\": {\"$type\": \"border\", \"$value\": {\"color\": \"{k}\", \"width\": \"{k}\", \"style\": \"solid\"}}}")
            << K::TypeMismatch << 2 << 63 << QStringLiteral("b") << QStringLiteral("where a dimension is required");
        QTest::newRow("a mismatch through a chain of aliases")
            << QByteArray("{\"n\": {\"$type\": \"number\", \"$value\": 1}, \"m\": {\"$value\": \"{n}\"},\n \"c\": {\"$type\": \"color\", \"$value\": \"{m}\"}}")
            << K::TypeMismatch << 2 << 36 << QStringLiteral("c") << QStringLiteral("found number (m)");
        QTest::newRow("a duplicate key in a group")
            << QByteArray("{\"c\": {\"$type\": \"color\",\n \"a\": {\"$value\": \"#000\"},\n \"a\": {\"$value\": \"#fff\"}}}")
            << K::DuplicateKey << 3 << 2 << QString() << QStringLiteral("first defined at 2:2");
        QTest::newRow("malformed json points at the broken spot")
            << QByteArray("{\"c\": {\"$type\": \"color\"\n \"a\": 1}}")
            << K::MalformedJson << 2 << 2 << QString() << QStringLiteral("expected ',' or '}'");
        QTest::newRow("a name with a dot")
            << QByteArray("{\"c\": {\"$type\": \"color\", \"a.b\": {\"$value\": \"#000\"}}}")
            << K::InvalidName << 1 << 26 << QStringLiteral("c.a.b") << QStringLiteral("cannot contain");
        QTest::newRow("$extends naming no group")
            << QByteArray("{\"g\": {\"$extends\": \"{nothing}\"}}")
            << K::BadExtends << 1 << 20 << QStringLiteral("g") << QStringLiteral("names no group");
        QTest::newRow("a token value that is not an object")
            << QByteArray("{\"c\": {\"a\": 5}}")
            << K::BadValue << 1 << 13 << QStringLiteral("c.a") << QStringLiteral("expected a token");
        QTest::newRow("a description that is not a string")
            << QByteArray("{\"n\": {\"$type\": \"number\", \"$value\": 1, \"$description\": 7}}")
            << K::BadProperty << 1 << 56 << QStringLiteral("n") << QStringLiteral("must be a string");
    }
    void testEachProblemIsLocated()
    {
        QFETCH(QByteArray, json);
        QFETCH(Diagnostic::Kind, kind);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, tokenPath);
        QFETCH(QString, text);
        const TokenSet set = readAndResolve(json);
        QVERIFY2(set.diagnostics().size() == 1, qPrintable(allDiagnostics(set)));
        const Diagnostic &d = set.diagnostics().front();
        QCOMPARE(diagnosticKindName(d.kind), diagnosticKindName(kind));
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.file, QStringLiteral("a.json"));
        QCOMPARE(d.position, (SourcePosition{line, column}));
        QCOMPARE(d.tokenPath, tokenPath);
        QVERIFY2(d.toString().contains(text), qPrintable(d.toString()));
        QVERIFY2(d.toString().startsWith(QStringLiteral("a.json:%1:%2: error: ").arg(line).arg(column)), qPrintable(d.toString()));
        QVERIFY(set.hasErrors());
    }

    void testAllErrorsOfAFileComeInOnePass()
    {
        const TokenSet set = readAndResolve(
            "{\"c\": {\"$type\": \"color\",\n"
            "  \"a\": {\"$value\": \"nope\"},\n"
            "  \"b\": {\"$value\": \"{c.missing}\"},\n"
            "  \"d\": {\"$type\": \"colr\", \"$value\": \"#000\"},\n"
            "  \"a\": {\"$value\": \"#000\"}}}");
        QStringList found;
        for (const Diagnostic &d : set.diagnostics())
            found.append(diagnosticKindName(d.kind) + QLatin1Char('@') + QString::number(d.position.line));
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("bad-value@2"), QStringLiteral("duplicate-key@5"),
                                     QStringLiteral("missing-alias-target@3"), QStringLiteral("unknown-type@4")}));
    }

    void testUnknownPropertiesAreWarningsOnly()
    {
        const TokenSet set = readAndResolve("{\"n\": {\"$type\": \"number\", \"$value\": 1, \"$comment\": \"x\"}}");
        QCOMPARE(set.diagnostics().size(), size_t(1));
        QCOMPARE(set.diagnostics()[0].severity, Diagnostic::Severity::Warning);
        QVERIFY(!set.hasErrors());
        QVERIFY(set.find(QStringLiteral("n"))->resolved);
    }

    void testDependentsOfABrokenTokenAreNotReportedTwice()
    {
        const TokenSet set = readAndResolve(
            "{\"c\": {\"$type\": \"color\", \"bad\": {\"$value\": \"nope\"}, \"x\": {\"$value\": \"{c.bad}\"}, \"y\": {\"$value\": \"{c.x}\"}}}");
        QCOMPARE(set.diagnostics().size(), size_t(1));
        QVERIFY(!set.find(QStringLiteral("c.y"))->resolved);
    }
};

QTEST_GUILESS_MAIN(TokenDiagnosticsTest)
#include "token_diagnostics_test.moc"
