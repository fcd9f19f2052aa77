// SPDX-License-Identifier: Apache-2.0
// write_component: a client's files, checked by the same rules and validators as a SPARK
// generation, written with SPARK's writer, recorded as the next version, announced with
// component.created, and built.
#include "mcp/component_tools.h"

#include "bus/bus.h"
#include "bus/event.h"
#include "engine.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/project_config.h"
#include "mcp/component_files.h"
#include "mcp/mcp_logging.h"
#include "mcp/project_build.h"
#include "spark/component_library.h"
#include "spark/component_writer.h"
#include "spark/token_palette.h"
#include "spark/validation/component_validator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>

namespace helios::mcp {

namespace {

constexpr int MaxFiles = 32;

// The project's token palette as SPARK's pipeline loads it: a project without a token
// config has none to check against.
Result<spark::TokenPalette> paletteFor(const QString &projectDir)
{
    if (ignis::ProjectConfig::read(projectDir).tokensConfig.isEmpty())
        return spark::TokenPalette{};
    return spark::TokenPalette::fromProject(projectDir);
}

// The client's files as SPARK's component, or the first problem with them.
Result<spark::GeneratedComponent> componentFromArguments(const ToolContext &context, const QJsonObject &arguments)
{
    spark::GeneratedComponent component;
    component.name = arguments.value(QLatin1StringView("name")).toString();
    component.expert = QStringLiteral("mcp");
    if (const QString problem = spark::ComponentLibrary::nameProblem(component.name); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("name: %1").arg(problem));

    const QJsonArray files = arguments.value(QLatin1StringView("files")).toArray();
    QSet<QString> seen;
    qsizetype total = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QJsonObject file = files.at(i).toObject();
        const QString where = QStringLiteral("files[%1]").arg(i);
        const QString path = file.value(QLatin1StringView("path")).toString();
        if (const QString problem = componentPathProblem(path); !problem.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1.path: %2").arg(where, problem));
        if (seen.contains(path))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1.path: \"%2\" is given twice").arg(where, path));
        seen.insert(path);
        const QString content = file.value(QLatin1StringView("content")).toString();
        if (!QStringView(content).isValidUtf16())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1.content: has an unpaired surrogate, which UTF-8 cannot hold").arg(where));
        QByteArray bytes = content.toUtf8();
        if (bytes.size() > context.maxFileBytes)
            return makeError(ErrorCode::TooLarge, QStringLiteral("%1.content: %2 bytes, more than the %3 a file may have")
                                                      .arg(where)
                                                      .arg(bytes.size())
                                                      .arg(context.maxFileBytes));
        total += bytes.size();
        if (total > context.maxTotalBytes)
            return makeError(ErrorCode::TooLarge, QStringLiteral("files: more than the %1 bytes a component may have in all")
                                                      .arg(context.maxTotalBytes));
        component.files.append(spark::GeneratedFile{component.name + QLatin1Char('/') + path, std::move(bytes)});
    }
    // src/index.ts re-exports the folder, which needs an index.ts to resolve.
    const bool hasIndex = seen.contains(QStringLiteral("index.ts"))
                          || QFileInfo::exists(context.projectDir + QStringLiteral("/src/components/") + component.name
                                               + QStringLiteral("/index.ts"));
    if (!hasIndex)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("files: a new component needs an index.ts that exports it (src/index.ts re-exports "
                                        "its folder)"));
    return component;
}

QJsonArray findingsJson(const spark::ValidationReport &report, const QString &name)
{
    QJsonArray findings;
    for (const spark::ValidationIssue &issue : report.issues) {
        const QString file = issue.file.startsWith(name + QLatin1Char('/')) ? issue.file.mid(name.size() + 1) : issue.file;
        findings.append(QJsonObject{{QStringLiteral("check"), issue.check},
                                    {QStringLiteral("file"), file},
                                    {QStringLiteral("line"), issue.line},
                                    {QStringLiteral("column"), issue.column},
                                    {QStringLiteral("message"), issue.message},
                                    {QStringLiteral("severity"), issue.error ? QStringLiteral("error") : QStringLiteral("warning")}});
    }
    return findings;
}

QString findingsText(const QJsonArray &findings)
{
    QStringList lines;
    for (const QJsonValue &value : findings) {
        const QJsonObject f = value.toObject();
        lines << QStringLiteral("%1:%2:%3: %4 [%5]: %6")
                     .arg(f.value(QLatin1StringView("file")).toString())
                     .arg(f.value(QLatin1StringView("line")).toInt())
                     .arg(f.value(QLatin1StringView("column")).toInt())
                     .arg(f.value(QLatin1StringView("severity")).toString(), f.value(QLatin1StringView("check")).toString(),
                          f.value(QLatin1StringView("message")).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

void announce(Engine &engine, const spark::ComponentVersionInfo &info, const QStringList &written)
{
    const data::Event event = data::Event::make(
        QStringLiteral("component.created"), QStringLiteral("/helios/mcp"), info.project + QLatin1Char('/') + info.name,
        QJsonObject{{QStringLiteral("project"), info.project},
                    {QStringLiteral("name"), info.name},
                    {QStringLiteral("version"), info.version},
                    {QStringLiteral("expert"), info.expert},
                    {QStringLiteral("files"), QJsonArray::fromStringList(written)}});
    if (const auto published = engine.bus().publish(event); !published.ok())
        qCWarning(lcMcp) << "component" << info.name << "was written but component.created was not published:"
                         << published.error().toString();
}

ToolResult writeComponent(ToolContext &context, const QJsonObject &arguments)
{
    auto component = componentFromArguments(context, arguments);
    if (!component.ok())
        return toolError(component.error().message);
    const QString name = component->name;

    QMutexLocker lock(&context.projectLock);
    auto toolchain = ignis::EsbuildToolchain::locate(context.engine.config(), context.projectDir);
    if (!toolchain.ok())
        return toolError(QStringLiteral("cannot validate: %1").arg(toolchain.error().toString()));
    auto palette = paletteFor(context.projectDir);
    if (!palette.ok())
        return toolError(QStringLiteral("cannot validate: the project's tokens: %1").arg(palette.error().toString()));
    // What the folder will hold: the files sent over the ones already there. That is what
    // must compile and pass the lints, and what the history records as the version.
    spark::GeneratedComponent merged = *component;
    if (const auto existing = readComponentFolder(context.projectDir, name); existing.ok()) {
        for (const spark::GeneratedFile &file : *existing) {
            const QString path = name + QLatin1Char('/') + file.path;
            const bool sent = std::any_of(component->files.cbegin(), component->files.cend(),
                                          [&](const spark::GeneratedFile &f) { return f.path == path; });
            if (!sent && componentPathProblem(file.path).isEmpty())
                merged.files.append(spark::GeneratedFile{path, file.content});
        }
    }
    const spark::ValidationReport report = spark::ComponentValidator(*toolchain, *palette).validate(merged);
    const QJsonArray findings = findingsJson(report, name);
    if (!report.passed())
        return toolError(QStringLiteral("%1 failed validation; nothing was written:\n%2").arg(name, findingsText(findings)),
                         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("written"), QJsonArray()},
                                     {QStringLiteral("findings"), findings}});

    const auto written = spark::writeComponentIntoProject(*component, context.projectDir);
    if (!written.ok())
        return toolError(written.error().message);

    spark::ComponentLibrary library(context.engine.store(), context.engine.cache());
    const auto saved = library.save(componentProjectKey(context.projectDir), merged,
                                    arguments.value(QLatin1StringView("message")).toString());
    if (!saved.ok())
        return toolError(QStringLiteral("%1 was written but not recorded in the component history: %2")
                             .arg(name, saved.error().toString()));
    if (const auto cached = library.cacheCode(spark::StoredComponent{saved->info, merged.files}); !cached.ok())
        qCWarning(lcMcp) << "component" << name << "was stored but not cached:" << cached.error().toString();
    if (saved->created)
        announce(context.engine, saved->info, *written);

    const ProjectBuildSummary build = buildProject(context.engine, context.projectDir, true);
    qCInfo(lcMcp) << "write_component" << name << "version" << saved->info.version << ":" << written->size()
                  << "files; build" << (build.succeeded ? "succeeded" : "failed");
    QString text = QStringLiteral("wrote %1 (version %2%3): %4; %5")
                       .arg(name)
                       .arg(saved->info.version)
                       .arg(saved->created ? QString() : QStringLiteral(", unchanged"))
                       .arg(written->join(QStringLiteral(", ")), build.text);
    if (!findings.isEmpty())
        text += QStringLiteral("\nwarnings:\n") + findingsText(findings);
    return ToolResult{text, QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("version"), saved->info.version},
                                        {QStringLiteral("created"), saved->created},
                                        {QStringLiteral("written"), QJsonArray::fromStringList(*written)},
                                        {QStringLiteral("findings"), findings},
                                        {QStringLiteral("build"), build.json}}};
}

QJsonObject findingsSchema()
{
    const QJsonObject finding = objectSchema(
        QJsonObject{{QStringLiteral("check"), typed(QStringLiteral("string"), QStringLiteral("compile (esbuild), tokens (token lint) or a11y (accessibility lint)"))},
                    {QStringLiteral("file"), typed(QStringLiteral("string"), QStringLiteral("relative to the component's folder"))},
                    {QStringLiteral("line"), typed(QStringLiteral("integer"), QStringLiteral("1-based; 0 for the whole file"))},
                    {QStringLiteral("column"), typed(QStringLiteral("integer"), QStringLiteral("1-based"))},
                    {QStringLiteral("message"), typed(QStringLiteral("string"), QStringLiteral("what is wrong and what to do"))},
                    {QStringLiteral("severity"), QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("error"), QStringLiteral("warning")}}}}});
    QJsonObject findings = typed(QStringLiteral("array"), QStringLiteral("what validation found"));
    findings.insert(QStringLiteral("items"), finding);
    return findings;
}

} // namespace

McpTool writeComponentTool()
{
    McpTool tool;
    tool.name = QStringLiteral("write_component");
    tool.title = QStringLiteral("Write a component");
    tool.description = QStringLiteral(
        "Writes a React + TypeScript component into src/components/<name>/ (replacing files of the same path, leaving the "
        "folder's other files alone) and exports it from src/index.ts. The files are first checked like a SPARK "
        "generation: compiled with esbuild, CSS and inline styles may use only the project's token variables, the JSX must "
        "be accessible; a failure writes nothing and lists the findings with file:line. Paths are relative to the "
        "component's folder and end .tsx, .ts or .css (.module.css); a new component needs an index.ts. At most 32 files, "
        "1 MiB each, 4 MiB in all. Then records the next version in the component history and builds the project.");
    QJsonObject message = typed(QStringLiteral("string"), QStringLiteral("what changed, kept in the component history"));
    message.insert(QStringLiteral("maxLength"), 2000);
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("name"), componentNameSchema()},
                                                {QStringLiteral("files"), componentFilesSchema(MaxFiles)},
                                                {QStringLiteral("message"), message}},
                                    {QStringLiteral("name"), QStringLiteral("files")});
    QJsonObject written = typed(QStringLiteral("array"), QStringLiteral("project-relative paths written, with src/index.ts and src/stories.ts when changed"));
    written.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    tool.outputSchema = objectSchema(QJsonObject{{QStringLiteral("name"), typed(QStringLiteral("string"), QStringLiteral("the component"))},
                                                 {QStringLiteral("version"), typed(QStringLiteral("integer"), QStringLiteral("its version in the component history"))},
                                                 {QStringLiteral("created"), typed(QStringLiteral("boolean"), QStringLiteral("false when the files equal the latest version's"))},
                                                 {QStringLiteral("written"), written},
                                                 {QStringLiteral("findings"), findingsSchema()},
                                                 {QStringLiteral("build"), buildSummarySchema()}},
                                     {QStringLiteral("name")});
    tool.readOnly = false;
    tool.destructive = true;
    tool.idempotent = false;
    tool.needsDeveloper = true;
    tool.run = writeComponent;
    return tool;
}

} // namespace helios::mcp
