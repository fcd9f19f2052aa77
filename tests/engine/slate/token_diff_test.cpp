// SPDX-License-Identifier: Apache-2.0
#include "slate/token_diff.h"

#include "slate_test_support.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;
using helios::slate::test::readAndResolve;

class TokenDiffTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testReportsAddedRemovedAndChangedSortedByPath()
    {
        const TokenSet before = readAndResolve(QByteArray(
            "{\"c\": {\"$type\": \"color\", \"red\": {\"$value\": \"#ff0000\"}, \"old\": {\"$value\": \"#000000\"}, "
            "\"same\": {\"$value\": \"#00ff00\"}, \"ref\": {\"$value\": \"{c.red}\"}}, "
            "\"s\": {\"$type\": \"dimension\", \"x\": {\"$value\": \"4px\"}}}"));
        const TokenSet after = readAndResolve(QByteArray(
            "{\"c\": {\"$type\": \"color\", \"red\": {\"$value\": \"#ee0000\"}, \"same\": {\"$value\": {\"colorSpace\": \"srgb\", \"components\": [0, 1, 0]}}, "
            "\"ref\": {\"$value\": \"{c.red}\"}, \"added\": {\"$value\": \"#0000ff\"}}, "
            "\"s\": {\"x\": {\"$type\": \"number\", \"$value\": 4}}}"));
        QVERIFY(!before.hasErrors());
        QVERIFY2(!after.hasErrors(), qPrintable(test::allDiagnostics(after)));
        const auto entries = TokenDiff::compare(before, after);
        QStringList lines;
        for (const auto &e : entries)
            lines << TokenDiff::kindName(e.kind) + QLatin1Char(' ') + e.path + QLatin1Char(' ') + e.oldValue
                    + QStringLiteral(" -> ") + e.newValue + (e.typeChanged() ? QStringLiteral(" type") : QString());
        QCOMPARE(lines, (QStringList{QStringLiteral("added c.added  -> #0000ff"), QStringLiteral("removed c.old #000000 -> "),
                                     QStringLiteral("changed c.red #ff0000 -> #ee0000"),
                                     QStringLiteral("changed c.ref #ff0000 -> #ee0000"),
                                     QStringLiteral("changed s.x 4px -> 4 type")}));
    }

    void testIdenticalSetsHaveNoDifferences()
    {
        const QByteArray json("{\"a\": {\"$type\": \"number\", \"$value\": 1}}");
        QVERIFY(TokenDiff::compare(readAndResolve(json), readAndResolve(json)).empty());
    }

    void testChangedIndicesFollowTheAfterSetOrder()
    {
        const TokenSet before = readAndResolve(QByteArray("{\"$type\": \"number\", \"a\": {\"$value\": 1}, \"b\": {\"$value\": 2}, \"c\": {\"$value\": \"{a}\"}}"));
        const TokenSet after = readAndResolve(QByteArray("{\"$type\": \"number\", \"a\": {\"$value\": 5}, \"b\": {\"$value\": 2}, \"c\": {\"$value\": \"{a}\"}}"));
        QCOMPARE(TokenDiff::changedIndices(before, after), (std::vector<int>{0, 2}));
    }
};

QTEST_GUILESS_MAIN(TokenDiffTest)
#include "token_diff_test.moc"
