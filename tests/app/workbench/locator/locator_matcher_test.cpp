// SPDX-License-Identifier: Apache-2.0
#include "locator_matcher.h"

#include <QAction>
#include <QTest>

using helios::workbench::LocatorEntry;
using helios::workbench::LocatorMatcher;
using helios::workbench::LocatorQuery;
using Kind = LocatorEntry::Kind;

namespace {

LocatorEntry entry(Kind kind, const QString &title, const QString &detail = {})
{
    LocatorEntry e;
    e.kind = kind;
    e.title = title;
    e.detail = detail;
    return e;
}

LocatorEntry file(const QString &relativePath)
{
    return entry(Kind::File, relativePath.section(u'/', -1), relativePath);
}

QStringList titles(const QList<LocatorEntry> &entries, const QList<int> &ranked)
{
    QStringList out;
    for (int i : ranked)
        out << entries.at(i).title;
    return out;
}

} // namespace

class LocatorMatcherTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testRanking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("names starting with the query come first, shorter first")
            << QStringLiteral("but") << QStringList{QStringLiteral("Button"), QStringLiteral("ButtonGroup"),
                                                    QStringLiteral("Button.tsx"), QStringLiteral("IconButton")};
        QTest::newRow("case does not matter, and a word start beats the middle of a word")
            << QStringLiteral("PRIMARY") << QStringList{QStringLiteral("color.brand.primary"), QStringLiteral("color.unprimary")};
        QTest::newRow("characters in order match across words")
            << QStringLiteral("cbp") << QStringList{QStringLiteral("color.brand.primary")};
        QTest::newRow("a file matches through its path")
            << QStringLiteral("compbutt") << QStringList{QStringLiteral("Button.tsx")};
        QTest::newRow("nothing matches characters out of order") << QStringLiteral("nottub") << QStringList{};
        QTest::newRow("t keeps tokens only") << QStringLiteral("t prim")
                                             << QStringList{QStringLiteral("color.brand.primary"), QStringLiteral("color.unprimary")};
        QTest::newRow("c keeps components only")
            << QStringLiteral("c button") << QStringList{QStringLiteral("Button"), QStringLiteral("ButtonGroup"), QStringLiteral("IconButton")};
        QTest::newRow("> keeps actions only") << QStringLiteral("> b") << QStringList{QStringLiteral("Build")};
        QTest::newRow("f keeps files only") << QStringLiteral("f b") << QStringList{QStringLiteral("Button.tsx")};
    }
    void testRanking()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const QList<LocatorEntry> entries{
            entry(Kind::Component, QStringLiteral("IconButton")),
            entry(Kind::Component, QStringLiteral("ButtonGroup")),
            entry(Kind::Component, QStringLiteral("Button")),
            entry(Kind::Token, QStringLiteral("color.unprimary")),
            entry(Kind::Token, QStringLiteral("color.brand.primary")),
            file(QStringLiteral("src/components/Button/Button.tsx")),
            entry(Kind::Action, QStringLiteral("Build"), QStringLiteral("Ctrl+B")),
        };
        QCOMPARE(titles(entries, LocatorMatcher::rank(entries, LocatorQuery::parse(query))), expected);
    }

    void testAnEmptyQueryKeepsTheEntriesOrder()
    {
        const QList<LocatorEntry> entries{entry(Kind::Token, QStringLiteral("z")), entry(Kind::Token, QStringLiteral("a"))};
        QCOMPARE(LocatorMatcher::rank(entries, LocatorQuery::parse(QString())), (QList<int>{0, 1}));
    }

    void testResultsAreCapped()
    {
        QList<LocatorEntry> entries;
        for (int i = 0; i < 5000; ++i)
            entries << file(QStringLiteral("src/file%1.ts").arg(i));
        const QList<int> ranked = LocatorMatcher::rank(entries, LocatorQuery::parse(QStringLiteral("file")), 200);
        QCOMPARE(ranked.size(), 200);
        QCOMPARE(entries.at(ranked.first()).title, QStringLiteral("file0.ts")); // shortest, then by name
        QCOMPARE(LocatorMatcher::rank(entries, LocatorQuery::parse(QString()), 50).size(), 50);
    }

    void testDisabledActionsAreLeftOut()
    {
        QAction enabled(QStringLiteral("Build"));
        QAction disabled(QStringLiteral("Bundle"));
        disabled.setEnabled(false);
        QList<LocatorEntry> entries{entry(Kind::Action, QStringLiteral("Build")), entry(Kind::Action, QStringLiteral("Bundle"))};
        entries[0].action = &enabled;
        entries[1].action = &disabled;
        QCOMPARE(titles(entries, LocatorMatcher::rank(entries, LocatorQuery::parse(QStringLiteral("b")))),
                 QStringList{QStringLiteral("Build")});
        disabled.setEnabled(true);
        QCOMPARE(LocatorMatcher::rank(entries, LocatorQuery::parse(QStringLiteral("b"))).size(), 2);
    }
};

QTEST_MAIN(LocatorMatcherTest)
#include "locator_matcher_test.moc"
