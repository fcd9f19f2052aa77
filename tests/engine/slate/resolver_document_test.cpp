// SPDX-License-Identifier: Apache-2.0
#include "slate/resolver_document.h"

#include "slate/token_value_text.h"

#include "slate_test_support.h"
#include "test_config.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::slate;

namespace {
const QString dir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/input/resolver");

QString cssOf(const TokenSet &set, const char *path)
{
    const int i = set.indexOf(QLatin1StringView(path));
    return i < 0 ? QStringLiteral("<missing>") : TokenValueText::css(set, i, FormatOptions{});
}

// A token file whose parts the fragment tests point into. Line numbers matter: the
// diagnostics tests expect "bad" at line 11.
const QByteArray brandsFile =
    "{\n"
    "  \"brands\": {\n"
    "    \"$type\": \"dimension\",\n"
    "    \"acme\": {\"color\": {\"$type\": \"color\", \"primary\": {\"$value\": \"#ff0000\"}}},\n"
    "    \"a/b~c\": {\"color\": {\"$type\": \"color\", \"primary\": {\"$value\": \"#00ff00\"}}},\n"
    "    \"t~1\": {\"color\": {\"$type\": \"color\", \"primary\": {\"$value\": \"#0000ff\"}}},\n"
    "    \"zo\u00eb\": {\"color\": {\"$type\": \"color\", \"primary\": {\"$value\": \"#000000\"}}}\n"
    "  },\n"
    "  \"shared\": {\"space\": {\"$type\": \"dimension\", \"md\": {\"$value\": \"8px\"}}}, \"lists\": {\"list\": [1, 2]},\n"
    "  \"broken\": {\n"
    "    \"color\": {\"$type\": \"color\", \"bad\": {\"$value\": \"not a colour\"}}\n"
    "  }\n"
    "}\n";

QByteArray resolverWithSources(const QByteArray &baseSources, const QByteArray &extra = {})
{
    return "{\"version\": \"2025.10\",\n \"sets\": {\"base\": {\"sources\": [" + baseSources + "]}},\n" + extra
        + " \"resolutionOrder\": [{\"$ref\": \"#/sets/base\"}]}\n";
}
} // namespace

class ResolverDocumentTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testReadsSetsModifiersAndOrder()
    {
        const ResolverDocument doc = ResolverDocument::read(dir + QStringLiteral("/app.resolver.json"));
        QVERIFY2(!doc.hasErrors(), qPrintable(doc.diagnostics().empty() ? QString() : doc.diagnostics().front().toString()));
        QCOMPARE(doc.name(), QStringLiteral("Helios test system"));
        QCOMPARE(doc.modifiers().size(), size_t(3));
        QCOMPARE(doc.modifier(QStringLiteral("theme"))->contextNames, (QStringList{QStringLiteral("light"), QStringLiteral("dark")}));
        QCOMPARE(doc.modifier(QStringLiteral("density"))->defaultContext, QStringLiteral("comfortable"));
        QCOMPARE(doc.defaultInput().value(QStringLiteral("brand")), QStringLiteral("blue"));
    }

    void testResolvesForAnInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("bg");
        QTest::addColumn<QString>("accent");
        QTest::addColumn<QString>("spaceMd");
        QTest::newRow("the defaults give the light blue comfortable set") << "" << "#ffffff" << "#1d4ed8" << "8px";
        QTest::newRow("a dark theme swaps the background") << "theme=dark" << "#111111" << "#1d4ed8" << "8px";
        QTest::newRow("two modifiers apply together") << "theme=dark,brand=sky" << "#111111" << "#7dd3fc" << "8px";
        QTest::newRow("an inline modifier in the order applies") << "density=compact" << "#ffffff" << "#1d4ed8" << "6px";
    }
    void testResolvesForAnInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, bg);
        QFETCH(QString, accent);
        QFETCH(QString, spaceMd);
        const ResolverDocument doc = ResolverDocument::read(dir + QStringLiteral("/app.resolver.json"));
        ResolverDocument::Input chosen;
        QString error;
        QVERIFY(ResolverDocument::parseInput(input, chosen, error));
        Diagnostics problems;
        QVERIFY(doc.checkInput(chosen, problems));
        const TokenSet set = doc.resolve(chosen);
        QVERIFY2(!set.hasErrors(), qPrintable(test::allDiagnostics(set)));
        QCOMPARE(cssOf(set, "color.bg"), bg);
        QCOMPARE(cssOf(set, "color.accent"), accent);
        QCOMPARE(cssOf(set, "space.md"), spaceMd);
    }

    void testBadInputIsReported_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("an unknown modifier") << "mood=happy" << "input: error: the resolver has no modifier \"mood\" (expected one of theme, brand, density, found \"mood\")";
        QTest::newRow("an unknown context") << "theme=sepia" << "input: error: modifier \"theme\" has no context \"sepia\" (expected one of light, dark, found \"sepia\")";
    }
    void testBadInputIsReported()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        const ResolverDocument doc = ResolverDocument::read(dir + QStringLiteral("/app.resolver.json"));
        ResolverDocument::Input chosen;
        QString error;
        QVERIFY(ResolverDocument::parseInput(input, chosen, error));
        Diagnostics problems;
        QVERIFY(!doc.checkInput(chosen, problems));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems.front().toString(), message);
    }

    void testMalformedInputTextIsRejected()
    {
        ResolverDocument::Input chosen;
        QString error;
        QVERIFY(!ResolverDocument::parseInput(QStringLiteral("theme"), chosen, error));
        QVERIFY(error.contains(QStringLiteral("modifier=context")));
    }

    void testBadDocumentIsLocated_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("diagnostic");
        QTest::newRow("a reference to a missing set")
            << QByteArray("{\"version\": \"2025.10\",\n \"resolutionOrder\": [{\"$ref\": \"#/sets/nope\"}]}")
            << "r.resolver.json:2:31: error: \"#/sets/nope\" names no set (expected a set defined in \"sets\", found \"#/sets/nope\")";
        QTest::newRow("a source file that does not exist")
            << QByteArray("{\"version\": \"2025.10\", \"sets\": {\"a\": {\"sources\": [\n  {\"$ref\": \"missing.json\"}]}},\n \"resolutionOrder\": [{\"$ref\": \"#/sets/a\"}]}")
            << "r.resolver.json:2:12: error: source file \"missing.json\" does not exist (expected an existing file relative to the resolver, found \"missing.json\")";
        QTest::newRow("a default that is not a context")
            << QByteArray("{\"version\": \"2025.10\", \"modifiers\": {\"theme\": {\"contexts\": {\"light\": []},\n  \"default\": \"dark\"}},\n \"resolutionOrder\": []}")
            << "r.resolver.json:2:14: error: default \"dark\" is not a context of modifier \"theme\" (expected one of light, found \"dark\")";
        QTest::newRow("a modifier without contexts")
            << QByteArray("{\"version\": \"2025.10\", \"modifiers\": {\"theme\": {}}, \"resolutionOrder\": []}")
            << "r.resolver.json:1:47: error: modifier \"theme\" has no \"contexts\" (expected \"contexts\": {\"name\": [sources]})";
        QTest::newRow("no resolution order")
            << QByteArray("{\"version\": \"2025.10\"}")
            << "r.resolver.json:1:1: error: no \"resolutionOrder\" (expected \"resolutionOrder\": [...])";
        QTest::newRow("an inline item without a type")
            << QByteArray("{\"version\": \"2025.10\", \"resolutionOrder\": [\n {\"name\": \"x\"}]}")
            << "r.resolver.json:2:2: error: an inline resolutionOrder item needs \"type\": \"set\" or \"modifier\" (expected \"set\" or \"modifier\", found no \"type\")";
        QTest::newRow("broken JSON")
            << QByteArray("{\"version\": ")
            << "";
    }
    void testBadDocumentIsLocated()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, diagnostic);
        const ResolverDocument doc = ResolverDocument::parse(json, QStringLiteral("r.resolver.json"), dir);
        QVERIFY(doc.hasErrors());
        if (diagnostic.isEmpty()) {
            QCOMPARE(doc.diagnostics().front().kind, Diagnostic::Kind::MalformedJson);
            return;
        }
        QStringList all;
        for (const Diagnostic &d : doc.diagnostics())
            all << d.toString();
        QVERIFY2(all.contains(diagnostic), qPrintable(all.join(QLatin1Char('\n'))));
    }

    void testFragmentSourcesAreReRootedAtThePointedObject_data()
    {
        QTest::addColumn<QByteArray>("ref");
        QTest::addColumn<QString>("primary");
        QTest::newRow("a plain pointer reads that group") << QByteArray("brands.tokens.json#/brands/acme") << "#ff0000";
        QTest::newRow("~1 and ~0 stand for / and ~") << QByteArray("brands.tokens.json#/brands/a~1b~0c") << "#00ff00";
        QTest::newRow("~01 is a literal ~1, not a slash") << QByteArray("brands.tokens.json#/brands/t~01") << "#0000ff";
        QTest::newRow("percent escapes of the URI fragment are decoded first")
            << QByteArray("brands.tokens.json#/brands/a~1b%7E0c") << "#00ff00";
        QTest::newRow("a non-ASCII name percent-encoded as UTF-8") << QByteArray("brands.tokens.json#/brands/zo%C3%AB") << "#000000";
        QTest::newRow("the spec's form without a leading slash") << QByteArray("brands.tokens.json#brands/acme") << "#ff0000";
    }
    void testFragmentSourcesAreReRootedAtThePointedObject()
    {
        QFETCH(QByteArray, ref);
        QFETCH(QString, primary);
        QTemporaryDir tmp;
        QVERIFY(test::writeFile(tmp.filePath(QStringLiteral("brands.tokens.json")), brandsFile));
        const ResolverDocument doc = ResolverDocument::parse(resolverWithSources("{\"$ref\": \"" + ref + "\"}"),
                                                             QStringLiteral("r.resolver.json"), tmp.path());
        QVERIFY2(!doc.hasErrors(), qPrintable(test::allDiagnostics(doc.diagnostics())));
        const TokenSet set = doc.resolve({});
        QVERIFY2(!set.hasErrors(), qPrintable(test::allDiagnostics(set)));
        // Named from the pointed object: no "brands.acme." in front, nothing else of the file.
        QCOMPARE(set.size(), 1);
        QCOMPARE(cssOf(set, "color.primary"), primary);
    }

    void testFragmentsOfOneFileAreMergedInOrderAndReadOnce()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("brands.tokens.json"));
        QVERIFY(test::writeFile(file, brandsFile));
        const ResolverDocument doc = ResolverDocument::parse(
            resolverWithSources("{\"$ref\": \"brands.tokens.json#/shared\"},\n {\"$ref\": \"brands.tokens.json#/brands/acme\"}",
                                " \"modifiers\": {\"brand\": {\"contexts\": {\"acme\": [], \"other\": [{\"$ref\": \"brands.tokens.json#/brands/a~1b~0c\"}]},"
                                " \"default\": \"acme\"}},\n")
                .replace(" \"resolutionOrder\": [{\"$ref\": \"#/sets/base\"}]",
                         " \"resolutionOrder\": [{\"$ref\": \"#/sets/base\"}, {\"$ref\": \"#/modifiers/brand\"}]"),
            QStringLiteral("r.resolver.json"), tmp.path());
        QVERIFY2(!doc.hasErrors(), qPrintable(test::allDiagnostics(doc.diagnostics())));
        // The file was read while parsing; what is on disk later does not matter any more.
        QVERIFY(test::writeFile(file, "{ not json"));
        const TokenSet acme = doc.resolve({});
        QVERIFY2(!acme.hasErrors(), qPrintable(test::allDiagnostics(acme)));
        QCOMPARE(acme.size(), 2);
        QCOMPARE(cssOf(acme, "space.md"), QStringLiteral("8px"));
        QCOMPARE(cssOf(acme, "color.primary"), QStringLiteral("#ff0000"));
        const TokenSet other = doc.resolve({{QStringLiteral("brand"), QStringLiteral("other")}});
        QVERIFY2(!other.hasErrors(), qPrintable(test::allDiagnostics(other)));
        QCOMPARE(cssOf(other, "color.primary"), QStringLiteral("#00ff00"));
        QCOMPARE(doc.modifier(QStringLiteral("brand"))->contexts[1].front().pointer, QStringLiteral("/brands/a~1b~0c"));
    }

    void testProblemsInsideAFragmentKeepTheFilesPositions()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("brands.tokens.json"));
        QVERIFY(test::writeFile(file, brandsFile));
        const ResolverDocument doc = ResolverDocument::parse(resolverWithSources("{\"$ref\": \"brands.tokens.json#/broken\"}"),
                                                             QStringLiteral("r.resolver.json"), tmp.path());
        QVERIFY(!doc.hasErrors());
        const TokenSet set = doc.resolve({});
        QVERIFY(set.hasErrors());
        const Diagnostic &d = set.diagnostics().front();
        QCOMPARE(d.file, QDir::cleanPath(file));
        QCOMPARE(d.position, (SourcePosition{11, 51})); // the "$value" of "bad" in the file itself
        QCOMPARE(d.tokenPath, QStringLiteral("color.bad"));
    }

    void testSourcesCanPointIntoTheResolverItself()
    {
        QTemporaryDir tmp;
        const QByteArray json =
            "{\"version\": \"2025.10\",\n"
            " \"$defs\": {\"brand~1x\": {\"color\": {\"$type\": \"color\", \"accent\": {\"$value\": \"#123456\"},\n"
            "   \"bad\": {\"$value\": 7}}}},\n"
            " \"sets\": {\"base\": {\"sources\": [{\"n\": {\"$type\": \"number\", \"$value\": 1}}]},\n"
            "   \"more\": {\"sources\": [{\"$ref\": \"#/sets/base\"}, {\"n\": {\"$type\": \"number\", \"$value\": 2}}]}},\n"
            " \"modifiers\": {\"m\": {\"contexts\": {\"a\": [{\"$ref\": \"#/sets/more\"}, {\"$ref\": \"#/$defs/brand~01x\"}],\n"
            "                                  \"b\": [{\"$ref\": \"#/sets/base\"}]}, \"default\": \"b\"}},\n"
            " \"resolutionOrder\": [{\"$ref\": \"#/modifiers/m\"}]}\n";
        const ResolverDocument doc = ResolverDocument::parse(json, QStringLiteral("r.resolver.json"), tmp.path());
        QVERIFY2(!doc.hasErrors(), qPrintable(test::allDiagnostics(doc.diagnostics())));
        // "#/sets/more" is its sources in place, and those include "#/sets/base" in place.
        QCOMPARE(doc.modifier(QStringLiteral("m"))->contexts[0].size(), size_t(3));
        const TokenSet b = doc.resolve({});
        QCOMPARE(cssOf(b, "n"), QStringLiteral("1"));
        QCOMPARE(cssOf(b, "color.accent"), QStringLiteral("<missing>"));
        const TokenSet a = doc.resolve({{QStringLiteral("m"), QStringLiteral("a")}});
        QCOMPARE(cssOf(a, "n"), QStringLiteral("2"));
        QCOMPARE(cssOf(a, "color.accent"), QStringLiteral("#123456"));
        // A problem in the referenced part is located in the resolver file.
        const QStringList problems = test::diagnosticLines(a.diagnostics());
        QVERIFY2(problems.size() == 1 && problems.front().startsWith(QStringLiteral("r.resolver.json:3:22: error: ")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void testEveryBadReferenceIsLocatedInOnePass()
    {
        QTemporaryDir tmp;
        QVERIFY(test::writeFile(tmp.filePath(QStringLiteral("brands.tokens.json")), brandsFile));
        QVERIFY(test::writeFile(tmp.filePath(QStringLiteral("broken.tokens.json")), "{\n  \"a\": }"));
        const QByteArray json =
            "{\"version\": \"2025.10\", \"sets\": {\"a\": {\"sources\": [\n"
            "  {\"$ref\": \"missing.tokens.json#/x\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/brands/nope\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/shared/space/md/$value\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/lists/list\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/shared/space/md\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/a~2b\"},\n"
            "  {\"$ref\": \"#/modifiers/m\"},\n"
            "  {\"$ref\": \"#/resolutionOrder/0\"},\n"
            "  {\"$ref\": \"#\"},\n"
            "  {\"$ref\": \"#/sets/a\"},\n"
            "  {\"$ref\": \"broken.tokens.json#/a\"},\n"
            "  {\"$ref\": \"#/sets/nope\"},\n"
            "  {\"$ref\": \"brands.tokens.json#/lists/list/7\"},\n"
            "  {\"$ref\": \"#/sets/a/sources\"}]}},\n"
            " \"modifiers\": {\"m\": {\"contexts\": {\"x\": []}}},\n"
            " \"resolutionOrder\": [{\"$ref\": \"#/sets/a\"}]}\n";
        const ResolverDocument doc = ResolverDocument::parse(json, QStringLiteral("r.resolver.json"), tmp.path());
        const QStringList all = test::diagnosticLines(doc.diagnostics());
        const QString broken = QDir::cleanPath(tmp.filePath(QStringLiteral("broken.tokens.json")));
        const QStringList expected{
            QStringLiteral("r.resolver.json:2:12: error: source file \"missing.tokens.json\" does not exist (expected an existing file relative to the resolver, found \"missing.tokens.json#/x\")"),
            QStringLiteral("r.resolver.json:3:12: error: JSON Pointer \"/brands/nope\" matches nothing in \"brands.tokens.json\": \"/brands\" has no \"nope\" (expected a group of tokens in the file, found \"brands.tokens.json#/brands/nope\")"),
            QStringLiteral("r.resolver.json:4:12: error: JSON Pointer \"/shared/space/md/$value\" in \"brands.tokens.json\" points at a string, not a group of tokens (expected an object, found a string)"),
            QStringLiteral("r.resolver.json:5:12: error: JSON Pointer \"/lists/list\" in \"brands.tokens.json\" points at an array, not a group of tokens (expected an object, found an array)"),
            QStringLiteral("r.resolver.json:6:12: error: JSON Pointer \"/shared/space/md\" in \"brands.tokens.json\" points at a token; a source must be a group of tokens (expected a group (an object without \"$value\"), found a token)"),
            QStringLiteral("r.resolver.json:7:12: error: bad JSON Pointer in \"brands.tokens.json#/a~2b\": \"~\" must be followed by 0 or 1 (write ~0 for \"~\" and ~1 for \"/\") (expected \"file.tokens.json#/group/name\", found \"brands.tokens.json#/a~2b\")"),
            QStringLiteral("r.resolver.json:8:12: error: only resolutionOrder may reference a modifier (expected \"#/sets/<name>\" or a group of tokens in the document, found \"#/modifiers/m\")"),
            QStringLiteral("r.resolver.json:9:12: error: a reference may not point into resolutionOrder (expected \"#/sets/<name>\" or a group of tokens in the document, found \"#/resolutionOrder/0\")"),
            QStringLiteral("r.resolver.json:10:12: error: a source cannot reference the whole resolver document (expected \"#/sets/<name>\" or a group of tokens in the document, found \"#\")"),
            QStringLiteral("r.resolver.json:11:12: error: set \"a\" includes itself through \"#/sets/a\" (expected sets that do not include each other, found \"#/sets/a\")"),
            QStringLiteral("r.resolver.json:12:12: error: source file \"broken.tokens.json\" is not valid JSON, so \"/a\" cannot be looked up (expected a token file, found \"broken.tokens.json#/a\")"),
            broken + QStringLiteral(":2:8: error: "),
            QStringLiteral("r.resolver.json:13:12: error: \"#/sets/nope\" names no set (expected a set defined in \"sets\", found \"#/sets/nope\")"),
            QStringLiteral("r.resolver.json:14:12: error: JSON Pointer \"/lists/list/7\" matches nothing in \"brands.tokens.json\": \"/lists/list\" has no \"7\" (expected a group of tokens in the file, found \"brands.tokens.json#/lists/list/7\")"),
            QStringLiteral("r.resolver.json:15:12: error: \"#/sets/a/sources\" contains this reference; a reference cannot include itself (expected a part of the document outside this source, found \"#/sets/a/sources\")"),
        };
        for (const QString &want : expected) {
            const bool found = std::any_of(all.begin(), all.end(), [&](const QString &d) {
                return want.endsWith(QLatin1StringView(": error: ")) ? d.startsWith(want) : d == want;
            });
            QVERIFY2(found, qPrintable(QStringLiteral("missing: ") + want + QStringLiteral("\nall:\n") + all.join(QLatin1Char('\n'))));
        }
        QCOMPARE(all.size(), expected.size());
    }

    void testInlineSourcesAreRead()
    {
        const ResolverDocument doc = ResolverDocument::parse(
            QByteArray("{\"version\": \"2025.10\", \"sets\": {\"a\": {\"sources\": [{\"n\": {\"$type\": \"number\", \"$value\": 3}}]}},"
                       " \"resolutionOrder\": [{\"$ref\": \"#/sets/a\"}]}"),
            QStringLiteral("r.resolver.json"), dir);
        QVERIFY(!doc.hasErrors());
        const TokenSet set = doc.resolve({});
        QVERIFY2(!set.hasErrors(), qPrintable(test::allDiagnostics(set)));
        QCOMPARE(set.size(), 1);
    }

    void testProblemsInAnInlineSourceAreLocatedInTheResolver()
    {
        const ResolverDocument doc = ResolverDocument::parse(
            QByteArray("{\"version\": \"2025.10\",\n"
                       " \"sets\": {\"a\": {\"sources\": [\n"
                       "   {\"c\": {\"$type\": \"color\", \"$value\": \"nope\"}}]}},\n"
                       " \"resolutionOrder\": [{\"$ref\": \"#/sets/a\"}]}"),
            QStringLiteral("r.resolver.json"), dir);
        QVERIFY(!doc.hasErrors());
        const TokenSet set = doc.resolve({});
        QCOMPARE(set.diagnostics().size(), size_t(1));
        const Diagnostic &d = set.diagnostics().front();
        QCOMPARE(d.file, QStringLiteral("r.resolver.json"));
        QCOMPARE(d.position.line, 3);
        QCOMPARE(d.position.column, 39); // at "nope"
        QCOMPARE(d.tokenPath, QStringLiteral("c"));
    }
};

QTEST_GUILESS_MAIN(ResolverDocumentTest)
#include "resolver_document_test.moc"
