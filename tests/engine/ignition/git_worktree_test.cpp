// SPDX-License-Identifier: Apache-2.0
// GitWorktree on real repositories in temporary directories: the status kinds, commits of
// chosen paths only (on HEAD, on an unborn HEAD, from a folder inside the repository) and
// refusals that leave HEAD, the index and the files as they were.
#include "ignition/git_client.h"
#include "ignition/git_worktree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <git2.h>

using namespace helios;
using namespace Qt::StringLiterals;
using helios::ignition::GitClient;
using helios::ignition::GitFileStatus;
using helios::ignition::GitWorktree;
using State = GitFileStatus::State;

Q_DECLARE_METATYPE(GitFileStatus::State)

namespace {

template <typename T>
QString errorText(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Reads and changes a repository through libgit2 directly, the way another git client would.
class Repo {
public:
    explicit Repo(const QString &dir)
    {
        git_libgit2_init();
        git_repository_open(&m_repo, QFile::encodeName(dir).constData());
    }
    ~Repo()
    {
        git_repository_free(m_repo);
        git_libgit2_shutdown();
    }
    bool isOpen() const { return m_repo != nullptr; }

    bool stage(const char *path)
    {
        git_index *index = nullptr;
        const bool ok = git_repository_index(&index, m_repo) == 0 && git_index_add_bypath(index, path) == 0
                        && git_index_write(index) == 0;
        git_index_free(index);
        return ok;
    }
    bool unstageAsDeleted(const char *path)
    {
        git_index *index = nullptr;
        const bool ok = git_repository_index(&index, m_repo) == 0 && git_index_remove_bypath(index, path) == 0
                        && git_index_write(index) == 0;
        git_index_free(index);
        return ok;
    }
    QString head() const
    {
        git_oid id;
        if (git_reference_name_to_id(&id, m_repo, "HEAD") != 0)
            return {};
        char text[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(text, sizeof text, &id);
        return QString::fromLatin1(text);
    }
    // What HEAD's commit says: its parents, message and whether `path` is in its tree.
    int headParents() const { return withHead([](git_commit *c) { return int(git_commit_parentcount(c)); }); }
    QString headMessage() const
    {
        QString message;
        withHead([&](git_commit *c) {
            message = QString::fromUtf8(git_commit_message(c));
            return 0;
        });
        return message;
    }
    bool headHas(const char *path) const
    {
        return withHead([&](git_commit *c) {
                   git_tree *tree = nullptr;
                   git_tree_entry *entry = nullptr;
                   const bool found = git_commit_tree(&tree, c) == 0 && git_tree_entry_bypath(&entry, tree, path) == 0;
                   git_tree_entry_free(entry);
                   git_tree_free(tree);
                   return found ? 1 : 0;
               })
               == 1;
    }

private:
    template <typename F>
    int withHead(F f) const
    {
        git_object *object = nullptr;
        if (git_revparse_single(&object, m_repo, "HEAD^{commit}") != 0)
            return -1;
        const int r = f(reinterpret_cast<git_commit *>(object));
        git_object_free(object);
        return r;
    }
    git_repository *m_repo = nullptr;
};

GitFileStatus file(const QString &path, State state, bool staged, const QString &oldPath = {})
{
    return GitFileStatus{path, state, staged, oldPath};
}

enum class Change { Edit, Delete, Create, CreateAndStage, EditAndStage, RenameInIndex };

} // namespace

Q_DECLARE_METATYPE(Change)

class GitWorktreeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_repo = m_dir->filePath(QStringLiteral("repo"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/a.txt"), "a\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/b.txt"), "b\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/src/c.ts"), "export const c = 1;\n"));
        auto first = GitClient::initAndCommit(m_repo, QStringLiteral("main"), {}, QStringLiteral("first"));
        QVERIFY2(first.ok(), qPrintable(errorText(first)));
        m_first = *first;
    }
    void cleanup() { m_dir.reset(); }

    void testAFreshCommitIsClean()
    {
        auto status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QVERIFY(status->isEmpty());
    }

    void testStatusKinds_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("path");
        QTest::addColumn<State>("state");
        QTest::addColumn<bool>("staged");
        QTest::addColumn<QString>("oldPath");
        QTest::newRow("an edited file is modified, not staged")
            << Change::Edit << u"a.txt"_s << State::Modified << false << QString();
        QTest::newRow("an edit added to the index is modified and staged")
            << Change::EditAndStage << u"a.txt"_s << State::Modified << true << QString();
        QTest::newRow("a removed file is deleted")
            << Change::Delete << u"src/c.ts"_s << State::Deleted << false << QString();
        QTest::newRow("an untracked file is new, not staged")
            << Change::Create << u"src/d.ts"_s << State::New << false << QString();
        QTest::newRow("a file added to the index is new and staged")
            << Change::CreateAndStage << u"src/d.ts"_s << State::New << true << QString();
        QTest::newRow("a rename in the index is renamed from the old path")
            << Change::RenameInIndex << u"b2.txt"_s << State::Renamed << true << u"b.txt"_s;
    }
    void testStatusKinds()
    {
        QFETCH(Change, change);
        QFETCH(QString, path);
        QFETCH(State, state);
        QFETCH(bool, staged);
        QFETCH(QString, oldPath);
        Repo repo(m_repo);
        QVERIFY(repo.isOpen());
        const QString absolute = m_repo + u'/' + path;
        switch (change) {
        case Change::Edit:
            QVERIFY(writeFile(absolute, "changed\n"));
            break;
        case Change::EditAndStage:
            QVERIFY(writeFile(absolute, "changed\n"));
            QVERIFY(repo.stage(path.toUtf8().constData()));
            break;
        case Change::Delete:
            QVERIFY(QFile::remove(absolute));
            break;
        case Change::Create:
            QVERIFY(writeFile(absolute, "new\n"));
            break;
        case Change::CreateAndStage:
            QVERIFY(writeFile(absolute, "new\n"));
            QVERIFY(repo.stage(path.toUtf8().constData()));
            break;
        case Change::RenameInIndex:
            QVERIFY(QFile::rename(m_repo + u'/' + oldPath, absolute));
            QVERIFY(repo.unstageAsDeleted(oldPath.toUtf8().constData()));
            QVERIFY(repo.stage(path.toUtf8().constData()));
            break;
        }
        auto status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(path, state, staged, oldPath)});
    }

    void testIgnoredFilesAreLeftOut()
    {
        QVERIFY(writeFile(m_repo + QStringLiteral("/.gitignore"), "dist/\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/dist/app.js"), "built\n"));
        auto status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(u".gitignore"_s, State::New, false)});
    }

    void testCommitTakesOnlyTheChosenPaths()
    {
        QVERIFY(writeFile(m_repo + QStringLiteral("/a.txt"), "a2\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/b.txt"), "b2\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/src/new.ts"), "export {};\n"));
        QVERIFY(QFile::remove(m_repo + QStringLiteral("/src/c.ts")));
        QVERIFY(writeFile(m_repo + QStringLiteral("/staged.txt"), "staged elsewhere\n"));
        Repo repo(m_repo);
        QVERIFY(repo.stage("staged.txt"));

        auto id = GitWorktree::commit(m_repo, {u"a.txt"_s, u"src/new.ts"_s, u"src/c.ts"_s},
                                      QStringLiteral("Edit a, add new, drop c"), {u"Ada"_s, u"ada@example.org"_s});
        QVERIFY2(id.ok(), qPrintable(errorText(id)));
        QCOMPARE(id->size(), GIT_OID_HEXSZ);
        QCOMPARE(repo.head(), *id);
        QCOMPARE(repo.headParents(), 1);
        QCOMPARE(repo.headMessage(), QStringLiteral("Edit a, add new, drop c\n"));
        QVERIFY(repo.headHas("src/new.ts"));
        QVERIFY(!repo.headHas("src/c.ts"));
        QVERIFY(!repo.headHas("staged.txt"));

        auto status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        const QList<GitFileStatus> rest{file(u"b.txt"_s, State::Modified, false),
                                        file(u"staged.txt"_s, State::New, true)};
        QCOMPARE(*status, rest);
    }

    void testFirstCommitOnAnUnbornHead()
    {
        const QString dir = m_dir->filePath(QStringLiteral("fresh"));
        QVERIFY(writeFile(dir + QStringLiteral("/one.txt"), "1\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/two.txt"), "2\n"));
        git_libgit2_init();
        git_repository *raw = nullptr;
        QCOMPARE(git_repository_init(&raw, QFile::encodeName(dir).constData(), 0), 0);
        git_repository_free(raw);
        git_libgit2_shutdown();

        auto id = GitWorktree::commit(dir, {u"one.txt"_s}, QStringLiteral("one"), {});
        QVERIFY2(id.ok(), qPrintable(errorText(id)));
        Repo repo(dir);
        QCOMPARE(repo.head(), *id);
        QCOMPARE(repo.headParents(), 0);
        QVERIFY(repo.headHas("one.txt"));
        QVERIFY(!repo.headHas("two.txt"));
        auto status = GitWorktree::status(dir);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(u"two.txt"_s, State::New, false)});
    }

    void testPathsAreRelativeToAFolderInsideTheRepository()
    {
        QVERIFY(writeFile(m_repo + QStringLiteral("/src/c.ts"), "export const c = 2;\n"));
        QVERIFY(writeFile(m_repo + QStringLiteral("/a.txt"), "outside src\n"));
        const QString src = m_repo + QStringLiteral("/src");
        auto status = GitWorktree::status(src);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(u"c.ts"_s, State::Modified, false)});
        auto id = GitWorktree::commit(src, {u"c.ts"_s}, QStringLiteral("c is 2"), {});
        QVERIFY2(id.ok(), qPrintable(errorText(id)));
        status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(u"a.txt"_s, State::Modified, false)});
    }

    void testRefusalsChangeNothing_data()
    {
        QTest::addColumn<bool>("outsideRepository");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("message");
        QTest::addColumn<ErrorCode>("code");
        const QStringList edited{u"a.txt"_s};
        QTest::newRow("a directory outside any repository is not found")
            << true << edited << u"msg"_s << ErrorCode::NotFound;
        QTest::newRow("an empty message is refused") << false << edited << u"  \n"_s << ErrorCode::InvalidArgument;
        QTest::newRow("no paths are refused") << false << QStringList() << u"msg"_s << ErrorCode::InvalidArgument;
        QTest::newRow("a path leaving the project is refused")
            << false << QStringList{u"a.txt"_s, u"../x.txt"_s} << u"msg"_s << ErrorCode::InvalidArgument;
        QTest::newRow("an unchanged file is nothing to commit")
            << false << QStringList{u"b.txt"_s} << u"msg"_s << ErrorCode::InvalidArgument;
    }
    void testRefusalsChangeNothing()
    {
        QFETCH(bool, outsideRepository);
        QFETCH(QStringList, paths);
        QFETCH(QString, message);
        QFETCH(ErrorCode, code);
        QVERIFY(writeFile(m_repo + QStringLiteral("/a.txt"), "a2\n"));
        const QString dir = outsideRepository ? m_dir->filePath(QStringLiteral("plain")) : m_repo;
        QVERIFY(QDir().mkpath(dir));

        auto id = GitWorktree::commit(dir, paths, message, {});
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, code);
        QVERIFY(!id.error().message.isEmpty());
        QCOMPARE(id.error().context, dir);
        if (outsideRepository) {
            auto status = GitWorktree::status(dir);
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, ErrorCode::NotFound);
        }
        Repo repo(m_repo);
        QCOMPARE(repo.head(), m_first);
        auto status = GitWorktree::status(m_repo);
        QVERIFY2(status.ok(), qPrintable(errorText(status)));
        QCOMPARE(*status, QList<GitFileStatus>{file(u"a.txt"_s, State::Modified, false)});
    }

    void testConfiguredAuthorFallsBackOutsideARepository()
    {
        const QString plain = m_dir->filePath(QStringLiteral("plain"));
        QVERIFY(QDir().mkpath(plain));
        const GitClient::Signature author = GitWorktree::configuredAuthor(plain);
        QCOMPARE(author.name, GitClient::Signature().name);
        QCOMPARE(author.email, GitClient::Signature().email);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_repo;
    QString m_first;
};

QTEST_GUILESS_MAIN(GitWorktreeTest)
#include "git_worktree_test.moc"
