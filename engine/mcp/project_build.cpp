// SPDX-License-Identifier: Apache-2.0
#include "mcp/project_build.h"

#include "ignis/production_build.h"
#include "mcp/mcp_tool.h"

#include <QJsonArray>

namespace helios::mcp {

ProjectBuildSummary buildProject(Engine &engine, const QString &projectDir, bool useCache)
{
    ignis::BuildOptions options;
    options.projectDir = projectDir;
    options.useCache = useCache;
    const ignis::BuildReport report = ignis::ProductionBuild(engine, options).run();

    ProjectBuildSummary summary;
    summary.succeeded = report.succeeded();
    QJsonArray outputs;
    for (const ignis::BuildOutput &output : report.outputs)
        outputs.append(QJsonObject{{QStringLiteral("path"), output.path}, {QStringLiteral("size"), output.size}});
    summary.json = QJsonObject{{QStringLiteral("succeeded"), summary.succeeded},
                               {QStringLiteral("durationMs"), report.durationMs},
                               {QStringLiteral("cache"), report.cache},
                               {QStringLiteral("cacheHit"), report.cache == QLatin1StringView("hit")},
                               {QStringLiteral("outputs"), outputs}};
    const auto first = std::find_if(report.messages.cbegin(), report.messages.cend(),
                                    [](const ignis::BuildMessage &m) { return m.isError(); });
    if (summary.succeeded) {
        summary.text = QStringLiteral("built %1 files in %2 ms (cache: %3)")
                           .arg(report.outputs.size())
                           .arg(report.durationMs)
                           .arg(report.cache);
    } else if (first != report.messages.cend()) {
        summary.json.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("file"), first->file},
                                                                 {QStringLiteral("line"), first->line},
                                                                 {QStringLiteral("column"), first->column},
                                                                 {QStringLiteral("message"), first->text}});
        summary.text = QStringLiteral("the build failed: %1").arg(first->toString());
    } else {
        summary.text = QStringLiteral("the build failed without a message");
    }
    return summary;
}

QJsonObject buildSummarySchema()
{
    const QJsonObject error = objectSchema(QJsonObject{{QStringLiteral("file"), typed(QStringLiteral("string"), QStringLiteral("relative to the project"))},
                                                       {QStringLiteral("line"), typed(QStringLiteral("integer"), QStringLiteral("1-based; 0 when unknown"))},
                                                       {QStringLiteral("column"), typed(QStringLiteral("integer"), QStringLiteral("1-based"))},
                                                       {QStringLiteral("message"), typed(QStringLiteral("string"), QStringLiteral("what esbuild or IGNIS said"))}});
    const QJsonObject output = objectSchema(QJsonObject{{QStringLiteral("path"), typed(QStringLiteral("string"), QStringLiteral("relative to the output directory"))},
                                                        {QStringLiteral("size"), typed(QStringLiteral("integer"), QStringLiteral("bytes"))}});
    QJsonObject outputs = typed(QStringLiteral("array"), QStringLiteral("the files the build wrote"));
    outputs.insert(QStringLiteral("items"), output);
    return objectSchema(QJsonObject{{QStringLiteral("succeeded"), typed(QStringLiteral("boolean"), QStringLiteral("whether the build succeeded"))},
                                    {QStringLiteral("durationMs"), typed(QStringLiteral("integer"), QStringLiteral("how long it took"))},
                                    {QStringLiteral("cache"), typed(QStringLiteral("string"), QStringLiteral("hit, partial, miss or off"))},
                                    {QStringLiteral("cacheHit"), typed(QStringLiteral("boolean"), QStringLiteral("nothing was rebuilt"))},
                                    {QStringLiteral("outputs"), outputs},
                                    {QStringLiteral("error"), error}},
                        {QStringLiteral("succeeded"), QStringLiteral("durationMs")});
}

} // namespace helios::mcp
