// SPDX-License-Identifier: Apache-2.0
// The SPARK pipeline on the embedded back ends (unit) and on the real PostgreSQL, Redis
// and NATS (integration): prompts into a scaffolded react-library project, versions and
// their history and diffs in the Store, the code in the Cache, component.generated on the
// Bus, accept() writing only inside the project and IGNIS building it; bad prompts.
#include "spark/spark_pipeline.h"

#include "backend_under_test.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "engine.h"
#include "ignition/scaffolder.h"
#include "spark/component_library.h"
#include "spark/line_diff.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace helios;
using namespace helios::spark;

namespace {

QString describe(const ValidationReport &report)
{
    QStringList lines;
    for (const ValidationIssue &issue : report.issues)
        lines << QStringLiteral("%1:%2:%3 [%4] %5").arg(issue.file).arg(issue.line).arg(issue.column).arg(issue.check, issue.message);
    return lines.join(QLatin1Char('\n'));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file under `root` but inside `skip`, relative: what must not change.
QSet<QString> filesOutside(const QString &root, const QStringList &skip)
{
    QSet<QString> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (std::none_of(skip.cbegin(), skip.cend(), [&](const QString &s) { return path.startsWith(s + QLatin1Char('/')); }))
            files.insert(path);
    }
    return files;
}

} // namespace

class SparkPipelineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unifiedDiffReadsLikeDiffU();
    void withoutAProjectTheBuiltInTokensAreUsedAndNothingIsSaved();
    void aFirstGenerationIsVersionOneCachedAndAnnounced();
    void aChangedRegenerationIsTheNextVersionAndAnIdenticalOneIsNot();
    void historyAndDiffDescribeTheVersions();
    void aForcedExpertIsHonouredAndTheRoutingStillReported();
    void progressNamesEveryPhaseAndCancellingStopsBeforeSaving();
    void aDryRunRecordsNothing();
    void badPromptsGetAClearErrorOrASaneComponent_data();
    void badPromptsGetAClearErrorOrASaneComponent();
    void acceptWritesOnlyInsideTheProjectAndTheBuildSucceeds();
    void acceptRefusesAFailedGenerationAndPathsOutsideTheProject();
    void cleanupTestCase();

private:
    Result<Generation> generate(const QString &prompt, const QString &projectDir, std::optional<ExpertFamily> expert = {})
    {
        GenerateOptions options;
        options.prompt = prompt;
        options.projectDir = projectDir;
        options.expert = expert;
        options.useLlm = false;
        return SparkPipeline(*m_engine).generate(options);
    }

    QList<data::Event> eventsOf(const QString &type)
    {
        QMutexLocker lock(&m_eventsMutex);
        QList<data::Event> found;
        for (const data::Event &event : std::as_const(m_events))
            if (event.type == type && event.data.value(QStringLiteral("project")).toString() == m_name)
                found << event;
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<data::Subscription> m_subscription;
    QMutex m_eventsMutex;
    QList<data::Event> m_events;
    QString m_project;
    QString m_name;
    Generation m_second;
};

void SparkPipelineTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const Config config = test::configFor(m_dir.filePath(QStringLiteral("data")),
                                          {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL"),
                                           QStringLiteral("NATS_URL")});
    auto engine = Engine::open(config);
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);
    auto subscription = m_engine->bus().subscribe({QStringLiteral("component.>"), {}}, [this](const data::Event &event) {
        QMutexLocker lock(&m_eventsMutex);
        m_events.append(event);
        return true;
    });
    QVERIFY(subscription.ok());
    m_subscription = std::move(*subscription);

    // A unique project name: the real database and cache outlive this run.
    m_name = QStringLiteral("spark-ui-") + QString::number(QRandomGenerator::global()->generate64() % 1000000000ULL);
    m_project = m_dir.filePath(QStringLiteral("spark-ui"));
    ignition::Scaffolder scaffolder(*m_engine);
    auto created = scaffolder.create({QStringLiteral("react-library"), m_project, {{QStringLiteral("name"), m_name}, {QStringLiteral("component"), QStringLiteral("Sample")}}, false});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_project = QDir(m_project).canonicalPath();
    // The template's own example is named so that no generated component replaces it.
    QVERIFY(QFileInfo::exists(m_project + QStringLiteral("/src/components/Sample/Sample.tsx")));
}

void SparkPipelineTest::unifiedDiffReadsLikeDiffU()
{
    QCOMPARE(unifiedDiff(QStringLiteral("f"), "a\nb\nc\n", "a\nb\nc\n"), QString());
    QCOMPARE(unifiedDiff(QStringLiteral("f"), "a\nb\nc\n", "a\nB\nc\n"),
             QStringLiteral("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"));
    QCOMPARE(unifiedDiff(QStringLiteral("f"), "", "x\n"), QStringLiteral("--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+x\n"));
    QCOMPARE(unifiedDiff(QStringLiteral("f"), "x\n", "x"),
             QStringLiteral("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n"));
    // Two changes far apart are two hunks with three lines of context each.
    QByteArray before;
    for (int i = 1; i <= 20; ++i)
        before += QByteArray::number(i) + '\n';
    QByteArray after = before;
    after.replace("2\n3\n", "2\nthree\n").replace("\n18\n", "\neighteen\n");
    const QString diff = unifiedDiff(QStringLiteral("f"), before, after);
    QVERIFY2(diff.contains(QStringLiteral("@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n")), qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n")), qPrintable(diff));
}

void SparkPipelineTest::withoutAProjectTheBuiltInTokensAreUsedAndNothingIsSaved()
{
    const auto generation = generate(QStringLiteral("a primary button called Go"), {});
    QVERIFY2(generation.ok(), qPrintable(generation.ok() ? QString() : generation.error().toString()));
    QCOMPARE(generation->tokensSource, QStringLiteral("built-in tokens"));
    QVERIFY(generation->project.isEmpty());
    QCOMPARE(generation->version, 0);
    QVERIFY2(generation->validation.passed(), qPrintable(describe(generation->validation)));
    QVERIFY(!generation->routing.experts.isEmpty());
    QVERIFY(!generation->component.files.isEmpty());
}

void SparkPipelineTest::aFirstGenerationIsVersionOneCachedAndAnnounced()
{
    const auto generation = generate(QStringLiteral("a primary button called SaveButton labelled \"Save\""), m_project);
    QVERIFY2(generation.ok(), qPrintable(generation.ok() ? QString() : generation.error().toString()));
    QVERIFY2(generation->validation.passed(), qPrintable(describe(generation->validation)));
    QCOMPARE(generation->component.name, QStringLiteral("SaveButton"));
    QCOMPARE(generation->project, m_name);
    QCOMPARE(generation->version, 1);
    QVERIFY(generation->tokensSource.startsWith(QStringLiteral("project tokens")));
    QCOMPARE(generation->routing.best().family, ExpertFamily::Button);
    QCOMPARE(generation->component.expert, QStringLiteral("button"));

    const auto cached = m_engine->cache().get(ComponentLibrary::cacheKey(m_name, QStringLiteral("SaveButton"), 1));
    QVERIFY(cached.ok() && cached->has_value());
    QVERIFY(cached->value().contains("SaveButton.tsx"));

    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(QStringLiteral("component.generated")).size(), 1, 10000);
    const QJsonObject data = eventsOf(QStringLiteral("component.generated")).constFirst().data;
    QCOMPARE(data.value(QStringLiteral("name")).toString(), QStringLiteral("SaveButton"));
    QCOMPARE(data.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(data.value(QStringLiteral("expert")).toString(), QStringLiteral("button"));
    const QJsonArray files = data.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), generation->component.files.size());
    QVERIFY(files.contains(QStringLiteral("SaveButton/SaveButton.tsx")));
}

void SparkPipelineTest::aChangedRegenerationIsTheNextVersionAndAnIdenticalOneIsNot()
{
    const QString prompt = QStringLiteral("a large danger button called SaveButton labelled \"Delete\" that can be disabled");
    auto second = generate(prompt, m_project);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QVERIFY2(second->validation.passed(), qPrintable(describe(second->validation)));
    QCOMPARE(second->version, 2);
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(QStringLiteral("component.generated")).size(), 2, 10000);
    m_second = *second;

    // The same prompt writes the same bytes: still version 2, nothing announced.
    const auto again = generate(prompt, m_project);
    QVERIFY(again.ok());
    QCOMPARE(again->version, 2);
    QTest::qWait(200);
    QCOMPARE(eventsOf(QStringLiteral("component.generated")).size(), 2);
}

void SparkPipelineTest::historyAndDiffDescribeTheVersions()
{
    ComponentLibrary library(m_engine->store(), m_engine->cache());
    const auto history = library.history(m_name, QStringLiteral("SaveButton"));
    QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().toString()));
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).version, 1);
    QCOMPARE(history->at(1).version, 2);
    QVERIFY(history->at(1).prompt.contains(QStringLiteral("danger")));
    QVERIFY(history->at(0).contentSha256 != history->at(1).contentSha256);

    const auto latest = library.version(m_name, QStringLiteral("SaveButton"));
    QVERIFY(latest.ok());
    QCOMPARE(latest->info.version, 2);
    QCOMPARE(latest->files, m_second.component.files);

    const auto diff = library.diff(m_name, QStringLiteral("SaveButton"), 1, 2);
    QVERIFY2(diff.ok(), qPrintable(diff.ok() ? QString() : diff.error().toString()));
    QCOMPARE(diff->from, 1);
    QCOMPARE(diff->to, 2);
    QVERIFY(!diff->files.isEmpty());
    bool tsxChanged = false;
    for (const ComponentFileChange &change : diff->files) {
        if (change.path == QStringLiteral("SaveButton/SaveButton.tsx")) {
            tsxChanged = change.kind == ComponentFileChange::Kind::Changed;
            QVERIFY(change.diff.startsWith(QStringLiteral("--- a/SaveButton/SaveButton.tsx\n+++ b/SaveButton/SaveButton.tsx\n@@ -")));
        }
    }
    QVERIFY(tsxChanged);
    const auto none = library.diff(m_name, QStringLiteral("SaveButton"), 2, 2);
    QVERIFY(none.ok() && none->files.isEmpty());
    QCOMPARE(library.version(m_name, QStringLiteral("SaveButton"), 9).error().code, ErrorCode::NotFound);

    const auto list = library.list(m_name);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->constFirst().version, 2);
}

void SparkPipelineTest::aForcedExpertIsHonouredAndTheRoutingStillReported()
{
    const auto generation = generate(QStringLiteral("a card with a title and two buttons"), {}, ExpertFamily::Tabs);
    QVERIFY2(generation.ok(), qPrintable(generation.ok() ? QString() : generation.error().toString()));
    QCOMPARE(generation->component.family, ExpertFamily::Tabs);
    QCOMPARE(generation->component.expert, QStringLiteral("tabs"));
    QCOMPARE(generation->routing.experts.size(), 3);
    QCOMPARE(generation->routing.best().family, ExpertFamily::Card);
}

void SparkPipelineTest::progressNamesEveryPhaseAndCancellingStopsBeforeSaving()
{
    QStringList phases;
    GenerateOptions options;
    options.prompt = QStringLiteral("an alert called QuotaAlert saying \"You are over quota\"");
    options.projectDir = m_project;
    options.useLlm = false;
    options.progress = [&phases](const GenerationProgress &p) {
        if (phases.isEmpty() || phases.constLast() != p.phase)
            phases << p.phase;
        QVERIFY(p.step <= p.steps);
    };
    SparkPipeline pipeline(*m_engine);
    const auto generation = pipeline.generate(options);
    QVERIFY(generation.ok());
    QCOMPARE(phases, (QStringList{QStringLiteral("tokens"), QStringLiteral("route"), QStringLiteral("generate"),
                                  QStringLiteral("validate"), QStringLiteral("save")}));

    std::atomic_bool cancelled = false;
    options.prompt = QStringLiteral("a tooltip called CancelledTip");
    options.cancelled = &cancelled;
    options.progress = [&cancelled](const GenerationProgress &p) {
        if (p.phase == QStringLiteral("route"))
            cancelled = true;
    };
    const auto stopped = pipeline.generate(options);
    QVERIFY(!stopped.ok());
    QVERIFY(stopped.error().message.contains(QStringLiteral("cancelled")));
    ComponentLibrary library(m_engine->store(), m_engine->cache());
    QVERIFY(library.history(m_name, QStringLiteral("CancelledTip"))->isEmpty());
}

void SparkPipelineTest::aDryRunRecordsNothing()
{
    GenerateOptions options;
    options.prompt = QStringLiteral("a badge called DryBadge");
    options.projectDir = m_project;
    options.useLlm = false;
    options.save = false;
    const auto generation = SparkPipeline(*m_engine).generate(options);
    QVERIFY(generation.ok());
    QVERIFY2(generation->validation.passed(), qPrintable(describe(generation->validation)));
    QCOMPARE(generation->version, 0);
    ComponentLibrary library(m_engine->store(), m_engine->cache());
    QVERIFY(library.history(m_name, generation->component.name)->isEmpty());
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/src/components/DryBadge")));
}

void SparkPipelineTest::badPromptsGetAClearErrorOrASaneComponent_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("refused");
    QTest::newRow("an empty prompt is refused") << QString() << true;
    QTest::newRow("a prompt of white space is refused") << QStringLiteral("  \n\t ") << true;
    QTest::newRow("a 100 KB prompt is refused") << QString(100 * 1024, QLatin1Char('a')) << true;
    QTest::newRow("a prompt of punctuation is refused") << QStringLiteral("?!... --- ;;; ***") << true;
    QTest::newRow("a path-like name becomes a safe component")
        << QStringLiteral("../../etc/passwd called ../../Evil") << false;
    QTest::newRow("markup in a label stays text") << QStringLiteral("a button labelled \"</button><script>x</script>\"")
                                                  << false;
}

void SparkPipelineTest::badPromptsGetAClearErrorOrASaneComponent()
{
    QFETCH(QString, prompt);
    QFETCH(bool, refused);
    const QSet<QString> before = filesOutside(m_dir.path(), {m_project, m_dir.filePath(QStringLiteral("data"))});
    const auto generation = generate(prompt, m_project);
    if (refused) {
        QVERIFY(!generation.ok());
        QCOMPARE(generation.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!generation.error().message.isEmpty());
        return;
    }
    QVERIFY2(generation.ok(), qPrintable(generation.ok() ? QString() : generation.error().toString()));
    const GeneratedComponent &component = generation->component;
    QVERIFY2(ComponentLibrary::nameProblem(component.name).isEmpty(), qPrintable(component.name));
    for (const GeneratedFile &file : component.files) {
        QVERIFY2(file.path.startsWith(component.name + QLatin1Char('/')), qPrintable(file.path));
        QVERIFY(!file.path.contains(QStringLiteral("..")));
    }
    QVERIFY2(generation->validation.passed(), qPrintable(describe(generation->validation)));
    const auto accepted = SparkPipeline(*m_engine).accept(*generation, m_project, false);
    QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().toString()));
    for (const QString &path : accepted->written)
        QVERIFY2(path.startsWith(QStringLiteral("src/components/") + component.name + QLatin1Char('/'))
                     || path == QStringLiteral("src/index.ts") || path == QStringLiteral("src/stories.ts"),
                 qPrintable(path));
    QCOMPARE(filesOutside(m_dir.path(), {m_project, m_dir.filePath(QStringLiteral("data"))}), before);
}

void SparkPipelineTest::acceptWritesOnlyInsideTheProjectAndTheBuildSucceeds()
{
    QVERIFY(!m_second.component.files.isEmpty());
    QStringList phases;
    const auto accepted = SparkPipeline(*m_engine).accept(m_second, m_project, true, [&phases](const GenerationProgress &p) {
        if (phases.isEmpty() || phases.constLast() != p.phase)
            phases << p.phase;
    });
    QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().toString()));
    QCOMPARE(phases, (QStringList{QStringLiteral("write"), QStringLiteral("build")}));
    QVERIFY2(accepted->built, qPrintable(accepted->buildSummary));
    for (const GeneratedFile &file : m_second.component.files) {
        const QString relative = QStringLiteral("src/components/") + file.path;
        QVERIFY2(accepted->written.contains(relative), qPrintable(relative));
        QCOMPARE(readAll(m_project + QLatin1Char('/') + relative), file.content);
    }
    QVERIFY(readAll(m_project + QStringLiteral("/src/index.ts")).contains("export * from './components/SaveButton';"));
    // The showcase lists the stories too, so the app page renders the new component.
    QVERIFY(readAll(m_project + QStringLiteral("/src/stories.ts"))
                .contains("export * as SaveButton from './components/SaveButton/SaveButton.stories';"));
    QVERIFY(readAll(m_project + QStringLiteral("/dist/lib/index.js")).contains("SaveButton"));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(QStringLiteral("component.created")).size() >= 1, true, 10000);

    // Accepting again rewrites the same folder and does not export twice.
    const auto again = SparkPipeline(*m_engine).accept(m_second, m_project, false);
    QVERIFY(again.ok());
    QVERIFY(!again->written.contains(QStringLiteral("src/index.ts")));
    QVERIFY(!again->written.contains(QStringLiteral("src/stories.ts")));
    QCOMPARE(readAll(m_project + QStringLiteral("/src/index.ts")).count("./components/SaveButton'"), 1);
    QCOMPARE(readAll(m_project + QStringLiteral("/src/stories.ts")).count("SaveButton.stories'"), 1);
}

void SparkPipelineTest::acceptRefusesAFailedGenerationAndPathsOutsideTheProject()
{
    Generation failed = m_second;
    failed.validation.issues.append({QStringLiteral("compile"), QStringLiteral("SaveButton/SaveButton.tsx"), 1, 1,
                                     QStringLiteral("broken"), true});
    const auto refused = SparkPipeline(*m_engine).accept(failed, m_project, false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);

    const QSet<QString> before = filesOutside(m_dir.path(), {m_dir.filePath(QStringLiteral("data"))});
    const QStringList evilPaths = {QStringLiteral("../../../evil.tsx"), QStringLiteral("SaveButton/../../evil.tsx"),
                                   QStringLiteral("/tmp/evil.tsx"), QStringLiteral("Other/evil.tsx"),
                                   QStringLiteral("SaveButton\\..\\evil.tsx")};
    for (const QString &path : evilPaths) {
        Generation evil = m_second;
        evil.component.files.append({path, QByteArrayLiteral("export {};\n")});
        const auto outcome = SparkPipeline(*m_engine).accept(evil, m_project, false);
        QVERIFY2(!outcome.ok(), qPrintable(path));
        QCOMPARE(outcome.error().code, ErrorCode::InvalidArgument);
    }
    QCOMPARE(filesOutside(m_dir.path(), {m_dir.filePath(QStringLiteral("data"))}), before);

    // A component folder that is a link out of the project is refused too.
    const QString outside = m_dir.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(QFile::link(outside, m_project + QStringLiteral("/src/components/Linked")));
    Generation linked = m_second;
    linked.component.name = QStringLiteral("Linked");
    for (GeneratedFile &file : linked.component.files)
        file.path.replace(QStringLiteral("SaveButton/"), QStringLiteral("Linked/"));
    const auto outcome = SparkPipeline(*m_engine).accept(linked, m_project, false);
    QVERIFY(!outcome.ok());
    QVERIFY(QDir(outside).isEmpty());
}

void SparkPipelineTest::cleanupTestCase()
{
    m_subscription.reset();
    m_engine.reset();
}

QTEST_GUILESS_MAIN(SparkPipelineTest)
#include "spark_pipeline_test.moc"
