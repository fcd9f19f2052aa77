// SPDX-License-Identifier: Apache-2.0
// Scaffolder on the embedded back ends: dry runs, refusals, failing steps and their
// clean-up, the git repository (read back through libgit2), the Store row, the
// project.created event, templates from a file:// git URL, and the built-in
// react-library template bundled by the pinned esbuild.
#include "backend_under_test.h"
#include "bus/bus.h"
#include "engine.h"
#include "ignition/git_client.h"
#include "ignition/scaffolder.h"
#include "slate/build_config.h"
#include "store/store.h"
#include "test_config.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <git2.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

using namespace helios;
using helios::ignition::ScaffoldRequest;
using helios::ignition::Scaffolder;
using helios::ignition::StepProgress;

namespace {

template <typename T>
QString errorText(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray pngBytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

// A small template whose steps are `steps` (JSON array text after the render step).
QString makeTemplate(const QString &dir, const QByteArray &extraSteps = {})
{
    write(dir + QStringLiteral("/template.json"),
          R"({"name": "demo", "parameters": [{"name": "name", "required": true, "pattern": "[a-z-]+"},
               {"name": "greeting", "default": "hello"}],
              "steps": [{"type": "render"})"
              + extraSteps + "]}");
    write(dir + QStringLiteral("/README.md"), "# {{name}}\n");
    write(dir + QStringLiteral("/src/{{name}}.txt"), "{{greeting}} {{name}}\n");
    write(dir + QStringLiteral("/assets/logo.png"), pngBytes);
    write(dir + QStringLiteral("/.gitignore"), "node_modules/\n");
    return dir;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (!relative.startsWith(QStringLiteral(".git/")))
            files << relative;
    }
    files.sort();
    return files;
}

struct Repo {
    git_repository *repo = nullptr;
    Repo() { git_libgit2_init(); }
    ~Repo()
    {
        git_repository_free(repo);
        git_libgit2_shutdown();
    }
};

void collectTree(git_repository *repo, const git_tree *tree, const QString &prefix, QStringList &paths)
{
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
        const QString name = prefix + QString::fromUtf8(git_tree_entry_name(entry));
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
            git_tree *sub = nullptr;
            QCOMPARE(git_tree_lookup(&sub, repo, git_tree_entry_id(entry)), 0);
            collectTree(repo, sub, name + u'/', paths);
            git_tree_free(sub);
        } else {
            paths << name;
        }
    }
}

} // namespace

class ScaffolderTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<data::Subscription> m_subscription;
    std::mutex m_mutex;
    std::vector<data::Event> m_events;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    qint64 projectCount()
    {
        const auto rows = m_engine->store().query(QStringLiteral("SELECT count(*) AS n FROM projects"));
        return rows.ok() ? rows->value(0, QStringLiteral("n")).toLongLong() : -1;
    }
    int eventsFor(const QString &subject)
    {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (const auto &e : m_events)
            n += e.subject == subject ? 1 : 0;
        return n;
    }
    int eventCount()
    {
        std::lock_guard lock(m_mutex);
        return int(m_events.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto engine = Engine::open(test::configFor(path(QStringLiteral("data")), {}));
        QVERIFY2(engine.ok(), qPrintable(errorText(engine)));
        m_engine = std::move(engine).value();
        auto subscription = m_engine->bus().subscribe({QStringLiteral("project.created"), {}}, [this](const auto &e) {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
            return true;
        });
        QVERIFY2(subscription.ok(), qPrintable(errorText(subscription)));
        m_subscription = std::move(subscription).value();
        makeTemplate(path(QStringLiteral("templates/demo")), R"(, {"type": "git-init-commit"})");
    }

    void cleanupTestCase() { m_subscription.reset(); }

    void testDryRunWritesNothing()
    {
        const QString target = path(QStringLiteral("dry/project"));
        const qint64 before = projectCount();
        const auto plan = Scaffolder::plan({path(QStringLiteral("templates/demo")), target, {{QStringLiteral("name"), QStringLiteral("dry")}}});
        QVERIFY2(plan.ok(), qPrintable(errorText(plan)));
        QCOMPARE(plan->targetDir, target);
        QCOMPARE(plan->projectName, QStringLiteral("dry"));
        QStringList paths;
        for (const auto &f : plan->files)
            paths << f.path;
        QCOMPARE(paths, (QStringList{QStringLiteral(".gitignore"), QStringLiteral("README.md"),
                                     QStringLiteral("assets/logo.png"), QStringLiteral("src/dry.txt")}));
        QCOMPARE(plan->files.at(3).content, QByteArray("hello dry\n"));
        QCOMPARE(plan->steps.size(), 2);
        QCOMPARE(plan->steps.at(1).type, QStringLiteral("git-init-commit"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("dry"))));
        QCOMPARE(projectCount(), before);
    }

    void testBadParametersCreateNothing()
    {
        const QString target = path(QStringLiteral("bad-params"));
        const auto created = Scaffolder(*m_engine).create(
            {path(QStringLiteral("templates/demo")), target, {{QStringLiteral("name"), QStringLiteral("Bad Name")}, {QStringLiteral("colour"), QStringLiteral("red")}}});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
        QVERIFY(created.error().message.contains(QStringLiteral("unknown parameter \"colour\"")));
        QVERIFY(created.error().message.contains(QStringLiteral("does not match the pattern")));
        QVERIFY(!QFileInfo::exists(target));
    }

    void testNonEmptyTargetIsRefusedAndLeftUntouched()
    {
        const QString target = path(QStringLiteral("occupied"));
        write(target + QStringLiteral("/keep.txt"), "mine\n");
        const auto created = Scaffolder(*m_engine).create(
            {path(QStringLiteral("templates/demo")), target, {{QStringLiteral("name"), QStringLiteral("x")}}});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(filesUnder(target), QStringList{QStringLiteral("keep.txt")});
        QCOMPARE(read(target + QStringLiteral("/keep.txt")), QByteArray("mine\n"));
        const auto plan = Scaffolder::plan({path(QStringLiteral("templates/demo")), target, {{QStringLiteral("name"), QStringLiteral("x")}}});
        QVERIFY(!plan.ok());
    }

    void testFailingStepRemovesWhatTheRunCreated_data()
    {
        QTest::addColumn<QByteArray>("steps");
        QTest::addColumn<bool>("targetExists");
        QTest::addColumn<bool>("emptyPath");
        QTest::addColumn<int>("failedStep");
        QTest::newRow("a command exiting non-zero removes the new directory and its new parents")
            << QByteArray(R"(, {"type": "git-init-commit"}, {"type": "command", "argv": ["sh", "-c", "exit 3"]})")
            << false << false << 2;
        QTest::newRow("an existing empty target is emptied and kept")
            << QByteArray(R"(, {"type": "command", "argv": ["sh", "-c", "touch made-by-step; exit 1"]})") << true
            << false << 1;
        QTest::newRow("npm install without npm on PATH fails the run")
            << QByteArray(R"(, {"type": "npm-install"})") << false << true << 1;
    }
    void testFailingStepRemovesWhatTheRunCreated()
    {
        QFETCH(QByteArray, steps);
        QFETCH(bool, targetExists);
        QFETCH(bool, emptyPath);
        QFETCH(int, failedStep);
        QTemporaryDir work;
        const QString templateDir = makeTemplate(work.filePath(QStringLiteral("t")), steps);
        const QString target = work.filePath(QStringLiteral("new-parent/project"));
        if (targetExists)
            QVERIFY(QDir().mkpath(target));
        const qint64 before = projectCount();
        const int eventsBefore = eventCount();

        const QByteArray oldPath = qgetenv("PATH");
        if (emptyPath)
            qputenv("PATH", work.filePath(QStringLiteral("no-tools")).toUtf8());
        QList<StepProgress> seen;
        const auto created = Scaffolder(*m_engine).create(
            {templateDir, target, {{QStringLiteral("name"), QStringLiteral("doomed")}}},
            [&](const StepProgress &p) { seen << p; });
        qputenv("PATH", oldPath);

        QVERIFY(!created.ok());
        QVERIFY2(created.error().message.contains(QStringLiteral("the project was removed")), qPrintable(created.error().message));
        if (emptyPath)
            QVERIFY2(created.error().message.contains(QStringLiteral("npm not found")), qPrintable(created.error().message));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last().state, StepProgress::State::Failed);
        QCOMPARE(seen.last().index, failedStep);
        if (targetExists) {
            QVERIFY(QFileInfo(target).isDir());
            QVERIFY(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
        } else {
            QVERIFY(!QFileInfo::exists(work.filePath(QStringLiteral("new-parent"))));
        }
        QCOMPARE(projectCount(), before);
        QCOMPARE(eventCount(), eventsBefore);
    }

    void testCancellingStopsARunningCommandAndWhatItStarted()
    {
        // The command's shell starts a long sleep in the background and waits for it: a
        // cancel must end both (its process group), then remove the project.
        QTemporaryDir work;
        const QString pidFile = work.filePath(QStringLiteral("sleep.pid"));
        const QJsonArray sleepy{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 300 & echo $! > %1; wait").arg(pidFile)};
        const QJsonArray never{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("touch never-run")};
        const QByteArray steps = ", "
                                 + QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("command")}, {QStringLiteral("argv"), sleepy}}).toJson(QJsonDocument::Compact)
                                 + ", "
                                 + QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("command")}, {QStringLiteral("argv"), never}}).toJson(QJsonDocument::Compact);
        const QString templateDir = makeTemplate(work.filePath(QStringLiteral("t")), steps);
        const QString target = work.filePath(QStringLiteral("new-parent/project"));
        const qint64 before = projectCount();
        std::atomic_bool cancelled{false};
        QList<StepProgress> seen;
        std::mutex seenLock;
        Result<ignition::ScaffoldResult> created = makeError(ErrorCode::Internal, QStringLiteral("not run"));
        std::thread worker([&] {
            created = Scaffolder(*m_engine).create(
                {templateDir, target, {{QStringLiteral("name"), QStringLiteral("stopped")}}},
                [&](const StepProgress &p) {
                    const std::lock_guard lock(seenLock);
                    seen << p;
                },
                &cancelled);
        });
        QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 30000); // the sleep runs
        const pid_t sleeper = pid_t(read(pidFile).trimmed().toInt());
        QVERIFY(sleeper > 0);
        QVERIFY(::kill(sleeper, 0) == 0);
        cancelled = true;
        worker.join();

        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::Conflict);
        QVERIFY2(created.error().message.contains(QStringLiteral("cancelled at step 2 (command), the project was removed")),
                 qPrintable(created.error().message));
        QCOMPARE(seen.last().state, StepProgress::State::Failed);
        QCOMPARE(seen.last().index, 1);
        QVERIFY(!QFileInfo::exists(work.filePath(QStringLiteral("new-parent"))));
        QCOMPARE(projectCount(), before);
        // The background sleep was stopped with its shell (a zombie until its new parent
        // reaps it counts as stopped).
        QTRY_VERIFY_WITH_TIMEOUT(::kill(sleeper, 0) != 0 || read(QStringLiteral("/proc/%1/stat").arg(sleeper)).contains(") Z "), 10000);
    }

    void testProjectIsCommittedRecordedAndAnnounced()
    {
        const QString target = path(QStringLiteral("made/widgets"));
        QList<StepProgress> seen;
        const auto created = Scaffolder(*m_engine).create(
            {path(QStringLiteral("templates/demo")), target,
             {{QStringLiteral("name"), QStringLiteral("widgets")}, {QStringLiteral("greeting"), QStringLiteral("hi")}}},
            [&](const StepProgress &p) { seen << p; });
        QVERIFY2(created.ok(), qPrintable(errorText(created)));
        QCOMPARE(seen.size(), 4);  // started and finished, twice
        QCOMPARE(seen.last().state, StepProgress::State::Finished);
        QCOMPARE(read(target + QStringLiteral("/src/widgets.txt")), QByteArray("hi widgets\n"));
        QCOMPARE(read(target + QStringLiteral("/assets/logo.png")), pngBytes);

        // git: HEAD is main, one commit, its tree holds every rendered file.
        Repo repo;
        QCOMPARE(git_repository_open(&repo.repo, target.toUtf8().constData()), 0);
        git_reference *head = nullptr;
        QCOMPARE(git_repository_head(&head, repo.repo), 0);
        QCOMPARE(QString::fromUtf8(git_reference_name(head)), QStringLiteral("refs/heads/main"));
        git_reference_free(head);
        git_revwalk *walk = nullptr;
        QCOMPARE(git_revwalk_new(&walk, repo.repo), 0);
        QCOMPARE(git_revwalk_push_head(walk), 0);
        git_oid oid;
        QStringList commits;
        while (git_revwalk_next(&oid, walk) == 0) {
            char hex[GIT_OID_HEXSZ + 1] = {};
            commits << QString::fromLatin1(git_oid_tostr(hex, sizeof hex, &oid));
        }
        git_revwalk_free(walk);
        QCOMPARE(commits, QStringList{created->commitId});
        git_commit *commit = nullptr;
        git_oid_fromstr(&oid, created->commitId.toLatin1().constData());
        QCOMPARE(git_commit_lookup(&commit, repo.repo, &oid), 0);
        QCOMPARE(QString::fromUtf8(git_commit_author(commit)->name), QStringLiteral("Helios"));
        QCOMPARE(QString::fromUtf8(git_commit_author(commit)->email), QStringLiteral("helios@localhost"));
        git_tree *tree = nullptr;
        QCOMPARE(git_commit_tree(&tree, commit), 0);
        QStringList committed;
        collectTree(repo.repo, tree, {}, committed);
        git_tree_free(tree);
        git_commit_free(commit);
        committed.sort();
        QStringList rendered;
        for (const auto &f : created->plan.files)
            rendered << f.path;
        QCOMPARE(committed, rendered);
        QCOMPARE(filesUnder(target), rendered);

        // Store row.
        const auto rows = m_engine->store().query(
            QStringLiteral("SELECT name, path, template, created_at, parameters, template_source FROM projects WHERE id = $1"),
            {created->projectId});
        QVERIFY2(rows.ok(), qPrintable(errorText(rows)));
        QCOMPARE(rows->rows.size(), 1);
        QCOMPARE(rows->value(0, QStringLiteral("name")).toString(), QStringLiteral("widgets"));
        QCOMPARE(rows->value(0, QStringLiteral("path")).toString(), target);
        QCOMPARE(rows->value(0, QStringLiteral("template")).toString(), QStringLiteral("demo"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"))
                    .match(rows->value(0, QStringLiteral("created_at")).toString())
                    .hasMatch());
        const QJsonObject parameters =
            QJsonDocument::fromJson(rows->value(0, QStringLiteral("parameters")).toString().toUtf8()).object();
        QCOMPARE(parameters, (QJsonObject{{QStringLiteral("name"), QStringLiteral("widgets")},
                                          {QStringLiteral("greeting"), QStringLiteral("hi")}}));
        QCOMPARE(rows->value(0, QStringLiteral("template_source")).toString(), path(QStringLiteral("templates/demo")));

        // Event.
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(created->projectId), 1, 10000);
        std::lock_guard lock(m_mutex);
        for (const auto &e : m_events) {
            if (e.subject != created->projectId)
                continue;
            QCOMPARE(e.type, QStringLiteral("project.created"));
            QCOMPARE(e.source, QStringLiteral("/helios/ignition"));
            QCOMPARE(e.data, (QJsonObject{{QStringLiteral("id"), created->projectId},
                                          {QStringLiteral("name"), QStringLiteral("widgets")},
                                          {QStringLiteral("path"), target},
                                          {QStringLiteral("template"), QStringLiteral("demo")}}));
        }
    }

    void testTemplateFromFileGitUrl()
    {
        // A template repository with history, then a bare clone of it served as file://.
        QTemporaryDir work;
        const QString source = makeTemplate(work.filePath(QStringLiteral("source")));
        const auto commit = ignition::GitClient::initAndCommit(source, QStringLiteral("main"), {}, QStringLiteral("template"));
        QVERIFY2(commit.ok(), qPrintable(errorText(commit)));
        const QString bare = work.filePath(QStringLiteral("demo.git"));
        {
            Repo repo;
            git_clone_options options = GIT_CLONE_OPTIONS_INIT;
            options.bare = 1;
            QCOMPARE(git_clone(&repo.repo, source.toUtf8().constData(), bare.toUtf8().constData(), &options), 0);
        }
        const QString url = QStringLiteral("file://") + bare;
        const QString target = work.filePath(QStringLiteral("from-url"));
        const auto created = Scaffolder(*m_engine).create({url, target, {{QStringLiteral("name"), QStringLiteral("cloned")}}});
        QVERIFY2(created.ok(), qPrintable(errorText(created)));
        QCOMPARE(filesUnder(target), (QStringList{QStringLiteral(".gitignore"), QStringLiteral("README.md"),
                                                  QStringLiteral("assets/logo.png"), QStringLiteral("src/cloned.txt")}));
        QVERIFY2(!QFileInfo::exists(target + QStringLiteral("/.git")), "the template's .git was copied");
        QCOMPARE(created->plan.templateOrigin, url);
        const auto rows = m_engine->store().query(QStringLiteral("SELECT template_source FROM projects WHERE id = $1"),
                                                  {created->projectId});
        QVERIFY(rows.ok() && rows->rows.size() == 1);
        QCOMPARE(rows->value(0, QStringLiteral("template_source")).toString(), url);

        const auto missing = Scaffolder::plan({QStringLiteral("file://") + work.filePath(QStringLiteral("none.git")),
                                               work.filePath(QStringLiteral("x")), {}});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Unavailable);
    }

    void testReactLibraryTemplateBuilds()
    {
        QTemporaryDir work;
        const QString target = work.filePath(QStringLiteral("acme-ui"));
        ScaffoldRequest request{QStringLiteral("react-library"), target,
                                {{QStringLiteral("name"), QStringLiteral("acme-ui")}, {QStringLiteral("scope"), QStringLiteral("@acme")},
                                 {QStringLiteral("component"), QStringLiteral("Badge")}}};
        request.install = false;
        const auto created = Scaffolder(*m_engine).create(request);
        QVERIFY2(created.ok(), qPrintable(errorText(created)));
        QCOMPARE(created->plan.steps.at(1).type, QStringLiteral("npm-install"));
        QVERIFY(created->plan.steps.at(1).skipped);
        QVERIFY(!created->commitId.isEmpty());
        for (const char *file : {"helios.json", "index.html", "package.json", "tsconfig.json", ".gitignore", "README.md",
                                 "tokens/tokens.config.json", "tokens/base.tokens.json", "tokens/dark.tokens.json",
                                 "src/main.tsx", "src/index.ts", "src/css-modules.d.ts", "src/components/Badge/Badge.tsx",
                                 "src/components/Badge/Badge.module.css", "src/components/Badge/Badge.stories.tsx",
                                 "src/components/Badge/index.ts"})
            QVERIFY2(QFileInfo::exists(target + u'/' + QLatin1StringView(file)), file);

        const QJsonObject package = QJsonDocument::fromJson(read(target + QStringLiteral("/package.json"))).object();
        QCOMPARE(package.value(QStringLiteral("name")).toString(), QStringLiteral("@acme/acme-ui"));
        QCOMPARE(package.value(QStringLiteral("private")), QJsonValue(false));
        QCOMPARE(package.value(QStringLiteral("license")).toString(), QStringLiteral("MIT"));
        const QJsonObject helios = QJsonDocument::fromJson(read(target + QStringLiteral("/helios.json"))).object();
        QCOMPARE(helios.value(QStringLiteral("name")).toString(), QStringLiteral("acme-ui"));
        QCOMPARE(helios.value(QStringLiteral("image")).toObject().value(QStringLiteral("repository")).toString(),
                 QStringLiteral("helios/acme-ui"));
        QVERIFY(read(target + QStringLiteral("/index.html")).contains("<link rel=\"stylesheet\" href=\"/tokens.css\">"));

        // SLATE accepts its tokens config.
        const auto config = slate::BuildConfig::read(target + QStringLiteral("/tokens/tokens.config.json"));
        QVERIFY(!config.hasErrors());
        QCOMPARE(config.sources.size(), 1);
        QCOMPARE(config.themes.size(), size_t(1));

        // The pinned esbuild bundles the app; react comes from the toolchain's node_modules.
        const QString toolchain = QStringLiteral(HELIOS_SOURCE_DIR "/resources/toolchain/node_modules");
        const QString esbuild = toolchain + QStringLiteral("/@esbuild/linux-x64/bin/esbuild");
        QVERIFY2(QFileInfo(esbuild).isExecutable(), "the pinned esbuild is missing: run scripts/setup");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), toolchain);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(target);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(esbuild, {QStringLiteral("src/main.tsx"), QStringLiteral("--bundle"),
                          QStringLiteral("--outdir=") + work.filePath(QStringLiteral("out")), QStringLiteral("--log-level=warning")});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        QVERIFY(QFileInfo(work.filePath(QStringLiteral("out/main.js"))).size() > 1000);
    }
};

QTEST_GUILESS_MAIN(ScaffolderTest)
#include "scaffolder_test.moc"
