// SPDX-License-Identifier: Apache-2.0
// Changelogs from libgit2: every commit for a first release, only the new ones since the
// previous release's commit, newest first, limited, and nothing (not an error) outside git.
#include "waypoint/changelog.h"

#include "git_commits.h"
#include "ignition/git_client.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::waypoint;

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class ChangelogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aFirstReleaseListsEveryCommitNewestFirst();
    void aLaterReleaseListsOnlyTheCommitsSinceThePrevious();
    void anUnknownPreviousCommitListsEverything();
    void theLimitIsHonoured();
    void aDirectoryOutsideGitHasNoChangelog();
    void aSubdirectoryOfTheRepositoryIsFound();

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QStringList m_commits; // oldest first
};

void ChangelogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_repo = m_dir.filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(m_repo + QStringLiteral("/site")));
    QVERIFY(write(m_repo + QStringLiteral("/site/index.html"), "<h1>one</h1>"));
    const auto first = ignition::GitClient::initAndCommit(m_repo, QStringLiteral("main"), {}, QStringLiteral("Start the site"));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    m_commits << *first;
    for (const QString &subject : {QStringLiteral("Add the hero"), QStringLiteral("Fix the footer\n\nLonger body.")}) {
        QVERIFY(write(m_repo + QStringLiteral("/site/index.html"), subject.toUtf8()));
        const QString id = test::commitAll(m_repo, subject);
        QVERIFY(!id.isEmpty());
        m_commits << id;
    }
}

void ChangelogTest::aFirstReleaseListsEveryCommitNewestFirst()
{
    const auto changelog = changelogSince(m_repo, {});
    QVERIFY2(changelog.ok(), qPrintable(changelog.ok() ? QString() : changelog.error().toString()));
    QCOMPARE(changelog->head, m_commits.last());
    const QStringList expected{m_commits.at(2).left(7) + QStringLiteral(" Fix the footer"),
                               m_commits.at(1).left(7) + QStringLiteral(" Add the hero"),
                               m_commits.at(0).left(7) + QStringLiteral(" Start the site")};
    QCOMPARE(changelog->entries, expected);
}

void ChangelogTest::aLaterReleaseListsOnlyTheCommitsSinceThePrevious()
{
    const auto changelog = changelogSince(m_repo, m_commits.at(1));
    QVERIFY(changelog.ok());
    QCOMPARE(changelog->entries, QStringList{m_commits.at(2).left(7) + QStringLiteral(" Fix the footer")});
    const auto nothingNew = changelogSince(m_repo, m_commits.last());
    QVERIFY(nothingNew.ok());
    QVERIFY(nothingNew->entries.isEmpty());
    QCOMPARE(nothingNew->head, m_commits.last());
}

void ChangelogTest::anUnknownPreviousCommitListsEverything()
{
    const auto changelog = changelogSince(m_repo, QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    QVERIFY(changelog.ok());
    QCOMPARE(changelog->entries.size(), 3);
}

void ChangelogTest::theLimitIsHonoured()
{
    const auto changelog = changelogSince(m_repo, {}, 2);
    QVERIFY(changelog.ok());
    QCOMPARE(changelog->entries.size(), 2);
    QVERIFY(changelog->entries.at(0).endsWith(QStringLiteral("Fix the footer")));
}

void ChangelogTest::aDirectoryOutsideGitHasNoChangelog()
{
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const auto changelog = changelogSince(outside.path(), {});
    QVERIFY(changelog.ok());
    QVERIFY(changelog->head.isEmpty());
    QVERIFY(changelog->entries.isEmpty());
}

void ChangelogTest::aSubdirectoryOfTheRepositoryIsFound()
{
    const auto changelog = changelogSince(m_repo + QStringLiteral("/site"), m_commits.at(0));
    QVERIFY(changelog.ok());
    QCOMPARE(changelog->head, m_commits.last());
    QCOMPARE(changelog->entries.size(), 2);
}

QTEST_GUILESS_MAIN(ChangelogTest)
#include "changelog_test.moc"
