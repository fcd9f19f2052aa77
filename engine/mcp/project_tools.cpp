// SPDX-License-Identifier: Apache-2.0
#include "mcp/project_tools.h"

#include "mcp/component_tools.h"
#include "mcp/mcp_logging.h"
#include "mcp/project_build.h"
#include "spark/expert_family.h"
#include "spark/spark_pipeline.h"

#include <QJsonArray>
#include <QMutexLocker>

namespace helios::mcp {

namespace {

QJsonObject routingJson(const spark::Routing &routing)
{
    QJsonArray experts;
    for (const spark::ExpertScore &score : routing.experts)
        experts.append(QJsonObject{{QStringLiteral("expert"), QString(spark::familyInfo(score.family).id)},
                                   {QStringLiteral("gate"), score.gate},
                                   {QStringLiteral("drivers"), QJsonArray::fromStringList(score.drivers)}});
    return QJsonObject{{QStringLiteral("experts"), experts}};
}

QJsonArray validationJson(const spark::ValidationReport &report, const QString &name)
{
    QJsonArray issues;
    for (const spark::ValidationIssue &issue : report.issues) {
        const QString file = issue.file.startsWith(name + QLatin1Char('/')) ? issue.file.mid(name.size() + 1) : issue.file;
        issues.append(QJsonObject{{QStringLiteral("check"), issue.check},
                                  {QStringLiteral("file"), file},
                                  {QStringLiteral("line"), issue.line},
                                  {QStringLiteral("column"), issue.column},
                                  {QStringLiteral("message"), issue.message},
                                  {QStringLiteral("severity"), issue.error ? QStringLiteral("error") : QStringLiteral("warning")}});
    }
    return issues;
}

ToolResult generateComponent(ToolContext &context, const QJsonObject &arguments)
{
    const bool accept = arguments.value(QLatin1StringView("accept")).toBool(false);
    spark::GenerateOptions options;
    options.prompt = arguments.value(QLatin1StringView("prompt")).toString();
    options.projectDir = context.projectDir;
    if (arguments.contains(QLatin1StringView("expert")))
        options.expert = spark::familyFromId(arguments.value(QLatin1StringView("expert")).toString());
    // Without accept it is a preview: nothing recorded, nothing written.
    options.save = accept;

    QMutexLocker lock(&context.projectLock);
    spark::SparkPipeline pipeline(context.engine);
    auto generation = pipeline.generate(options);
    if (!generation.ok())
        return toolError(generation.error().message);
    const spark::GeneratedComponent &component = generation->component;
    const bool passed = generation->validation.passed();
    QJsonObject result{{QStringLiteral("name"), component.name},
                       {QStringLiteral("expert"), component.expert},
                       {QStringLiteral("routing"), routingJson(generation->routing)},
                       {QStringLiteral("files"), componentFilesToJson(component.files, component.name)},
                       {QStringLiteral("validation"), QJsonObject{{QStringLiteral("passed"), passed},
                                                                  {QStringLiteral("findings"), validationJson(generation->validation, component.name)}}},
                       {QStringLiteral("accepted"), false}};
    if (generation->version > 0)
        result.insert(QStringLiteral("version"), generation->version);
    QString text = QStringLiteral("%1 by the %2 expert, %3 files, validation %4")
                       .arg(component.name, component.expert)
                       .arg(component.files.size())
                       .arg(passed ? QStringLiteral("passed") : QStringLiteral("failed"));
    if (!passed)
        return toolError(text + QStringLiteral("; nothing was written"), result);
    if (!accept)
        return ToolResult{text + QStringLiteral("; not written (accept: true writes it)"), result};

    auto accepted = pipeline.accept(*generation, context.projectDir, true);
    if (!accepted.ok())
        return toolError(text + QStringLiteral("; not written: ") + accepted.error().message, result);
    result.insert(QStringLiteral("accepted"), true);
    result.insert(QStringLiteral("written"), QJsonArray::fromStringList(accepted->written));
    result.insert(QStringLiteral("build"), QJsonObject{{QStringLiteral("succeeded"), accepted->built},
                                                       {QStringLiteral("summary"), accepted->buildSummary}});
    qCInfo(lcMcp) << "generate_component wrote" << component.name << "version" << generation->version;
    return ToolResult{text + QStringLiteral("; wrote %1; %2").arg(accepted->written.join(QStringLiteral(", ")), accepted->buildSummary),
                      result};
}

ToolResult buildProjectRun(ToolContext &context, const QJsonObject &arguments)
{
    QMutexLocker lock(&context.projectLock);
    const ProjectBuildSummary build =
        buildProject(context.engine, context.projectDir, arguments.value(QLatin1StringView("useCache")).toBool(true));
    qCInfo(lcMcp) << "build_project" << (build.succeeded ? "succeeded" : "failed");
    return ToolResult{build.text, build.json, !build.succeeded};
}

} // namespace

McpTool generateComponentTool()
{
    McpTool tool;
    tool.name = QStringLiteral("generate_component");
    tool.title = QStringLiteral("Generate a component");
    tool.description = QStringLiteral(
        "SPARK writes a React + TypeScript component from a prompt (\"a card with a title, an image and two buttons\"): a "
        "router picks the expert, the files use only the project's tokens and are compiled and linted. Returns the files "
        "and the routing. With accept: true a passing component is also written into src/components/<Name>/, recorded "
        "and built.");
    QJsonObject prompt = typed(QStringLiteral("string"), QStringLiteral("what to generate"));
    prompt.insert(QStringLiteral("minLength"), 1);
    prompt.insert(QStringLiteral("maxLength"), 4000);
    QJsonArray experts;
    for (const spark::ExpertFamilyInfo &info : spark::expertFamilies)
        experts.append(QString(info.id));
    QJsonObject expert = typed(QStringLiteral("string"), QStringLiteral("use this expert whatever the router says"));
    expert.insert(QStringLiteral("enum"), experts);
    QJsonObject accept = typed(QStringLiteral("boolean"), QStringLiteral("write, record and build the component (default false)"));
    accept.insert(QStringLiteral("default"), false);
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("prompt"), prompt},
                                                {QStringLiteral("expert"), expert},
                                                {QStringLiteral("accept"), accept}},
                                    {QStringLiteral("prompt")});
    QJsonObject written = typed(QStringLiteral("array"), QStringLiteral("project-relative paths written"));
    written.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    tool.outputSchema = objectSchema(
        QJsonObject{{QStringLiteral("name"), typed(QStringLiteral("string"), QStringLiteral("the component's name"))},
                    {QStringLiteral("expert"), typed(QStringLiteral("string"), QStringLiteral("the expert that wrote it"))},
                    {QStringLiteral("routing"), typed(QStringLiteral("object"), QStringLiteral("the router's experts and gate weights"))},
                    {QStringLiteral("files"), componentFilesSchema(0)},
                    {QStringLiteral("validation"), typed(QStringLiteral("object"), QStringLiteral("passed and findings"))},
                    {QStringLiteral("accepted"), typed(QStringLiteral("boolean"), QStringLiteral("whether it was written"))},
                    {QStringLiteral("version"), typed(QStringLiteral("integer"), QStringLiteral("its version in the component history, when saved"))},
                    {QStringLiteral("written"), written},
                    {QStringLiteral("build"), typed(QStringLiteral("object"), QStringLiteral("succeeded and a one-line summary"))}},
        {QStringLiteral("name"), QStringLiteral("files"), QStringLiteral("validation"), QStringLiteral("accepted")});
    tool.readOnly = false;
    tool.destructive = true;
    tool.idempotent = false;
    tool.needsDeveloper = true;
    tool.run = generateComponent;
    return tool;
}

McpTool buildProjectTool()
{
    McpTool tool;
    tool.name = QStringLiteral("build_project");
    tool.title = QStringLiteral("Build the project");
    tool.description = QStringLiteral("An IGNIS production build of the project (bundled, minified, hashed, with source "
                                      "maps), cached by its inputs. Returns whether it succeeded, how long it took, the "
                                      "files it wrote, whether it was a cache hit, and the first error at file:line:column.");
    QJsonObject useCache = typed(QStringLiteral("boolean"), QStringLiteral("reuse unchanged steps (default true)"));
    useCache.insert(QStringLiteral("default"), true);
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("useCache"), useCache}});
    tool.outputSchema = buildSummarySchema();
    tool.readOnly = false;
    tool.destructive = false; // it replaces only the build output
    tool.idempotent = true;
    tool.needsDeveloper = true;
    tool.run = buildProjectRun;
    return tool;
}

} // namespace helios::mcp
