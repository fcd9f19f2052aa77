// SPDX-License-Identifier: Apache-2.0
// A project's life through IGNIS, on the embedded back ends (unit) and on the real
// PostgreSQL, Redis, NATS and registry (integration): scaffolded from the react-library
// template, built and published as an image that skopeo reads and umoci unpacks, rebuilt
// unchanged (a cache hit), rebuilt after one edit (only what reads the file), and broken
// (a located error, build.failed, nothing published, the previous output kept).
#include "ignis/production_build.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "bus/bus.h"
#include "engine.h"
#include "ignis/build_history.h"
#include "ignition/scaffolder.h"
#include "image_test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

using namespace helios;
using namespace helios::ignis;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void append(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(text);
}

QMap<QString, QString> digestsOf(const BuildReport &report)
{
    QMap<QString, QString> digests;
    for (const BuildOutput &output : report.outputs)
        digests.insert(output.path, output.digest);
    return digests;
}

QString phaseCache(const BuildReport &report, const QString &name)
{
    const BuildPhase *phase = report.phase(name);
    return phase ? phase->cache : QStringLiteral("<no phase %1>").arg(name);
}

QString describe(const BuildReport &report)
{
    QStringList lines;
    for (const BuildMessage &message : report.messages)
        lines << message.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class ProductionBuildTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void firstBuildWritesHashedOutputs();
    void publishedImageReadsAndUnpacks();
    void unchangedRebuildIsACacheHit();
    void deletedOutputIsRestoredFromTheCache();
    void editRebuildsOnlyTheEntryThatReadsIt();
    void tokenEditRebuildsOnlyTheStylesheet();
    void syntaxErrorFailsAndPublishesNothing();
    void cleanupTestCase();

private:
    BuildReport build(bool publish = false, const QString &version = {})
    {
        BuildOptions options;
        options.projectDir = m_project;
        options.publish = publish;
        options.version = version;
        options.imageBase = m_base;
        return ProductionBuild(*m_engine, options).run();
    }

    QStringList eventsFor(const QString &buildId)
    {
        QMutexLocker lock(&m_eventsMutex);
        QStringList types;
        for (const data::Event &event : std::as_const(m_events))
            if (event.data.value(QStringLiteral("buildId")).toString() == buildId)
                types << event.type;
        return types;
    }

    QString componentFile() const { return m_project + QStringLiteral("/src/components/Button/Button.tsx"); }

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<data::Subscription> m_subscription;
    QMutex m_eventsMutex;
    QList<data::Event> m_events;
    QString m_project;
    QString m_name;
    QString m_repository;
    QString m_base;
    BuildReport m_first;
};

void ProductionBuildTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Config config = test::configFor(m_dir.filePath(QStringLiteral("data")),
                                          {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL"),
                                           QStringLiteral("NATS_URL"), QStringLiteral("REGISTRY_URL")});
    auto engine = Engine::open(config);
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);

    auto subscription = m_engine->bus().subscribe({QStringLiteral("build.>"), {}}, [this](const data::Event &event) {
        QMutexLocker lock(&m_eventsMutex);
        m_events.append(event);
        return true;
    });
    QVERIFY(subscription.ok());
    m_subscription = std::move(*subscription);

    // Unique names: the real registry and database outlive this run.
    const QString suffix = QString::number(QRandomGenerator::global()->generate64() % 1000000000ULL);
    m_name = QStringLiteral("acme-ui-") + suffix;
    m_repository = QStringLiteral("helios/") + m_name;
    m_project = m_dir.filePath(QStringLiteral("acme-ui"));
    ignition::Scaffolder scaffolder(*m_engine);
    auto created = scaffolder.create({QStringLiteral("react-library"), m_project, {{QStringLiteral("name"), m_name}}, false});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_project = QDir(m_project).canonicalPath();
    // A token only this run has: the real cache outlives runs, and this test is about
    // what one project's builds reuse, not what earlier runs left.
    const QString tokens = m_project + QStringLiteral("/tokens/base.tokens.json");
    QByteArray json = readAll(tokens);
    json.replace(json.indexOf('{'), 1, QByteArray("{\n  \"run\": {\"$type\": \"number\", \"$value\": " + suffix.toLatin1() + "},"));
    QFile file(tokens);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);

    const QString baseRepository = QStringLiteral("helios-test/build-base-") + suffix;
    auto base = test::pushBaseImage(m_engine->artifacts(), m_dir.filePath(QStringLiteral("base")), baseRepository,
                                    QStringLiteral("1"), QStringLiteral("amd64"), false);
    QVERIFY2(base.ok(), qPrintable(base.ok() ? QString() : base.error().toString()));
    m_base = baseRepository + QStringLiteral(":1");
}

void ProductionBuildTest::firstBuildWritesHashedOutputs()
{
    m_first = build(true, QStringLiteral("1.0.0"));
    QVERIFY2(m_first.succeeded(), qPrintable(describe(m_first)));
    QCOMPARE(m_first.cache, QStringLiteral("miss"));
    QCOMPARE(phaseCache(m_first, QStringLiteral("bundle:app")), QStringLiteral("miss"));
    QCOMPARE(phaseCache(m_first, QStringLiteral("bundle:lib")), QStringLiteral("miss"));
    const QString dist = m_project + QStringLiteral("/dist");
    QCOMPARE(m_first.outDir, dist);

    // The page points at the hashed bundle and the token stylesheet; both exist.
    const QString page = QString::fromUtf8(readAll(dist + QStringLiteral("/index.html")));
    const auto script = QRegularExpression(QStringLiteral("src=\"(assets/main-[A-Z0-9]{8}\\.js)\"")).match(page);
    QVERIFY2(script.hasMatch(), qPrintable(page));
    QVERIFY(QFile::exists(dist + QLatin1Char('/') + script.captured(1)));
    QVERIFY(QFile::exists(dist + QLatin1Char('/') + script.captured(1) + QStringLiteral(".map")));
    const auto tokens = QRegularExpression(QStringLiteral("href=\"(assets/tokens-[0-9a-f]{8}\\.css)\"")).match(page);
    QVERIFY2(tokens.hasMatch(), qPrintable(page));
    const QByteArray tokenCss = readAll(dist + QLatin1Char('/') + tokens.captured(1));
    QVERIFY2(tokenCss.contains("--color-primary: #4f46e5"), tokenCss.constData());
    QVERIFY(tokenCss.contains("[data-theme=\"dark\"]"));
    QVERIFY(!page.contains(QStringLiteral("main.tsx")));
    // The library entry keeps its name (package.json points at it) and leaves React out.
    const QByteArray library = readAll(dist + QStringLiteral("/lib/index.js"));
    QVERIFY(!library.isEmpty());
    QVERIFY(library.contains("from\"react/jsx-runtime\"") || library.contains("from \"react/jsx-runtime\""));
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/.helios")));

    // manifest.json lists every other file with its true size and digest.
    const QJsonObject manifest = QJsonDocument::fromJson(readAll(dist + QStringLiteral("/manifest.json"))).object();
    QCOMPARE(manifest.value(QStringLiteral("inputDigest")).toString(), m_first.inputDigest);
    const QJsonArray outputs = manifest.value(QStringLiteral("outputs")).toArray();
    QCOMPARE(outputs.size(), m_first.outputs.size() - 1);
    for (const QJsonValue &value : outputs) {
        const QJsonObject output = value.toObject();
        const QByteArray bytes = readAll(dist + QLatin1Char('/') + output.value(QStringLiteral("path")).toString());
        QCOMPARE(qint64(bytes.size()), output.value(QStringLiteral("size")).toInteger());
        QCOMPARE(data::sha256Digest(bytes), output.value(QStringLiteral("digest")).toString());
    }
    QCOMPARE(manifest.value(QStringLiteral("entries")).toObject().value(QStringLiteral("app")).toObject().value(QStringLiteral("script")).toString(),
             script.captured(1));

    // Announced, and kept in the history.
    QTRY_VERIFY_WITH_TIMEOUT(eventsFor(m_first.id).contains(QStringLiteral("build.completed")), 10000);
    QVERIFY(eventsFor(m_first.id).contains(QStringLiteral("build.started")));
    BuildHistory history(m_engine->store());
    auto recorded = history.find(m_first.id);
    QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().toString()));
    QCOMPARE(recorded->status, BuildReport::Status::Succeeded);
    QCOMPARE(recorded->outputs.size(), m_first.outputs.size());
    QVERIFY(recorded->phase(QStringLiteral("bundle:app")));
    QCOMPARE(recorded->image, m_repository + QStringLiteral(":1.0.0"));
    QCOMPARE(recorded->imageDigest, m_first.imageDigest);
}

void ProductionBuildTest::publishedImageReadsAndUnpacks()
{
    const bool registry = test::realBackend();
    QString source;
    QStringList tlsFlag;
    if (registry) {
        source = QStringLiteral("docker://%1/%2:1.0.0").arg(QUrl(test::serviceUrl(QStringLiteral("REGISTRY_URL"))).authority(), m_repository);
        tlsFlag << QStringLiteral("--tls-verify=false");
    } else {
        source = QStringLiteral("oci:%1/data/oci/%2:1.0.0").arg(m_dir.path(), m_repository);
    }
    const test::ToolRun inspect = test::runTool(QStringLiteral("/usr/bin/skopeo"), QStringList{QStringLiteral("inspect")} + tlsFlag + QStringList{source});
    QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.describe(QStringLiteral("skopeo inspect ") + source)));
    const QJsonObject image = QJsonDocument::fromJson(inspect.output).object();
    QCOMPARE(image.value(QStringLiteral("Digest")).toString(), m_first.imageDigest);
    QCOMPARE(image.value(QStringLiteral("Layers")).toArray().size(), 2);  // the base's and ours
    const QJsonObject labels = image.value(QStringLiteral("Labels")).toObject();
    QCOMPARE(labels.value(QStringLiteral("org.opencontainers.image.title")).toString(), m_name);
    QCOMPARE(labels.value(QStringLiteral("org.opencontainers.image.version")).toString(), QStringLiteral("1.0.0"));
    QCOMPARE(labels.value(QStringLiteral("org.opencontainers.image.revision")).toString().size(), 40);

    const QString layout = m_dir.filePath(QStringLiteral("copied"));
    const QStringList copyArgs = QStringList{QStringLiteral("copy")} +
                                 (registry ? QStringList{QStringLiteral("--src-tls-verify=false")} : QStringList{}) +
                                 QStringList{source, QStringLiteral("oci:%1:1.0.0").arg(layout)};
    const test::ToolRun copy = test::runTool(QStringLiteral("/usr/bin/skopeo"), copyArgs);
    QVERIFY2(copy.exitCode == 0, qPrintable(copy.describe(QStringLiteral("skopeo copy"))));
    const QString bundle = m_dir.filePath(QStringLiteral("bundle"));
    QStringList unpackArgs{QStringLiteral("unpack"), QStringLiteral("--image"), layout + QStringLiteral(":1.0.0"), bundle};
    if (::geteuid() != 0)
        unpackArgs.insert(1, QStringLiteral("--rootless"));
    const test::ToolRun unpack = test::runTool(QStringLiteral("/usr/bin/umoci"), unpackArgs);
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.describe(QStringLiteral("umoci unpack"))));
    // Our files under /srv/www, byte for byte, on top of the base's.
    for (const BuildOutput &output : std::as_const(m_first.outputs))
        QCOMPARE(data::sha256Digest(readAll(bundle + QStringLiteral("/rootfs/srv/www/") + output.path)), output.digest);
    QVERIFY(QFileInfo::exists(bundle + QStringLiteral("/rootfs/bin/tool")));
}

void ProductionBuildTest::unchangedRebuildIsACacheHit()
{
    const BuildReport again = build();
    QVERIFY2(again.succeeded(), qPrintable(describe(again)));
    QCOMPARE(again.cache, QStringLiteral("hit"));
    QCOMPARE(again.inputDigest, m_first.inputDigest);
    QVERIFY(!again.phase(QStringLiteral("bundle:app")));  // esbuild did not run
    QCOMPARE(digestsOf(again), digestsOf(m_first));
}

void ProductionBuildTest::deletedOutputIsRestoredFromTheCache()
{
    QVERIFY(QDir(m_project + QStringLiteral("/dist")).removeRecursively());
    const BuildReport restored = build();
    QVERIFY2(restored.succeeded(), qPrintable(describe(restored)));
    QCOMPARE(restored.cache, QStringLiteral("hit"));
    QVERIFY(!restored.phase(QStringLiteral("bundle:app")));
    QCOMPARE(digestsOf(restored), digestsOf(m_first));
    for (const BuildOutput &output : restored.outputs)
        QCOMPARE(data::sha256Digest(readAll(m_project + QStringLiteral("/dist/") + output.path)), output.digest);
}

void ProductionBuildTest::editRebuildsOnlyTheEntryThatReadsIt()
{
    // The story is read by the showcase app, not by the library entry.
    append(m_project + QStringLiteral("/src/components/Button/Button.stories.tsx"), "\nexport const Extra = { args: {} };\n");
    const BuildReport edited = build();
    QVERIFY2(edited.succeeded(), qPrintable(describe(edited)));
    QCOMPARE(edited.cache, QStringLiteral("partial"));
    QCOMPARE(phaseCache(edited, QStringLiteral("bundle:app")), QStringLiteral("miss"));
    QCOMPARE(phaseCache(edited, QStringLiteral("bundle:lib")), QStringLiteral("hit"));
    QCOMPARE(phaseCache(edited, QStringLiteral("tokens")), QStringLiteral("hit"));
    const QMap<QString, QString> before = digestsOf(m_first);
    const QMap<QString, QString> after = digestsOf(edited);
    QCOMPARE(after.value(QStringLiteral("lib/index.js")), before.value(QStringLiteral("lib/index.js")));
    QVERIFY(after.value(QStringLiteral("index.html")) != before.value(QStringLiteral("index.html")));
}

void ProductionBuildTest::tokenEditRebuildsOnlyTheStylesheet()
{
    const QString tokens = m_project + QStringLiteral("/tokens/base.tokens.json");
    QByteArray json = readAll(tokens);
    QVERIFY(json.contains("#4f46e5"));
    json.replace("#4f46e5", "#0a7c42");
    QFile file(tokens);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
    file.close();

    const BuildReport edited = build();
    QVERIFY2(edited.succeeded(), qPrintable(describe(edited)));
    QCOMPARE(phaseCache(edited, QStringLiteral("tokens")), QStringLiteral("miss"));
    QCOMPARE(phaseCache(edited, QStringLiteral("bundle:app")), QStringLiteral("hit"));
    QCOMPARE(phaseCache(edited, QStringLiteral("bundle:lib")), QStringLiteral("hit"));
    const QString page = QString::fromUtf8(readAll(m_project + QStringLiteral("/dist/index.html")));
    const auto link = QRegularExpression(QStringLiteral("href=\"(assets/tokens-[0-9a-f]{8}\\.css)\"")).match(page);
    QVERIFY(link.hasMatch());
    QVERIFY(readAll(m_project + QStringLiteral("/dist/") + link.captured(1)).contains("--color-primary: #0a7c42"));
}

void ProductionBuildTest::syntaxErrorFailsAndPublishesNothing()
{
    const QByteArray manifestBefore = readAll(m_project + QStringLiteral("/dist/manifest.json"));
    const int lines = int(readAll(componentFile()).count('\n'));
    append(componentFile(), "export const broken = ;\n");

    const BuildReport failed = build(true, QStringLiteral("2.0.0"));
    QCOMPARE(failed.status, BuildReport::Status::Failed);
    const BuildMessage *error = nullptr;
    for (const BuildMessage &message : failed.messages)
        if (message.isError() && message.isLocated())
            error = &message;
    QVERIFY2(error, qPrintable(describe(failed)));
    QCOMPARE(error->file, QStringLiteral("src/components/Button/Button.tsx"));
    QCOMPARE(error->line, lines + 1);
    QCOMPARE(error->column, 23);
    // Both entries import the component; the error is reported once.
    int located = 0;
    for (const BuildMessage &message : failed.messages)
        located += message.isLocated() ? 1 : 0;
    QCOMPARE(located, 1);

    QTRY_VERIFY_WITH_TIMEOUT(eventsFor(failed.id).contains(QStringLiteral("build.failed")), 10000);
    QVERIFY(!eventsFor(failed.id).contains(QStringLiteral("build.completed")));
    QCOMPARE(readAll(m_project + QStringLiteral("/dist/manifest.json")), manifestBefore);
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/.helios")));
    auto tags = m_engine->artifacts().listTags(m_repository);
    QVERIFY2(tags.ok(), qPrintable(tags.ok() ? QString() : tags.error().toString()));
    QCOMPARE(*tags, QStringList{QStringLiteral("1.0.0")});

    BuildHistory history(m_engine->store());
    auto recorded = history.find(failed.id);
    QVERIFY(recorded.ok());
    QCOMPARE(recorded->status, BuildReport::Status::Failed);
    QCOMPARE(recorded->messages.first().file, QStringLiteral("src/components/Button/Button.tsx"));
    auto statistics = history.statistics(failed.projectId);
    QVERIFY(statistics.ok());
    QCOMPARE(statistics->builds, 6);
    QCOMPARE(statistics->failed, 1);
    QCOMPARE(statistics->cacheHits, 2);
}

void ProductionBuildTest::cleanupTestCase()
{
    m_subscription.reset();
    m_engine.reset();
}

QTEST_GUILESS_MAIN(ProductionBuildTest)
#include "production_build_test.moc"
