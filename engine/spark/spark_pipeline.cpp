// SPDX-License-Identifier: Apache-2.0
#include "spark/spark_pipeline.h"

#include "bus/bus.h"
#include "bus/event.h"
#include "core/logging.h"
#include "engine.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/production_build.h"
#include "ignis/project_config.h"
#include "spark/component_library.h"
#include "spark/component_request.h"
#include "spark/component_writer.h"
#include "spark/expert.h"
#include "spark/llm/llm_expert.h"
#include "spark/router/expert_router.h"
#include "spark/token_palette.h"
#include "spark/validation/component_validator.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace helios::spark {

namespace {

const QString &sparkSource()
{
    static const QString source = QStringLiteral("/helios/spark");
    return source;
}

// Reports phases in order: step i of n starts.
class Progress {
public:
    Progress(const std::function<void(const GenerationProgress &)> &callback, int steps)
        : m_callback(callback), m_steps(steps)
    {
    }
    void phase(const QString &name, const QString &text)
    {
        if (m_callback)
            m_callback(GenerationProgress{m_step++, m_steps, name, text, {}});
    }
    void done(const QString &name, const QString &text)
    {
        if (m_callback)
            m_callback(GenerationProgress{m_steps, m_steps, name, text, {}});
    }
    void delta(const QString &text)
    {
        if (m_callback)
            m_callback(GenerationProgress{std::max(0, m_step - 1), m_steps, QStringLiteral("generate"), {}, text});
    }

private:
    const std::function<void(const GenerationProgress &)> &m_callback;
    int m_steps;
    int m_step = 0;
};

Error cancelledError() { return makeError(ErrorCode::Conflict, QStringLiteral("the generation was cancelled")); }

// The project's name as a history key: helios.json's name, or the folder's, with
// anything a cache key or subject cannot hold replaced.
QString projectKey(const QString &name, const QString &projectDir)
{
    QString key = name.isEmpty() ? QFileInfo(projectDir).fileName() : name;
    for (QChar &c : key) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
                        || u == u'_' || u == u'-' || u == u'/' || u == u'@';
        if (!ok)
            c = QLatin1Char('-');
    }
    key.truncate(200);
    return key.isEmpty() ? QStringLiteral("project") : key;
}

QJsonArray filePaths(const QList<GeneratedFile> &files)
{
    QJsonArray paths;
    for (const GeneratedFile &file : files)
        paths.append(file.path);
    return paths;
}

int errorCount(const ValidationReport &report)
{
    return int(std::count_if(report.issues.cbegin(), report.issues.cend(),
                             [](const ValidationIssue &issue) { return issue.error; }));
}

QString firstError(const ValidationReport &report)
{
    for (const ValidationIssue &issue : report.issues) {
        if (issue.error)
            return QStringLiteral("%1:%2:%3: %4").arg(issue.file).arg(issue.line).arg(issue.column).arg(issue.message);
    }
    return {};
}

struct ProjectTokens {
    TokenPalette palette;
    QString source;
    QString project;
};

Result<ProjectTokens> loadTokens(const QString &projectDir)
{
    if (projectDir.isEmpty())
        return ProjectTokens{TokenPalette::builtIn(), QStringLiteral("built-in tokens"), {}};
    const ignis::ProjectConfig config = ignis::ProjectConfig::read(projectDir);
    ProjectTokens tokens;
    tokens.project = projectKey(config.name, projectDir);
    if (config.tokensConfig.isEmpty() && QFileInfo::exists(projectDir + QStringLiteral("/helios.json"))) {
        // A project without design tokens: the palette's literals, which pass the token
        // lint because there is no token of any type to use instead.
        tokens.source = QStringLiteral("no project tokens (plain values)");
        return tokens;
    }
    auto palette = TokenPalette::fromProject(projectDir);
    if (!palette.ok())
        return palette.error();
    tokens.palette = std::move(*palette);
    tokens.source = QStringLiteral("project tokens (%1)").arg(QDir(projectDir).relativeFilePath(config.tokensConfig));
    return tokens;
}

} // namespace

struct SparkPipeline::Private {
    explicit Private(Engine &e) : engine(e), library(e.store(), e.cache()) {}

    // The LLM expert's component when it is configured, wanted, runs and passes; else
    // nullopt with the reason in `notes`.
    std::optional<std::pair<GeneratedComponent, ValidationReport>>
    tryLlm(const GenerateOptions &options, const ComponentRequest &request, ExpertFamily family,
           const TokenPalette &palette, const ComponentValidator &validator, Progress &progress, QStringList &notes)
    {
        if (!options.useLlm)
            return std::nullopt;
        const std::optional<LlmSettings> settings = LlmSettings::fromConfig(engine.config());
        if (!settings)
            return std::nullopt;
        const LlmExpert expert(*settings);
        auto generated = expert.generate(request, family, palette,
                                         [&progress](const QString &delta) { progress.delta(delta); },
                                         options.cancelled);
        const QString offline = QString(familyInfo(family).id);
        if (!generated.ok()) {
            notes << QStringLiteral("the LLM expert failed (%1): the %2 expert wrote it instead")
                         .arg(generated.error().toString(), offline);
            return std::nullopt;
        }
        if (options.cancelled && options.cancelled->load())
            return std::nullopt;
        ValidationReport report = validator.validate(*generated);
        if (!report.passed()) {
            notes << QStringLiteral("the LLM expert's component failed validation with %1 error(s), the first: %2; "
                                    "the %3 expert wrote it instead")
                         .arg(errorCount(report))
                         .arg(firstError(report), offline);
            return std::nullopt;
        }
        return std::make_pair(std::move(*generated), std::move(report));
    }

    // Stores the version, caches its code and announces it. Store failures fail the
    // generation; cache and bus failures are logged (the Store is the truth).
    Result<void> save(Generation &generation)
    {
        auto saved = library.save(generation.project, generation.component, generation.prompt);
        if (!saved.ok())
            return saved.error();
        generation.version = saved->info.version;
        if (const auto cached = library.cacheCode(StoredComponent{saved->info, generation.component.files});
            !cached.ok())
            qCWarning(lcCache) << "the component's code was stored but not cached:" << cached.error().toString();
        if (!saved->created)
            return {}; // the same files as the latest version: nothing new to announce
        const ComponentVersionInfo &info = saved->info;
        const data::Event event = data::Event::make(
            QStringLiteral("component.generated"), sparkSource(), info.project + QLatin1Char('/') + info.name,
            QJsonObject{{QStringLiteral("project"), info.project},
                        {QStringLiteral("name"), info.name},
                        {QStringLiteral("version"), info.version},
                        {QStringLiteral("expert"), info.expert},
                        {QStringLiteral("family"), QString(familyInfo(info.family).id)},
                        {QStringLiteral("sha256"), info.contentSha256},
                        {QStringLiteral("files"), filePaths(generation.component.files)}});
        if (const auto published = engine.bus().publish(event); !published.ok())
            qCWarning(lcSpark) << "component" << info.name << "version" << info.version
                               << "was stored but component.generated was not published:"
                               << published.error().toString();
        return {};
    }

    Engine &engine;
    ComponentLibrary library;
};

SparkPipeline::SparkPipeline(Engine &engine) : d(std::make_unique<Private>(engine)) {}

SparkPipeline::~SparkPipeline() = default;

Result<Generation> SparkPipeline::generate(const GenerateOptions &options)
{
    Progress progress(options.progress, 5);
    const auto cancelled = [&options] { return options.cancelled && options.cancelled->load(); };
    Generation generation;
    generation.prompt = options.prompt;

    QString projectDir;
    if (!options.projectDir.isEmpty()) {
        projectDir = QFileInfo(options.projectDir).canonicalFilePath();
        if (projectDir.isEmpty() || !QFileInfo(projectDir).isDir())
            return makeError(ErrorCode::NotFound, QStringLiteral("no project directory"), options.projectDir);
    }
    progress.phase(QStringLiteral("tokens"), projectDir.isEmpty() ? QStringLiteral("loading the built-in tokens")
                                                                  : QStringLiteral("loading the project's tokens"));
    auto tokens = loadTokens(projectDir);
    if (!tokens.ok())
        return tokens.error();
    generation.tokensSource = tokens->source;
    generation.project = tokens->project;
    const TokenPalette &palette = tokens->palette;
    if (cancelled())
        return cancelledError();

    progress.phase(QStringLiteral("route"), QStringLiteral("reading the prompt and choosing experts"));
    const auto request = readComponentRequest(options.prompt);
    if (!request.ok())
        return request.error();
    generation.prompt = request->prompt;
    generation.routing = ExpertRouter::shared().route(request->prompt, std::clamp(options.topK, 1, int(expertFamilies.size())));
    if (!options.expert && generation.routing.experts.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("the router chose no expert"), request->prompt.left(80));
    const ExpertFamily family = options.expert.value_or(generation.routing.experts.isEmpty()
                                                            ? ExpertFamily::Button
                                                            : generation.routing.best().family);
    if (cancelled())
        return cancelledError();

    // esbuild is needed for validation; finding it first means a missing toolchain fails
    // before any work, with the lookup's own message.
    auto toolchain = ignis::EsbuildToolchain::locate(d->engine.config(), projectDir);
    if (!toolchain.ok())
        return toolchain.error();
    const ComponentValidator validator(*toolchain, palette);

    progress.phase(QStringLiteral("generate"),
                   QStringLiteral("the %1 expert writes the component").arg(familyInfo(family).id));
    auto llm = d->tryLlm(options, *request, family, palette, validator, progress, generation.llmNotes);
    if (cancelled())
        return cancelledError();
    if (llm) {
        generation.component = std::move(llm->first);
        generation.validation = std::move(llm->second);
        progress.phase(QStringLiteral("validate"), QStringLiteral("the LLM expert's component passed validation"));
    } else {
        const ExpertContext context{palette};
        generation.component = expertFor(family).generate(*request, context);
        if (generation.component.expert.isEmpty())
            generation.component.expert = QString(familyInfo(family).id);
        if (cancelled())
            return cancelledError();
        progress.phase(QStringLiteral("validate"), QStringLiteral("compiling and linting %1 files")
                                                       .arg(generation.component.files.size()));
        generation.validation = validator.validate(generation.component);
    }
    if (cancelled())
        return cancelledError();

    const bool passed = generation.validation.passed();
    if (!passed || projectDir.isEmpty() || !options.save) {
        progress.done(QStringLiteral("validate"),
                      passed ? QStringLiteral("%1 passed validation").arg(generation.component.name)
                             : QStringLiteral("%1 failed validation with %2 error(s)")
                                   .arg(generation.component.name)
                                   .arg(errorCount(generation.validation)));
        return generation;
    }
    progress.phase(QStringLiteral("save"), QStringLiteral("saving %1 in the component history").arg(generation.component.name));
    HELIOS_TRY(d->save(generation));
    progress.done(QStringLiteral("save"),
                  QStringLiteral("saved %1 version %2").arg(generation.component.name).arg(generation.version));
    return generation;
}

Result<AcceptOutcome> SparkPipeline::accept(const Generation &generation, const QString &projectDir, bool build,
                                            const std::function<void(const GenerationProgress &)> &progressCallback)
{
    if (!generation.validation.passed())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 did not pass validation (%2 error(s), the first: %3); nothing was written")
                             .arg(generation.component.name)
                             .arg(errorCount(generation.validation))
                             .arg(firstError(generation.validation)),
                         projectDir);
    Progress progress(progressCallback, build ? 2 : 1);
    progress.phase(QStringLiteral("write"),
                   QStringLiteral("writing %1 into src/components/%1/").arg(generation.component.name));
    auto written = writeComponentIntoProject(generation.component, projectDir);
    if (!written.ok())
        return written.error();
    AcceptOutcome outcome;
    outcome.written = *written;

    const QString canonical = QFileInfo(projectDir).canonicalFilePath();
    const ignis::ProjectConfig config = ignis::ProjectConfig::read(canonical);
    const QString project = projectKey(config.name, canonical);
    const data::Event event = data::Event::make(
        QStringLiteral("component.created"), sparkSource(), project + QLatin1Char('/') + generation.component.name,
        QJsonObject{{QStringLiteral("project"), project},
                    {QStringLiteral("name"), generation.component.name},
                    {QStringLiteral("version"), generation.version},
                    {QStringLiteral("expert"), generation.component.expert},
                    {QStringLiteral("files"), QJsonArray::fromStringList(outcome.written)}});
    if (const auto published = d->engine.bus().publish(event); !published.ok())
        qCWarning(lcSpark) << "component" << generation.component.name
                           << "was written but component.created was not published:" << published.error().toString();
    if (!build) {
        progress.done(QStringLiteral("write"), QStringLiteral("wrote %1 files").arg(outcome.written.size()));
        return outcome;
    }

    progress.phase(QStringLiteral("build"), QStringLiteral("building the project"));
    ignis::BuildOptions options;
    options.projectDir = canonical;
    options.progress = [&progressCallback](const ignis::BuildProgress &step) {
        if (progressCallback)
            progressCallback(GenerationProgress{1, 2, QStringLiteral("build"), step.text, {}});
    };
    const ignis::BuildReport report = ignis::ProductionBuild(d->engine, options).run();
    outcome.built = report.succeeded();
    if (outcome.built) {
        outcome.buildSummary = QStringLiteral("built %1 files in %2 ms (cache: %3)")
                                   .arg(report.outputs.size())
                                   .arg(report.durationMs)
                                   .arg(report.cache);
    } else {
        QString first;
        for (const ignis::BuildMessage &message : report.messages) {
            if (message.isError()) {
                first = message.toString();
                break;
            }
        }
        outcome.buildSummary = QStringLiteral("the build failed: %1").arg(first.isEmpty() ? QStringLiteral("no message") : first);
    }
    progress.done(QStringLiteral("build"), outcome.buildSummary);
    return outcome;
}

} // namespace helios::spark
