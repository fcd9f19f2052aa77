// SPDX-License-Identifier: Apache-2.0
#include "slate/token_resolver.h"

#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::allDiagnostics;
using helios::slate::test::readAndResolve;

namespace {
const QByteArray palette =
    "{\"base\": {\"$type\": \"color\", \"red\": {\"$value\": \"#ff0000\"}, \"white\": {\"$value\": {\"colorSpace\": \"srgb\", \"components\": [1, 1, 1]}}},\n"
    " \"brand\": {\"primary\": {\"$value\": \"{base.red}\"}, \"accent\": {\"$value\": \"{brand.primary}\"}, \"deep\": {\"$value\": \"{brand.accent}\"}},\n"
    " \"size\": {\"$type\": \"dimension\", \"one\": {\"$value\": \"1px\"}},\n"
    " \"line\": {\"$type\": \"border\", \"$value\": {\"color\": \"{brand.deep}\", \"width\": {\"$ref\": \"#/size/one\"}, \"style\": \"solid\"}},\n"
    " \"channel\": {\"$type\": \"number\", \"$value\": {\"$ref\": \"#/base/white/$value/components/0\"}},\n"
    " \"ptr\": {\"$value\": {\"$ref\": \"#/brand/deep/$value\"}}}";
}

class TokenResolverTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testAliasesResolve_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("resolved");
        QTest::addColumn<QStringList>("chain");
        QTest::addColumn<QString>("type");
        QTest::newRow("a plain value resolves to itself") << QStringLiteral("base.red") << QStringLiteral("\"#ff0000\"") << QStringList() << QStringLiteral("color");
        QTest::newRow("a direct alias takes its target's value and type")
            << QStringLiteral("brand.primary") << QStringLiteral("\"#ff0000\"") << QStringList{QStringLiteral("base.red")} << QStringLiteral("color");
        QTest::newRow("a chain of three keeps every hop, nearest first")
            << QStringLiteral("brand.deep") << QStringLiteral("\"#ff0000\"")
            << QStringList{QStringLiteral("brand.accent"), QStringLiteral("brand.primary"), QStringLiteral("base.red")} << QStringLiteral("color");
        QTest::newRow("aliases inside a composite value are replaced")
            << QStringLiteral("line") << QStringLiteral("{\"color\":\"#ff0000\",\"width\":\"1px\",\"style\":\"solid\"}") << QStringList() << QStringLiteral("border");
        QTest::newRow("a json pointer into another value picks the part")
            << QStringLiteral("channel") << QStringLiteral("1") << QStringList{QStringLiteral("base.white")} << QStringLiteral("number");
        QTest::newRow("a json pointer to a token's value is an alias")
            << QStringLiteral("ptr") << QStringLiteral("\"#ff0000\"")
            << QStringList{QStringLiteral("brand.deep"), QStringLiteral("brand.accent"), QStringLiteral("brand.primary"), QStringLiteral("base.red")}
            << QStringLiteral("color");
    }
    void testAliasesResolve()
    {
        QFETCH(QString, path);
        QFETCH(QString, resolved);
        QFETCH(QStringList, chain);
        QFETCH(QString, type);
        const TokenSet set = readAndResolve(palette);
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        const Token *t = set.find(path);
        QVERIFY(t);
        QVERIFY(t->resolved);
        QCOMPARE(t->resolvedValue.toJsonText(), resolved);
        QCOMPARE(t->aliasChain, chain);
        QCOMPARE(tokenTypeName(t->type), type);
    }

    void testReferencesAreListedWithTheTypeTheirPlaceNeeds()
    {
        const TokenSet set = readAndResolve(palette);
        const Token *line = set.find(QStringLiteral("line"));
        QCOMPARE(line->references.size(), size_t(2));
        QCOMPARE(line->references[0].targetPath, QStringLiteral("brand.deep"));
        QCOMPARE(line->references[0].expectedType, TokenType::Color);
        QCOMPARE(line->references[1].targetPath, QStringLiteral("size.one"));
        QCOMPARE(line->references[1].expectedType, TokenType::Dimension);
        QVERIFY(!line->references[1].wholeValue);
    }

    void testLongChainsResolveWithoutRecursionTrouble()
    {
        QByteArray json = "{\"c\": {\"$type\": \"number\", \"t0\": {\"$value\": 7}";
        for (int i = 1; i < 400; ++i)
            json += ", \"t" + QByteArray::number(i) + "\": {\"$value\": \"{c.t" + QByteArray::number(i - 1) + "}\"}";
        json += "}}";
        const TokenSet set = readAndResolve(json);
        QVERIFY2(set.diagnostics().empty(), qPrintable(allDiagnostics(set)));
        QCOMPARE(set.find(QStringLiteral("c.t399"))->aliasChain.size(), 399);
        QCOMPARE(set.find(QStringLiteral("c.t399"))->resolvedValue.toNumber(), 7.0);
    }
};

QTEST_GUILESS_MAIN(TokenResolverTest)
#include "token_resolver_test.moc"
