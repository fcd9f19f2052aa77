// SPDX-License-Identifier: Apache-2.0
#include "slate/glob_matcher.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using helios::slate::GlobMatcher;

class GlobMatcherTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testMatches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("a star matches within one segment") << "tokens/*.json" << "tokens/a.json" << true;
        QTest::newRow("a star does not cross a slash") << "tokens/*.json" << "tokens/x/a.json" << false;
        QTest::newRow("a double star matches no directory at all") << "tokens/**/*.json" << "tokens/a.json" << true;
        QTest::newRow("a double star matches nested directories") << "tokens/**/*.json" << "tokens/x/y/a.json" << true;
        QTest::newRow("a question mark matches one character") << "t?.json" << "t1.json" << true;
        QTest::newRow("a question mark needs a character") << "t?.json" << "t.json" << false;
        QTest::newRow("a literal path matches itself only") << "a/b.json" << "a/b.json" << true;
        QTest::newRow("a suffix must match") << "**/*.tokens.json" << "x/a.json" << false;
        QTest::newRow("several stars backtrack") << "*a*b*.json" << "xxaYYbZZ.json" << true;
        QTest::newRow("a leading dot slash is ignored") << "./src/*.json" << "src/a.json" << true;
        QTest::newRow("a trailing double star matches everything under") << "src/**" << "src/a/b/c.json" << true;
    }
    void testMatches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QCOMPARE(GlobMatcher(pattern).matches(path), matches);
    }

    void testExpandFindsFilesSorted()
    {
        QTemporaryDir dir;
        for (const char *f : {"tokens/b.tokens.json", "tokens/a.tokens.json", "tokens/deep/c.tokens.json",
                              "tokens/deep/skip.txt", "other/d.tokens.json"}) {
            const QString path = dir.filePath(QLatin1StringView(f));
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const QStringList all = GlobMatcher::expand(dir.path(), QStringLiteral("tokens/**/*.tokens.json"));
        QCOMPARE(all, (QStringList{dir.filePath(QStringLiteral("tokens/a.tokens.json")), dir.filePath(QStringLiteral("tokens/b.tokens.json")),
                                   dir.filePath(QStringLiteral("tokens/deep/c.tokens.json"))}));
        QCOMPARE(GlobMatcher::expand(dir.path(), QStringLiteral("tokens/*.tokens.json")).size(), 2);
        QCOMPARE(GlobMatcher::expand(dir.path(), QStringLiteral("other/d.tokens.json")).size(), 1);
        QVERIFY(GlobMatcher::expand(dir.path(), QStringLiteral("missing/*.json")).isEmpty());
        QVERIFY(GlobMatcher::expand(dir.path(), QStringLiteral("nope.json")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(GlobMatcherTest)
#include "glob_matcher_test.moc"
