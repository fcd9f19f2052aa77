// SPDX-License-Identifier: Apache-2.0
// SPARK's "renders non-empty in headless Chromium" check: every prompt of
// tests/data/spark/render_prompts.tsv (three or more per expert family) is generated with
// its expert forced, must pass validation (esbuild compile, token lint, accessibility
// lint) and is accepted without a build into one scaffolded react-library project. Then
// ONE production build of a showcase page that renders each component's first story
// inside <div data-spark="Name">, and ONE headless Chromium start
// (spark_render_check.mjs) that measures every container: each must have rendered
// elements with a visible size and text or media to see, the token stylesheet must be
// applied, and the page must report no error (console.error included).
#include "spark/spark_pipeline.h"

#include "backend_under_test.h"
#include "engine.h"
#include "ignis/production_build.h"
#include "ignition/scaffolder.h"
#include "test_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::spark;

namespace {

constexpr int CheckTimeoutMs = 120'000; // the script bounds each of its own waits
constexpr int MinPromptsPerFamily = 3;

struct RenderPrompt {
    QString family;
    QString prompt;
};

QList<RenderPrompt> readPrompts(QString *error) {
    const QString path = QStringLiteral(HELIOS_TEST_DATA_DIR "/spark/render_prompts.tsv");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return {};
    }
    QList<RenderPrompt> prompts;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab <= 0) {
            *error = QStringLiteral("%1:%2: expected <family><TAB><prompt>").arg(path).arg(number);
            return {};
        }
        prompts.append({line.left(tab), line.mid(tab + 1).trimmed()});
    }
    return prompts;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString describe(const ValidationReport &report) {
    QStringList lines;
    for (const ValidationIssue &issue : report.issues)
        lines << QStringLiteral("%1:%2:%3 [%4] %5")
                     .arg(issue.file)
                     .arg(issue.line)
                     .arg(issue.column)
                     .arg(issue.check, issue.message);
    return lines.join(QLatin1Char('\n'));
}

// The first story a stories file exports, in source order (a module namespace would
// list them alphabetically).
QString firstStory(const QByteArray &stories) {
    static const QRegularExpression exported(QStringLiteral("^export const (\\w+)\\s*:"),
                                             QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = exported.match(QString::fromUtf8(stories));
    return match.hasMatch() ? match.captured(1) : QString();
}

struct Rendered {
    QString name;
    QString story;
};

// The showcase: every component's first story in its own container, behind an error
// boundary; errors of any kind are recorded in window.__sparkErrors for the check.
QByteArray showcaseSource(const QList<Rendered> &components) {
    QByteArray source = "import { Component, StrictMode, type ReactNode } from 'react';\n"
                        "import { createRoot } from 'react-dom/client';\n";
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QByteArray name = components.at(i).name.toUtf8();
        source += "import meta" + QByteArray::number(i) + ", { " + components.at(i).story.toUtf8() +
                  " as story" + QByteArray::number(i) + " } from './components/" + name + '/' +
                  name + ".stories';\n";
    }
    source += "\nconst errors: string[] = ((window as any).__sparkErrors ||= []);\n"
              "class Boundary extends Component<{ name: string; children: ReactNode }, { failed: "
              "boolean }> {\n"
              "  state = { failed: false };\n"
              "  static getDerivedStateFromError() { return { failed: true }; }\n"
              "  componentDidCatch(error: Error) { errors.push(`${this.props.name}: "
              "${error.message}`); }\n"
              "  render() { return this.state.failed ? null : this.props.children; }\n"
              "}\n"
              "function Story({ meta, story }: { meta: any; story: any }) {\n"
              "  const Rendered = meta.component;\n"
              "  return <Rendered {...story.args} />;\n"
              "}\n"
              "const stories: [string, any, any][] = [\n";
    for (qsizetype i = 0; i < components.size(); ++i)
        source += "  ['" + components.at(i).name.toUtf8() + "', meta" + QByteArray::number(i) +
                  ", story" + QByteArray::number(i) + "],\n";
    source += "];\n"
              "createRoot(document.getElementById('root')!).render(\n"
              "  <StrictMode>\n"
              "    {stories.map(([name, meta, story]) => (\n"
              "      <section key={name} style={{ margin: '16px' }}>\n"
              "        <div data-spark={name}>\n"
              "          <Boundary name={name}><Story meta={meta} story={story} /></Boundary>\n"
              "        </div>\n"
              "      </section>\n"
              "    ))}\n"
              "  </StrictMode>,\n"
              ");\n"
              "document.body.dataset.sparkReady = 'yes';\n";
    return source;
}

// Installed before any module runs: console.error (React's warnings included) and
// uncaught errors land in window.__sparkErrors.
const char showcasePage[] =
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
    "<title>SPARK render check</title>\n"
    "<link rel=\"stylesheet\" href=\"/tokens.css\">\n"
    "<script>\n"
    "window.__sparkErrors = [];\n"
    "const sparkConsoleError = console.error.bind(console);\n"
    "console.error = (...args) => { window.__sparkErrors.push('console.error: ' + "
    "args.map(String).join(' ')); "
    "sparkConsoleError(...args); };\n"
    "window.addEventListener('error', (e) => window.__sparkErrors.push('error: ' + e.message));\n"
    "window.addEventListener('unhandledrejection', (e) => window.__sparkErrors.push('unhandled "
    "rejection: ' + "
    "String(e.reason)));\n"
    "</script>\n"
    "</head>\n<body>\n<div id=\"root\"></div>\n"
    "<script type=\"module\" src=\"/src/spark-showcase.tsx\"></script>\n</body>\n</html>\n";

} // namespace

class SparkRenderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyFamilyHasThreePromptsOrMore();
    void eachPromptGeneratesAValidComponentWrittenIntoTheProject_data();
    void eachPromptGeneratesAValidComponentWrittenIntoTheProject();
    void oneBuildOfTheShowcaseSucceeds();
    void everyComponentRendersNonEmptyInHeadlessChromiumWithoutErrors();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<SparkPipeline> m_pipeline;
    QString m_project;
    QList<RenderPrompt> m_prompts;
    QMap<QString, QString> m_promptOfName; // component name -> the prompt that wrote it
    QList<Rendered> m_rendered;
    QString m_outDir;
};

void SparkRenderTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QString error;
    m_prompts = readPrompts(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto engine = Engine::open(test::configFor(m_dir.filePath(QStringLiteral("data")), {}));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);
    m_pipeline = std::make_unique<SparkPipeline>(*m_engine);

    m_project = m_dir.filePath(QStringLiteral("render"));
    ignition::Scaffolder scaffolder(*m_engine);
    // The template's example is "Sample", a name no prompt uses.
    auto created = scaffolder.create({QStringLiteral("react-library"),
                                      m_project,
                                      {{QStringLiteral("name"), QStringLiteral("spark-render")},
                                       {QStringLiteral("component"), QStringLiteral("Sample")}},
                                      false});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_project = QDir(m_project).canonicalPath();
}

void SparkRenderTest::everyFamilyHasThreePromptsOrMore() {
    QMap<QString, int> counts;
    for (const RenderPrompt &prompt : std::as_const(m_prompts)) {
        QVERIFY2(familyFromId(prompt.family).has_value(), qPrintable(prompt.family));
        ++counts[prompt.family];
    }
    for (const ExpertFamilyInfo &info : expertFamilies)
        QVERIFY2(counts.value(QString(info.id)) >= MinPromptsPerFamily,
                 qPrintable(QStringLiteral("%1 has %2 prompts")
                                .arg(info.id)
                                .arg(counts.value(QString(info.id)))));
}

void SparkRenderTest::eachPromptGeneratesAValidComponentWrittenIntoTheProject_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("prompt");
    for (const RenderPrompt &prompt : std::as_const(m_prompts))
        QTest::addRow("the %s expert writes \"%s\"", qPrintable(prompt.family),
                      qPrintable(prompt.prompt))
            << prompt.family << prompt.prompt;
}

void SparkRenderTest::eachPromptGeneratesAValidComponentWrittenIntoTheProject() {
    QFETCH(QString, family);
    QFETCH(QString, prompt);
    GenerateOptions options;
    options.prompt = prompt;
    options.projectDir = m_project;
    options.expert = familyFromId(family);
    options.useLlm = false; // the offline experts are what must render
    options.save = false;   // nothing to record: this is about the code
    auto generated = m_pipeline->generate(options);
    QVERIFY2(generated.ok(), qPrintable(generated.ok() ? QString() : generated.error().toString()));
    const GeneratedComponent &component = generated->component;
    QCOMPARE(QString(familyInfo(component.family).id), family);
    QVERIFY2(generated->validation.passed(), qPrintable(describe(generated->validation)));
    QVERIFY2(!m_promptOfName.contains(component.name),
             qPrintable(QStringLiteral("%1 is written by \"%2\" too: name it differently")
                            .arg(component.name, m_promptOfName.value(component.name))));

    const QString storiesPath =
        component.name + QLatin1Char('/') + component.name + QStringLiteral(".stories.tsx");
    const auto stories =
        std::find_if(component.files.cbegin(), component.files.cend(),
                     [&](const GeneratedFile &file) { return file.path == storiesPath; });
    QVERIFY2(stories != component.files.cend(), qPrintable(storiesPath));
    const QString story = firstStory(stories->content);
    QVERIFY2(!story.isEmpty(), qPrintable(QStringLiteral("no story exported in ") + storiesPath));

    auto accepted = m_pipeline->accept(*generated, m_project, false);
    QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().toString()));
    QVERIFY(accepted->written.contains(QStringLiteral("src/components/") + storiesPath));
    m_promptOfName.insert(component.name, prompt);
    m_rendered.append({component.name, story});
}

void SparkRenderTest::oneBuildOfTheShowcaseSucceeds() {
    QCOMPARE(m_rendered.size(), m_prompts.size());
    QVERIFY(writeFile(m_project + QStringLiteral("/src/spark-showcase.tsx"),
                      showcaseSource(m_rendered)));
    QVERIFY(writeFile(m_project + QStringLiteral("/spark.html"), showcasePage));
    // Only the showcase is built: one entry, one esbuild run.
    QFile file(m_project + QStringLiteral("/helios.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject build = config.value(QStringLiteral("build")).toObject();
    build.insert(
        QStringLiteral("entries"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("spark")},
                               {QStringLiteral("entry"), QStringLiteral("src/spark-showcase.tsx")},
                               {QStringLiteral("html"), QStringLiteral("spark.html")}}});
    config.insert(QStringLiteral("build"), build);
    QVERIFY(writeFile(file.fileName(), QJsonDocument(config).toJson()));

    ignis::BuildOptions options;
    options.projectDir = m_project;
    options.useCache = false;
    const ignis::BuildReport report = ignis::ProductionBuild(*m_engine, options).run();
    QStringList messages;
    for (const ignis::BuildMessage &message : report.messages)
        messages << message.toString();
    QVERIFY2(report.succeeded(), qPrintable(messages.join(QLatin1Char('\n'))));
    m_outDir = report.outDir;
    QVERIFY2(QFileInfo::exists(m_outDir + QStringLiteral("/spark.html")), qPrintable(m_outDir));
}

void SparkRenderTest::everyComponentRendersNonEmptyInHeadlessChromiumWithoutErrors() {
    QVERIFY(!m_outDir.isEmpty());
    // Not a skip: scripts/setup installs chromium, and a missing browser must show.
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/chromium")).isExecutable() ||
                 qEnvironmentVariableIsSet("HMR_TEST_CHROMIUM"),
             "headless Chromium is required: run scripts/setup (Debian package chromium)");
    QProcess check;
    check.setProgram(QStringLiteral("node"));
    check.setArguments({QStringLiteral(HELIOS_SOURCE_DIR "/tests/browser/spark_render_check.mjs"),
                        m_outDir, QStringLiteral("spark.html"),
                        QString::number(m_rendered.size())});
    check.start();
    QVERIFY2(check.waitForStarted(), "node is required (Debian package nodejs)");
    QVERIFY2(check.waitForFinished(CheckTimeoutMs), "spark_render_check.mjs did not finish");
    const QByteArray out = check.readAllStandardOutput();
    const QByteArray err = check.readAllStandardError();
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, err.constData());

    QJsonParseError parseError;
    const QJsonObject result =
        QJsonDocument::fromJson(out.trimmed().split('\n').last(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, out.constData());
    QMap<QString, QJsonObject> containers;
    for (const QJsonValue &value : result.value(QStringLiteral("containers")).toArray())
        containers.insert(value[QStringLiteral("name")].toString(), value.toObject());

    QStringList empty;
    for (const Rendered &component : std::as_const(m_rendered)) {
        const QJsonObject box = containers.value(component.name);
        const bool rendered = box.value(QStringLiteral("children")).toInt() > 0 &&
                              box.value(QStringLiteral("visible")).toInt() > 0 &&
                              box.value(QStringLiteral("width")).toInt() > 0 &&
                              box.value(QStringLiteral("height")).toInt() > 0 &&
                              (!box.value(QStringLiteral("text")).toString().isEmpty() ||
                               box.value(QStringLiteral("media")).toInt() > 0);
        if (!rendered)
            empty << QStringLiteral("%1 (%2, story %3): %4")
                         .arg(component.name, m_promptOfName.value(component.name), component.story,
                              box.isEmpty() ? QStringLiteral("no container")
                                            : QString::fromUtf8(QJsonDocument(box).toJson(
                                                  QJsonDocument::Compact)));
    }
    QStringList errors;
    for (const QJsonValue &value : result.value(QStringLiteral("pageErrors")).toArray())
        errors << value.toString();
    for (const QJsonValue &value : result.value(QStringLiteral("exceptions")).toArray())
        errors << value.toString();
    const QString timedOut = result.value(QStringLiteral("timedOut")).toString();
    QVERIFY2(empty.isEmpty(),
             qPrintable(QStringLiteral("empty renders:\n") + empty.join(QLatin1Char('\n')) +
                        QStringLiteral("\n") + timedOut));
    QVERIFY2(errors.isEmpty(),
             qPrintable(QStringLiteral("page errors:\n") + errors.join(QLatin1Char('\n'))));
    QCOMPARE(containers.size(), m_rendered.size());
    QVERIFY2(result.value(QStringLiteral("tokens")).toBool(), "the token stylesheet did not load");
    qInfo("%d components of %d expert families rendered in one page", int(m_rendered.size()),
          int(expertFamilies.size()));
}

void SparkRenderTest::cleanupTestCase() {
    if (qEnvironmentVariableIsSet("SPARK_RENDER_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("kept %s", qPrintable(m_project));
    }
    m_pipeline.reset();
    m_engine.reset();
}

QTEST_GUILESS_MAIN(SparkRenderTest)
#include "spark_render_test.moc"
