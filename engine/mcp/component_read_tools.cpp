// SPDX-License-Identifier: Apache-2.0
// list_components and read_component: what the project's src/components/ holds, with
// what SPARK's component history recorded about each.
#include "mcp/component_tools.h"

#include "engine.h"
#include "mcp/component_files.h"
#include "spark/component_library.h"

#include <QJsonArray>
#include <QMap>
#include <QStringDecoder>

namespace helios::mcp {

namespace {

QJsonObject versionInfoJson(const spark::ComponentVersionInfo &info)
{
    QJsonObject metadata{{QStringLiteral("version"), info.version},
                         {QStringLiteral("expert"), info.expert},
                         {QStringLiteral("createdAt"), info.createdAt},
                         {QStringLiteral("sha256"), info.contentSha256}};
    // A component an MCP client wrote has no family: SPARK's default would be a guess.
    if (info.expert != QLatin1StringView("mcp"))
        metadata.insert(QStringLiteral("family"), QString(spark::familyInfo(info.family).id));
    if (!info.prompt.isEmpty())
        metadata.insert(info.expert == QLatin1StringView("mcp") ? QStringLiteral("message") : QStringLiteral("prompt"),
                        info.prompt);
    return metadata;
}

QJsonObject metadataSchema()
{
    return objectSchema(QJsonObject{{QStringLiteral("version"), typed(QStringLiteral("integer"), QStringLiteral("the latest version in the component history"))},
                                    {QStringLiteral("expert"), typed(QStringLiteral("string"), QStringLiteral("who wrote it: a SPARK expert id, \"llm\" or \"mcp\""))},
                                    {QStringLiteral("family"), typed(QStringLiteral("string"), QStringLiteral("the SPARK expert family, for generated components"))},
                                    {QStringLiteral("prompt"), typed(QStringLiteral("string"), QStringLiteral("the prompt it was generated from"))},
                                    {QStringLiteral("message"), typed(QStringLiteral("string"), QStringLiteral("the message given with write_component"))},
                                    {QStringLiteral("createdAt"), typed(QStringLiteral("string"), QStringLiteral("RFC 3339 UTC"))},
                                    {QStringLiteral("sha256"), typed(QStringLiteral("string"), QStringLiteral("digest of the stored files"))}});
}

ToolResult listComponents(ToolContext &context, const QJsonObject &)
{
    spark::ComponentLibrary library(context.engine.store(), context.engine.cache());
    const auto recorded = library.list(componentProjectKey(context.projectDir));
    if (!recorded.ok())
        return toolError(QStringLiteral("cannot read the component history: %1").arg(recorded.error().toString()));
    QMap<QString, spark::ComponentVersionInfo> latest;
    for (const spark::ComponentVersionInfo &info : *recorded)
        latest.insert(info.name, info);

    QJsonArray components;
    QStringList lines;
    for (const QString &name : componentNamesOnDisk(context.projectDir)) {
        const auto files = readComponentFolder(context.projectDir, name);
        if (!files.ok())
            return toolError(files.error().toString());
        QJsonArray paths;
        for (const spark::GeneratedFile &file : *files)
            paths.append(file.path);
        QJsonObject component{{QStringLiteral("name"), name}, {QStringLiteral("files"), paths}};
        QString line = QStringLiteral("%1 (%2 files)").arg(name).arg(paths.size());
        if (latest.contains(name)) {
            component.insert(QStringLiteral("version"), latest.value(name).version);
            line += QStringLiteral(", version %1").arg(latest.value(name).version);
        }
        components.append(component);
        lines << line;
    }
    const QString text = lines.isEmpty() ? QStringLiteral("the project has no components in src/components/")
                                         : QStringLiteral("%1 components: %2").arg(lines.size()).arg(lines.join(QStringLiteral("; ")));
    return ToolResult{text, QJsonObject{{QStringLiteral("components"), components}}};
}

ToolResult readComponent(ToolContext &context, const QJsonObject &arguments)
{
    const QString name = arguments.value(QLatin1StringView("name")).toString();
    const auto files = readComponentFolder(context.projectDir, name);
    if (!files.ok())
        return toolError(files.error().message);
    for (const spark::GeneratedFile &file : *files) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)decoder.decode(file.content);
        if (decoder.hasError())
            return toolError(QStringLiteral("%1/%2 is not UTF-8 text; read_component returns text files only").arg(name, file.path));
    }
    QJsonObject result{{QStringLiteral("name"), name}, {QStringLiteral("files"), componentFilesToJson(*files)}};
    QString text = QStringLiteral("%1: %2 files").arg(name).arg(files->size());
    spark::ComponentLibrary library(context.engine.store(), context.engine.cache());
    const auto history = library.history(componentProjectKey(context.projectDir), name);
    if (history.ok() && !history->isEmpty()) {
        result.insert(QStringLiteral("version"), history->last().version);
        result.insert(QStringLiteral("metadata"), versionInfoJson(history->last()));
        text += QStringLiteral(", version %1").arg(history->last().version);
    }
    for (const spark::GeneratedFile &file : *files)
        text += QStringLiteral("\n\n--- %1 ---\n%2").arg(file.path, QString::fromUtf8(file.content));
    return ToolResult{text, result};
}

} // namespace

QJsonObject componentNameSchema()
{
    QJsonObject schema = typed(QStringLiteral("string"), QStringLiteral("PascalCase component name, also its folder under src/components/"));
    schema.insert(QStringLiteral("pattern"), QStringLiteral("^[A-Z][A-Za-z0-9]{0,63}$"));
    return schema;
}

QJsonObject componentFileSchema()
{
    QJsonObject path = typed(QStringLiteral("string"), QStringLiteral("relative to the component's folder, e.g. \"Card.tsx\" or \"Card.module.css\""));
    path.insert(QStringLiteral("minLength"), 1);
    path.insert(QStringLiteral("maxLength"), 200);
    return objectSchema(QJsonObject{{QStringLiteral("path"), path},
                                    {QStringLiteral("content"), typed(QStringLiteral("string"), QStringLiteral("the file's text (UTF-8)"))}},
                        {QStringLiteral("path"), QStringLiteral("content")});
}

QJsonObject componentFilesSchema(int maxItems)
{
    QJsonObject schema = typed(QStringLiteral("array"), QStringLiteral("the component's files"));
    schema.insert(QStringLiteral("items"), componentFileSchema());
    if (maxItems > 0) {
        schema.insert(QStringLiteral("minItems"), 1);
        schema.insert(QStringLiteral("maxItems"), maxItems);
    }
    return schema;
}

QJsonArray componentFilesToJson(const QList<spark::GeneratedFile> &files, const QString &stripFolder)
{
    QJsonArray array;
    for (const spark::GeneratedFile &file : files) {
        const QString path = !stripFolder.isEmpty() && file.path.startsWith(stripFolder + QLatin1Char('/'))
                                 ? file.path.mid(stripFolder.size() + 1)
                                 : file.path;
        array.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("content"), QString::fromUtf8(file.content)}});
    }
    return array;
}

McpTool listComponentsTool()
{
    McpTool tool;
    tool.name = QStringLiteral("list_components");
    tool.title = QStringLiteral("List components");
    tool.description = QStringLiteral("The project's components (folders under src/components/), each with its files and, "
                                      "when the component history has it, its latest version.");
    tool.inputSchema = objectSchema({});
    QJsonObject paths = typed(QStringLiteral("array"), QStringLiteral("files, relative to the component's folder"));
    paths.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    const QJsonObject component = objectSchema(QJsonObject{{QStringLiteral("name"), typed(QStringLiteral("string"), QStringLiteral("the component's name"))},
                                                           {QStringLiteral("files"), paths},
                                                           {QStringLiteral("version"), typed(QStringLiteral("integer"), QStringLiteral("latest recorded version"))}},
                                               {QStringLiteral("name"), QStringLiteral("files")});
    QJsonObject components = typed(QStringLiteral("array"), QStringLiteral("by name"));
    components.insert(QStringLiteral("items"), component);
    tool.outputSchema = objectSchema(QJsonObject{{QStringLiteral("components"), components}}, {QStringLiteral("components")});
    tool.run = listComponents;
    return tool;
}

McpTool readComponentTool()
{
    McpTool tool;
    tool.name = QStringLiteral("read_component");
    tool.title = QStringLiteral("Read a component");
    tool.description = QStringLiteral("Every file of one component (src/components/<name>/) with its content, and what the "
                                      "component history recorded: version, who wrote it, when.");
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("name"), componentNameSchema()}}, {QStringLiteral("name")});
    tool.outputSchema = objectSchema(QJsonObject{{QStringLiteral("name"), typed(QStringLiteral("string"), QStringLiteral("the component"))},
                                                 {QStringLiteral("files"), componentFilesSchema(0)},
                                                 {QStringLiteral("version"), typed(QStringLiteral("integer"), QStringLiteral("latest recorded version"))},
                                                 {QStringLiteral("metadata"), metadataSchema()}},
                                     {QStringLiteral("name"), QStringLiteral("files")});
    tool.run = readComponent;
    return tool;
}

} // namespace helios::mcp
