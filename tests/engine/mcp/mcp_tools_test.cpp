// SPDX-License-Identifier: Apache-2.0
// The luminera tools on a scaffolded react-library project with the embedded back ends:
// every tool's happy path, write_component -> read_component byte for byte, validation
// failures, and the bad inputs (path traversal, absolute paths, oversized and too many
// files, bad names, missing and mistyped arguments, a viewer writing) -- each an error
// that writes nothing, after which the server keeps answering.
#include "mcp/mcp_server.h"

#include "backend_under_test.h"
#include "bus/bus.h"
#include "engine.h"
#include "ignition/scaffolder.h"
#include "mcp_test_client.h"
#include "spark/component_library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QMutex>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::test;

namespace {

QJsonObject file(const QString &path, const QString &content)
{
    return QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("content"), content}};
}

// A component that passes SPARK's validation: token variables only, accessible JSX.
QJsonArray badgeFiles(const QString &label = QStringLiteral("count"))
{
    return QJsonArray{
        file(QStringLiteral("Badge.tsx"),
             QStringLiteral("import styles from './Badge.module.css';\n\n"
                            "// Ünïcødé ✓ — a %1 badge.\n"
                            "export interface BadgeProps {\n  label: string;\n}\n\n"
                            "export function Badge({ label }: BadgeProps) {\n"
                            "  return <span className={styles.root}>{label}</span>;\n}\n")
                 .arg(label)),
        file(QStringLiteral("Badge.module.css"),
             QStringLiteral(".root {\n  color: var(--color-text);\n  padding: var(--space-xs) var(--space-sm);\n"
                            "  border-radius: var(--radius-sm);\n}\n")),
        // No final newline: the round trip keeps bytes, not lines.
        file(QStringLiteral("index.ts"), QStringLiteral("export { Badge } from './Badge';\nexport type { BadgeProps } from './Badge';")),
    };
}

QJsonObject writeArguments(const QString &name, const QJsonArray &files)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("files"), files}};
}

} // namespace

class McpToolsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listComponentsShowsTheTemplatesComponent();
    void readComponentGivesPathsInsideItsFolder();
    void writeThenReadRoundTripsByteForByte();
    void aSecondWriteIsTheNextVersion();
    void aFailedValidationIsAToolErrorThatWritesNothing();
    void badInputsAreRefusedAndWriteNothing_data();
    void badInputsAreRefusedAndWriteNothing();
    void aViewerCannotWrite();
    void tokensAreListedAndResolved();
    void aTokenShowsItsAliasChainAndSource();
    void generateComponentPreviewsAndAcceptWrites();
    void buildProjectSummarisesAndHitsTheCache();
    void nothingOutsideTheProjectChanged();

private:
    // Every file under the temporary dir but the back ends' data and build outputs, with
    // its bytes: what the tools may and may not change.
    QMap<QString, QByteArray> snapshot() const
    {
        QMap<QString, QByteArray> files;
        const QDir root(m_dir.path());
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = root.relativeFilePath(it.next());
            if (relative.startsWith(QLatin1StringView("data/")) || relative.startsWith(QLatin1StringView("ui/dist/"))
                || relative.startsWith(QLatin1StringView("ui/.helios/")))
                continue;
            QFile f(it.filePath());
            files.insert(relative, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)"));
        }
        return files;
    }

    QList<data::Event> componentEvents(const QString &type)
    {
        QMutexLocker lock(&m_eventsMutex);
        QList<data::Event> found;
        for (const data::Event &event : std::as_const(m_events)) {
            if (event.type == type)
                found << event;
        }
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<data::Subscription> m_subscription;
    QMutex m_eventsMutex;
    QList<data::Event> m_events;
    QString m_project;
    QString m_name;
    std::unique_ptr<mcp::McpServer> m_server;
    std::unique_ptr<McpTestClient> m_client;
    QMap<QString, QByteArray> m_outsideBefore;
};

void McpToolsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    auto engine = Engine::open(configFor(m_dir.filePath(QStringLiteral("data")), {}));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);
    auto subscription = m_engine->bus().subscribe({QStringLiteral("component.>"), {}}, [this](const data::Event &event) {
        QMutexLocker lock(&m_eventsMutex);
        m_events.append(event);
        return true;
    });
    QVERIFY(subscription.ok());
    m_subscription = std::move(*subscription);

    m_name = QStringLiteral("mcp-ui-") + QString::number(QRandomGenerator::global()->generate64() % 1000000000ULL);
    m_project = m_dir.filePath(QStringLiteral("ui"));
    ignition::Scaffolder scaffolder(*m_engine);
    auto created = scaffolder.create({QStringLiteral("react-library"), m_project,
                                      {{QStringLiteral("name"), m_name}, {QStringLiteral("component"), QStringLiteral("Sample")}}, false});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_project = QDir(m_project).canonicalPath();
    // Something beside the project that must never change.
    QFile neighbour(m_dir.filePath(QStringLiteral("x.tsx")));
    QVERIFY(neighbour.open(QIODevice::WriteOnly));
    neighbour.write("// not the project's\n");
    neighbour.close();
    const QMap<QString, QByteArray> everything = snapshot();
    for (auto [path, content] : everything.asKeyValueRange()) {
        if (!path.startsWith(QLatin1StringView("ui/")))
            m_outsideBefore.insert(path, content);
    }

    m_server = std::make_unique<mcp::McpServer>(*m_engine, mcp::McpServer::Options{m_project});
    m_client = std::make_unique<McpTestClient>(*m_server);
    QVERIFY(m_client->initialize(QStringLiteral("2025-11-25")).contains(QLatin1StringView("result")));
}

void McpToolsTest::listComponentsShowsTheTemplatesComponent()
{
    const QJsonObject reply = m_client->call(QStringLiteral("list_components"), {});
    QVERIFY2(!isToolError(reply), qPrintable(resultText(reply)));
    const QJsonArray components = structured(reply).value(QLatin1StringView("components")).toArray();
    QCOMPARE(components.size(), 1);
    const QJsonObject sample = components.at(0).toObject();
    QCOMPARE(sample.value(QLatin1StringView("name")).toString(), QStringLiteral("Sample"));
    QCOMPARE(sample.value(QLatin1StringView("files")).toArray(),
             (QJsonArray{QStringLiteral("Sample.module.css"), QStringLiteral("Sample.stories.tsx"), QStringLiteral("Sample.tsx"),
                         QStringLiteral("index.ts")}));
    QVERIFY(!sample.contains(QLatin1StringView("version"))); // the template's component was never recorded
    QVERIFY(resultText(reply).contains(QStringLiteral("Sample")));
}

void McpToolsTest::readComponentGivesPathsInsideItsFolder()
{
    const QJsonObject reply = m_client->call(QStringLiteral("read_component"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Sample")}});
    QVERIFY2(!isToolError(reply), qPrintable(resultText(reply)));
    const QJsonArray files = structured(reply).value(QLatin1StringView("files")).toArray();
    QCOMPARE(files.size(), 4);
    for (const QJsonValue &value : files) {
        const QJsonObject f = value.toObject();
        QFile onDisk(m_project + QStringLiteral("/src/components/Sample/") + f.value(QLatin1StringView("path")).toString());
        QVERIFY2(onDisk.open(QIODevice::ReadOnly), qPrintable(onDisk.fileName()));
        QCOMPARE(f.value(QLatin1StringView("content")).toString().toUtf8(), onDisk.readAll());
    }
    const QJsonObject missing = m_client->call(QStringLiteral("read_component"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Nope")}});
    QVERIFY(isToolError(missing));
    QVERIFY2(resultText(missing).contains(QStringLiteral("Nope")), qPrintable(resultText(missing)));
}

void McpToolsTest::writeThenReadRoundTripsByteForByte()
{
    const QJsonArray files = badgeFiles();
    QJsonObject arguments = writeArguments(QStringLiteral("Badge"), files);
    arguments.insert(QStringLiteral("message"), QStringLiteral("a first badge"));
    const QJsonObject reply = m_client->call(QStringLiteral("write_component"), arguments);
    QVERIFY2(!isToolError(reply), qPrintable(resultText(reply)));
    const QJsonObject result = structured(reply);
    QCOMPARE(result.value(QLatin1StringView("version")).toInt(), 1);
    QVERIFY(result.value(QLatin1StringView("created")).toBool());
    const QJsonArray written = result.value(QLatin1StringView("written")).toArray();
    QVERIFY(written.contains(QStringLiteral("src/components/Badge/Badge.tsx")));
    QVERIFY(written.contains(QStringLiteral("src/index.ts")));
    const QJsonObject build = result.value(QLatin1StringView("build")).toObject();
    QVERIFY2(build.value(QLatin1StringView("succeeded")).toBool(), qPrintable(resultText(reply)));

    // On disk exactly as sent, and exported.
    for (const QJsonValue &value : files) {
        const QJsonObject f = value.toObject();
        QFile onDisk(m_project + QStringLiteral("/src/components/Badge/") + f.value(QLatin1StringView("path")).toString());
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), f.value(QLatin1StringView("content")).toString().toUtf8());
    }
    QFile index(m_project + QStringLiteral("/src/index.ts"));
    QVERIFY(index.open(QIODevice::ReadOnly));
    QVERIFY(index.readAll().contains("export * from './components/Badge';"));

    // read_component gives the same files back, byte for byte, in a stateless request too.
    for (const bool stateless : {false, true}) {
        const QJsonObject read = m_client->call(QStringLiteral("read_component"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Badge")}}, stateless);
        QVERIFY2(!isToolError(read), qPrintable(resultText(read)));
        QMap<QString, QJsonValue> byPath;
        for (const QJsonValue &value : files)
            byPath.insert(value.toObject().value(QLatin1StringView("path")).toString(), value);
        QJsonArray expected;
        for (const QJsonValue &value : std::as_const(byPath))
            expected.append(value);
        QCOMPARE(structured(read).value(QLatin1StringView("files")).toArray(), expected);
        QCOMPARE(structured(read).value(QLatin1StringView("version")).toInt(), 1);
        const QJsonObject metadata = structured(read).value(QLatin1StringView("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1StringView("expert")).toString(), QStringLiteral("mcp"));
        QCOMPARE(metadata.value(QLatin1StringView("message")).toString(), QStringLiteral("a first badge"));
    }

    // Recorded, and announced once.
    spark::ComponentLibrary library(m_engine->store(), m_engine->cache());
    const auto stored = library.version(m_name, QStringLiteral("Badge"));
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
    QCOMPARE(stored->files.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(componentEvents(QStringLiteral("component.created")).size(), 1, 10000);
    const data::Event event = componentEvents(QStringLiteral("component.created")).first();
    QCOMPARE(event.data.value(QLatin1StringView("name")).toString(), QStringLiteral("Badge"));
    QCOMPARE(event.data.value(QLatin1StringView("version")).toInt(), 1);

    const QJsonObject listed = m_client->call(QStringLiteral("list_components"), {});
    const QJsonArray components = structured(listed).value(QLatin1StringView("components")).toArray();
    QCOMPARE(components.size(), 2);
    QCOMPARE(components.at(0).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("Badge"));
    QCOMPARE(components.at(0).toObject().value(QLatin1StringView("version")).toInt(), 1);
}

void McpToolsTest::aSecondWriteIsTheNextVersion()
{
    const QJsonObject same = m_client->call(QStringLiteral("write_component"), writeArguments(QStringLiteral("Badge"), badgeFiles()));
    QVERIFY2(!isToolError(same), qPrintable(resultText(same)));
    QCOMPARE(structured(same).value(QLatin1StringView("version")).toInt(), 1);
    QCOMPARE(structured(same).value(QLatin1StringView("created")), QJsonValue(false));

    // Only the changed file is sent: the folder's others stay.
    const QJsonObject changed = m_client->call(QStringLiteral("write_component"),
                                               writeArguments(QStringLiteral("Badge"), QJsonArray{badgeFiles(QStringLiteral("status")).at(0)}));
    QVERIFY2(!isToolError(changed), qPrintable(resultText(changed)));
    QCOMPARE(structured(changed).value(QLatin1StringView("version")).toInt(), 2);
    const QJsonObject read = m_client->call(QStringLiteral("read_component"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Badge")}});
    QCOMPARE(structured(read).value(QLatin1StringView("files")).toArray().size(), 3);
    QVERIFY(structured(read).value(QLatin1StringView("files")).toArray().at(1).toObject().value(QLatin1StringView("content")).toString().contains(QStringLiteral("status badge")));
}

void McpToolsTest::aFailedValidationIsAToolErrorThatWritesNothing()
{
    const QMap<QString, QByteArray> before = snapshot();
    QJsonArray files = badgeFiles();
    files.replace(1, file(QStringLiteral("Badge.module.css"), QStringLiteral(".root {\n  color: #ff0000;\n}\n")));
    for (QJsonValueRef value : files) {
        QJsonObject f = value.toObject();
        f.insert(QStringLiteral("content"), f.value(QLatin1StringView("content")).toString().replace(QStringLiteral("Badge"), QStringLiteral("Loud")));
        f.insert(QStringLiteral("path"), f.value(QLatin1StringView("path")).toString().replace(QStringLiteral("Badge"), QStringLiteral("Loud")));
        value = f;
    }
    const QJsonObject reply = m_client->call(QStringLiteral("write_component"), writeArguments(QStringLiteral("Loud"), files));
    QVERIFY(isToolError(reply));
    QVERIFY2(resultText(reply).contains(QStringLiteral("Loud.module.css:2:")), qPrintable(resultText(reply)));
    const QJsonArray findings = structured(reply).value(QLatin1StringView("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    const QJsonObject first = findings.at(0).toObject();
    QCOMPARE(first.value(QLatin1StringView("file")).toString(), QStringLiteral("Loud.module.css"));
    QCOMPARE(first.value(QLatin1StringView("line")).toInt(), 2);
    QCOMPARE(first.value(QLatin1StringView("check")).toString(), QStringLiteral("tokens"));
    QCOMPARE(snapshot(), before);
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/src/components/Loud")));
}

void McpToolsTest::badInputsAreRefusedAndWriteNothing_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("named"); // a part of the error text

    const auto withFile = [](const QJsonObject &extra) {
        QJsonArray files = badgeFiles();
        files.append(extra);
        return writeArguments(QStringLiteral("Badge"), files);
    };
    QTest::newRow("a path that climbs out with ..") << withFile(file(QStringLiteral("../x.tsx"), QStringLiteral("x"))) << QStringLiteral("files[3].path");
    QTest::newRow("a path that climbs out in the middle") << withFile(file(QStringLiteral("a/../../x.tsx"), QStringLiteral("x"))) << QStringLiteral("..");
    QTest::newRow("an absolute path") << withFile(file(QStringLiteral("/tmp/x.tsx"), QStringLiteral("x"))) << QStringLiteral("absolute");
    QTest::newRow("a backslash") << withFile(file(QStringLiteral("..\\x.tsx"), QStringLiteral("x"))) << QStringLiteral("backslash");
    QTest::newRow("a NUL in a path") << withFile(file(QStringLiteral("a") + QChar(0) + QStringLiteral(".tsx"), QStringLiteral("x"))) << QStringLiteral("control character");
    QTest::newRow("a hidden file") << withFile(file(QStringLiteral(".env.ts"), QStringLiteral("x"))) << QStringLiteral("hidden");
    QTest::newRow("a suffix that is not a component file's") << withFile(file(QStringLiteral("run.sh"), QStringLiteral("x"))) << QStringLiteral("suffixes");
    QTest::newRow("the same path twice") << withFile(file(QStringLiteral("Badge.tsx"), QStringLiteral("x"))) << QStringLiteral("twice");
    QTest::newRow("a 5 MB file") << withFile(file(QStringLiteral("Big.ts"), QString(5 * 1024 * 1024, QLatin1Char('a')))) << QStringLiteral("bytes");
    QJsonArray many;
    for (int i = 0; i < 33; ++i)
        many.append(file(QStringLiteral("F%1.ts").arg(i), QStringLiteral("export const x = 1;")));
    QTest::newRow("too many files") << writeArguments(QStringLiteral("Many"), many) << QStringLiteral("at most 32");
    QJsonArray large;
    for (int i = 0; i < 5; ++i)
        large.append(file(QStringLiteral("F%1.ts").arg(i), QString(1000 * 1000, QLatin1Char('b'))));
    QTest::newRow("more than 4 MiB in all") << writeArguments(QStringLiteral("Large"), large) << QStringLiteral("in all");
    QTest::newRow("a lower-case name") << writeArguments(QStringLiteral("badge"), badgeFiles()) << QStringLiteral("name");
    QTest::newRow("a name that is a path") << writeArguments(QStringLiteral("../Evil"), badgeFiles()) << QStringLiteral("name");
    QTest::newRow("a name of 65 characters") << writeArguments(QStringLiteral("A") + QString(64, QLatin1Char('b')), badgeFiles()) << QStringLiteral("name");
    QTest::newRow("missing files") << QJsonObject{{QStringLiteral("name"), QStringLiteral("Badge")}} << QStringLiteral("files: missing");
    QTest::newRow("files that are a string") << QJsonObject{{QStringLiteral("name"), QStringLiteral("Badge")}, {QStringLiteral("files"), QStringLiteral("Badge.tsx")}} << QStringLiteral("files: expected array");
    QTest::newRow("content that is a number") << withFile(QJsonObject{{QStringLiteral("path"), QStringLiteral("N.ts")}, {QStringLiteral("content"), 5}}) << QStringLiteral("files[3].content: expected string");
    QTest::newRow("a file without content") << withFile(QJsonObject{{QStringLiteral("path"), QStringLiteral("N.ts")}}) << QStringLiteral("files[3].content: missing");
    QTest::newRow("no files at all") << writeArguments(QStringLiteral("Badge"), {}) << QStringLiteral("files: needs at least 1");
    QTest::newRow("a new component without index.ts") << writeArguments(QStringLiteral("Lonely"), QJsonArray{badgeFiles().at(0)}) << QStringLiteral("index.ts");
}

void McpToolsTest::badInputsAreRefusedAndWriteNothing()
{
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, named);
    const QMap<QString, QByteArray> before = snapshot();
    for (const bool stateless : {false, true}) {
        const QJsonObject reply = m_client->call(QStringLiteral("write_component"), arguments, stateless);
        QVERIFY2(isToolError(reply), qPrintable(QString::fromUtf8(m_client->lastReplyText().left(300))));
        QVERIFY2(resultText(reply).contains(named), qPrintable(resultText(reply)));
    }
    QCOMPARE(snapshot(), before);
    QCOMPARE(resultOf(m_client->request(QStringLiteral("ping"))), QJsonObject());
}

void McpToolsTest::aViewerCannotWrite()
{
    const QMap<QString, QByteArray> before = snapshot();
    QJsonArray files = badgeFiles();
    McpTestClient viewer(*m_server, mcp::McpCaller{landing::Role::Viewer, QStringLiteral("vera")});
    viewer.initialize(QStringLiteral("2025-06-18"));
    QJsonArray renamed;
    for (const QJsonValue &value : files)
        renamed.append(file(value.toObject().value(QLatin1StringView("path")).toString().replace(QStringLiteral("Badge"), QStringLiteral("Seen")),
                            value.toObject().value(QLatin1StringView("content")).toString().replace(QStringLiteral("Badge"), QStringLiteral("Seen"))));
    const QJsonObject reply = viewer.call(QStringLiteral("write_component"), writeArguments(QStringLiteral("Seen"), renamed));
    QVERIFY(isToolError(reply));
    QVERIFY2(resultText(reply).contains(QStringLiteral("developer role")), qPrintable(resultText(reply)));
    QCOMPARE(snapshot(), before);
    // Reading is still allowed.
    QVERIFY(!isToolError(viewer.call(QStringLiteral("read_component"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Badge")}})));
}

void McpToolsTest::tokensAreListedAndResolved()
{
    const QJsonObject all = m_client->call(QStringLiteral("list_tokens"), {});
    QVERIFY2(!isToolError(all), qPrintable(resultText(all)));
    const QJsonArray tokens = structured(all).value(QLatin1StringView("tokens")).toArray();
    QVERIFY(tokens.size() > 10);
    const auto find = [](const QJsonArray &list, const QString &path) {
        for (const QJsonValue &value : list) {
            if (value.toObject().value(QLatin1StringView("path")).toString() == path)
                return value.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(find(tokens, QStringLiteral("color.primary")).value(QLatin1StringView("type")).toString(), QStringLiteral("color"));
    QCOMPARE(find(tokens, QStringLiteral("color.primary")).value(QLatin1StringView("value")).toString(), QStringLiteral("#4f46e5"));
    QCOMPARE(find(tokens, QStringLiteral("space.sm")).value(QLatin1StringView("value")).toString(), QStringLiteral("8px"));

    const QJsonArray spaces = structured(m_client->call(QStringLiteral("list_tokens"), QJsonObject{{QStringLiteral("filter"), QStringLiteral("SPACE.")}}))
                                  .value(QLatin1StringView("tokens")).toArray();
    QCOMPARE(spaces.size(), 5);
    for (const QJsonValue &value : spaces)
        QVERIFY(value.toObject().value(QLatin1StringView("path")).toString().startsWith(QStringLiteral("space.")));

    const QJsonArray dark = structured(m_client->call(QStringLiteral("list_tokens"), QJsonObject{{QStringLiteral("theme"), QStringLiteral("dark")}}))
                                .value(QLatin1StringView("tokens")).toArray();
    QCOMPARE(find(dark, QStringLiteral("color.primary")).value(QLatin1StringView("value")).toString(), QStringLiteral("#818cf8"));
    const QJsonObject noTheme = m_client->call(QStringLiteral("list_tokens"), QJsonObject{{QStringLiteral("theme"), QStringLiteral("sepia")}});
    QVERIFY(isToolError(noTheme));
    QVERIFY2(resultText(noTheme).contains(QStringLiteral("dark")), qPrintable(resultText(noTheme)));
}

void McpToolsTest::aTokenShowsItsAliasChainAndSource()
{
    const QJsonObject reply = m_client->call(QStringLiteral("get_token"), QJsonObject{{QStringLiteral("path"), QStringLiteral("color.focus")}});
    QVERIFY2(!isToolError(reply), qPrintable(resultText(reply)));
    const QJsonObject token = structured(reply);
    QCOMPARE(token.value(QLatin1StringView("type")).toString(), QStringLiteral("color"));
    QCOMPARE(token.value(QLatin1StringView("value")).toString(), QStringLiteral("#4f46e5"));
    QCOMPARE(token.value(QLatin1StringView("aliasChain")).toArray(), QJsonArray{QStringLiteral("color.primary")});
    const QJsonObject source = token.value(QLatin1StringView("source")).toObject();
    QCOMPARE(source.value(QLatin1StringView("file")).toString(), QStringLiteral("tokens/base.tokens.json"));
    QVERIFY(source.value(QLatin1StringView("line")).toInt() > 1);
    QVERIFY2(resultText(reply).contains(QStringLiteral("tokens/base.tokens.json:")), qPrintable(resultText(reply)));

    const QJsonObject primary = structured(m_client->call(QStringLiteral("get_token"), QJsonObject{{QStringLiteral("path"), QStringLiteral("color.primary")}}));
    QCOMPARE(primary.value(QLatin1StringView("description")).toString(), QStringLiteral("Main action colour."));
    QCOMPARE(primary.value(QLatin1StringView("aliasChain")).toArray(), QJsonArray());
    const QJsonObject darkFocus = structured(m_client->call(QStringLiteral("get_token"), QJsonObject{{QStringLiteral("path"), QStringLiteral("color.focus")}, {QStringLiteral("theme"), QStringLiteral("dark")}}));
    QCOMPARE(darkFocus.value(QLatin1StringView("value")).toString(), QStringLiteral("#818cf8"));

    const QJsonObject missing = m_client->call(QStringLiteral("get_token"), QJsonObject{{QStringLiteral("path"), QStringLiteral("color.nope")}});
    QVERIFY(isToolError(missing));
    QVERIFY(resultText(missing).contains(QStringLiteral("color.nope")));
}

void McpToolsTest::generateComponentPreviewsAndAcceptWrites()
{
    const QJsonObject preview = m_client->call(QStringLiteral("generate_component"),
                                               QJsonObject{{QStringLiteral("prompt"), QStringLiteral("a primary button called Launch")},
                                                           {QStringLiteral("expert"), QStringLiteral("button")}});
    QVERIFY2(!isToolError(preview), qPrintable(resultText(preview)));
    const QJsonObject generated = structured(preview);
    const QString name = generated.value(QLatin1StringView("name")).toString();
    QVERIFY(!name.isEmpty());
    QCOMPARE(generated.value(QLatin1StringView("accepted")), QJsonValue(false));
    QVERIFY(generated.value(QLatin1StringView("validation")).toObject().value(QLatin1StringView("passed")).toBool());
    QVERIFY(!generated.value(QLatin1StringView("routing")).toObject().value(QLatin1StringView("experts")).toArray().isEmpty());
    const QJsonArray files = generated.value(QLatin1StringView("files")).toArray();
    QVERIFY(!files.isEmpty());
    for (const QJsonValue &value : files)
        QVERIFY2(!value.toObject().value(QLatin1StringView("path")).toString().contains(QLatin1Char('/')), "paths are relative to the component's folder");
    QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/src/components/") + name));

    const QJsonObject accepted = m_client->call(QStringLiteral("generate_component"),
                                                QJsonObject{{QStringLiteral("prompt"), QStringLiteral("a primary button called Launch")},
                                                            {QStringLiteral("expert"), QStringLiteral("button")},
                                                            {QStringLiteral("accept"), true}});
    QVERIFY2(!isToolError(accepted), qPrintable(resultText(accepted)));
    QCOMPARE(structured(accepted).value(QLatin1StringView("accepted")), QJsonValue(true));
    QVERIFY(structured(accepted).value(QLatin1StringView("version")).toInt() >= 1);
    QVERIFY2(structured(accepted).value(QLatin1StringView("build")).toObject().value(QLatin1StringView("succeeded")).toBool(), qPrintable(resultText(accepted)));
    QVERIFY(QFileInfo::exists(m_project + QStringLiteral("/src/components/") + name + QLatin1Char('/') + name + QStringLiteral(".tsx")));

    const QJsonObject badExpert = m_client->call(QStringLiteral("generate_component"),
                                                 QJsonObject{{QStringLiteral("prompt"), QStringLiteral("x")}, {QStringLiteral("expert"), QStringLiteral("rocket")}});
    QVERIFY(isToolError(badExpert));
    QVERIFY2(resultText(badExpert).contains(QStringLiteral("expert")), qPrintable(resultText(badExpert)));
}

void McpToolsTest::buildProjectSummarisesAndHitsTheCache()
{
    const QJsonObject first = m_client->call(QStringLiteral("build_project"), {});
    QVERIFY2(!isToolError(first), qPrintable(resultText(first)));
    QVERIFY(structured(first).value(QLatin1StringView("succeeded")).toBool());
    QVERIFY(!structured(first).value(QLatin1StringView("outputs")).toArray().isEmpty());
    QVERIFY(structured(first).value(QLatin1StringView("durationMs")).isDouble());
    const QJsonObject again = m_client->call(QStringLiteral("build_project"), QJsonObject{{QStringLiteral("useCache"), true}});
    QCOMPARE(structured(again).value(QLatin1StringView("cacheHit")), QJsonValue(true));
    const QJsonObject uncached = m_client->call(QStringLiteral("build_project"), QJsonObject{{QStringLiteral("useCache"), false}});
    QVERIFY2(!isToolError(uncached), qPrintable(resultText(uncached)));
    QCOMPARE(structured(uncached).value(QLatin1StringView("cache")).toString(), QStringLiteral("off"));

    // A syntax error is a tool error naming file:line.
    QFile broken(m_project + QStringLiteral("/src/components/Badge/Badge.tsx"));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Append));
    broken.write("export const = ;\n");
    broken.close();
    const QJsonObject failed = m_client->call(QStringLiteral("build_project"), {});
    QVERIFY(isToolError(failed));
    const QJsonObject error = structured(failed).value(QLatin1StringView("error")).toObject();
    QCOMPARE(error.value(QLatin1StringView("file")).toString(), QStringLiteral("src/components/Badge/Badge.tsx"));
    QVERIFY(error.value(QLatin1StringView("line")).toInt() > 0);
}

void McpToolsTest::nothingOutsideTheProjectChanged()
{
    QMap<QString, QByteArray> outside;
    const QMap<QString, QByteArray> everything = snapshot();
    for (auto [path, content] : everything.asKeyValueRange()) {
        if (!path.startsWith(QLatin1StringView("ui/")))
            outside.insert(path, content);
    }
    QCOMPARE(outside, m_outsideBefore);
    QVERIFY(m_outsideBefore.contains(QStringLiteral("x.tsx")));
}

QTEST_GUILESS_MAIN(McpToolsTest)
#include "mcp_tools_test.moc"
