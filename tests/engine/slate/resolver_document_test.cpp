// SPDX-License-Identifier: Apache-2.0
#include "slate/resolver_document.h"

#include "slate/token_value_text.h"

#include "slate_test_support.h"
#include "test_config.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;

namespace {
const QString dir = QStringLiteral(HELIOS_TEST_DATA_DIR "/slate/input/resolver");

QString cssOf(const TokenSet &set, const char *path)
{
    const int i = set.indexOf(QLatin1StringView(path));
    return i < 0 ? QStringLiteral("<missing>") : TokenValueText::css(set, i, FormatOptions{});
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
};

QTEST_GUILESS_MAIN(ResolverDocumentTest)
#include "resolver_document_test.moc"
