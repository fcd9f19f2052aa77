// SPDX-License-Identifier: Apache-2.0
#include "mcp/token_tools.h"

#include "ignis/project_config.h"
#include "slate/build_config.h"
#include "slate/token_build.h"
#include "slate/token_type.h"
#include "slate/token_value_text.h"

#include <QDir>
#include <QJsonDocument>

#include <optional>

namespace helios::mcp {

namespace {

// The project's tokens, resolved, for the base (empty theme, or "default") or one theme
// context ("dark"). Errors are tool errors: the message names the file and line.
struct LoadedTokens {
    std::optional<slate::TokenBuild> build;
    const slate::TokenSet *set = nullptr;
    QString error;
};

QString firstError(const slate::Diagnostics &diagnostics, const QString &projectDir)
{
    for (const slate::Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.isError())
            return QStringLiteral("%1:%2: %3")
                .arg(QDir(projectDir).relativeFilePath(diagnostic.file))
                .arg(diagnostic.position.line)
                .arg(diagnostic.message);
    }
    return QStringLiteral("unknown error");
}

LoadedTokens loadTokens(const QString &projectDir, const QString &theme)
{
    LoadedTokens loaded;
    const ignis::ProjectConfig project = ignis::ProjectConfig::read(projectDir);
    if (project.tokensConfig.isEmpty()) {
        loaded.error = QStringLiteral("the project has no design tokens (helios.json names no \"tokens\" config)");
        return loaded;
    }
    const slate::BuildConfig config = slate::BuildConfig::read(project.tokensConfig);
    if (config.hasErrors()) {
        loaded.error = QStringLiteral("the token config has errors: %1").arg(firstError(config.diagnostics, projectDir));
        return loaded;
    }
    slate::TokenBuild::Inputs inputs;
    inputs.sources = config.sources;
    inputs.themes = config.themes;
    inputs.resolverPath = config.resolverPath;
    inputs.input = config.input;
    inputs.inputGiven = config.inputGiven;
    loaded.build.emplace(slate::TokenBuild::load(inputs));
    if (loaded.build->hasErrors()) {
        loaded.error = QStringLiteral("the tokens do not resolve: %1").arg(firstError(loaded.build->diagnostics(), projectDir));
        return loaded;
    }
    if (theme.isEmpty() || theme == slate::TokenBuild::baseContextName) {
        loaded.set = &loaded.build->base();
        return loaded;
    }
    QStringList known;
    for (const slate::TokenBuild::Theme &candidate : loaded.build->themes()) {
        if (candidate.context == theme) {
            loaded.set = &candidate.set;
            return loaded;
        }
        known << candidate.context;
    }
    loaded.error = QStringLiteral("no theme \"%1\"; the project's themes are: %2")
                       .arg(theme.left(80), known.isEmpty() ? QStringLiteral("(none)") : known.join(QStringLiteral(", ")));
    return loaded;
}

QJsonValue resolvedJson(const slate::Token &token)
{
    const QByteArray text = token.resolvedValue.toJsonText().toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]");
    return document.isArray() ? document.array().at(0) : QJsonValue(QString::fromUtf8(text));
}

QJsonObject tokenSummary(const slate::TokenSet &set, int index)
{
    const slate::Token &token = set.tokens().at(size_t(index));
    return QJsonObject{{QStringLiteral("path"), token.path},
                       {QStringLiteral("type"), slate::tokenTypeName(token.type)},
                       {QStringLiteral("value"), slate::TokenValueText::css(set, index, slate::FormatOptions{})}};
}

QJsonObject themeSchema()
{
    QJsonObject theme = typed(QStringLiteral("string"), QStringLiteral("a theme context such as \"dark\"; empty or \"default\" for the base"));
    theme.insert(QStringLiteral("maxLength"), 100);
    return theme;
}

QJsonObject tokenSummarySchema()
{
    return objectSchema(QJsonObject{{QStringLiteral("path"), typed(QStringLiteral("string"), QStringLiteral("dotted token path, e.g. color.primary"))},
                                    {QStringLiteral("type"), typed(QStringLiteral("string"), QStringLiteral("DTCG type"))},
                                    {QStringLiteral("value"), typed(QStringLiteral("string"), QStringLiteral("resolved value as CSS text"))}},
                        {QStringLiteral("path"), QStringLiteral("type"), QStringLiteral("value")});
}

ToolResult listTokens(ToolContext &context, const QJsonObject &arguments)
{
    const QString filter = arguments.value(QLatin1StringView("filter")).toString();
    const QString theme = arguments.value(QLatin1StringView("theme")).toString();
    const LoadedTokens loaded = loadTokens(context.projectDir, theme);
    if (!loaded.set)
        return toolError(loaded.error);
    QJsonArray tokens;
    QStringList lines;
    for (int i = 0; i < int(loaded.set->size()); ++i) {
        const slate::Token &token = loaded.set->tokens().at(size_t(i));
        if (!filter.isEmpty() && !token.path.contains(filter, Qt::CaseInsensitive))
            continue;
        const QJsonObject summary = tokenSummary(*loaded.set, i);
        tokens.append(summary);
        lines << QStringLiteral("%1 (%2): %3").arg(token.path, summary.value(QLatin1StringView("type")).toString(),
                                                 summary.value(QLatin1StringView("value")).toString());
    }
    const QString text = QStringLiteral("%1 tokens%2\n%3")
                             .arg(tokens.size())
                             .arg(theme.isEmpty() ? QString() : QStringLiteral(" (theme %1)").arg(theme))
                             .arg(lines.join(QLatin1Char('\n')));
    return ToolResult{text, QJsonObject{{QStringLiteral("tokens"), tokens}}};
}

ToolResult getToken(ToolContext &context, const QJsonObject &arguments)
{
    const QString path = arguments.value(QLatin1StringView("path")).toString();
    const LoadedTokens loaded = loadTokens(context.projectDir, arguments.value(QLatin1StringView("theme")).toString());
    if (!loaded.set)
        return toolError(loaded.error);
    const int index = loaded.set->indexOf(path);
    if (index < 0)
        return toolError(QStringLiteral("no token \"%1\" in the project (list_tokens shows them)").arg(path.left(200)));
    const slate::Token &token = loaded.set->tokens().at(size_t(index));
    QJsonObject result = tokenSummary(*loaded.set, index);
    result.insert(QStringLiteral("resolvedValue"), resolvedJson(token));
    result.insert(QStringLiteral("description"), token.description);
    result.insert(QStringLiteral("aliasChain"), QJsonArray::fromStringList(token.aliasChain));
    const QString file = QDir(context.projectDir).relativeFilePath(token.file);
    result.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("file"), file},
                                                        {QStringLiteral("line"), token.position.line},
                                                        {QStringLiteral("column"), token.position.column}});
    if (token.deprecated)
        result.insert(QStringLiteral("deprecated"), token.deprecationMessage.isEmpty() ? QStringLiteral("deprecated")
                                                                                        : token.deprecationMessage);
    QString text = QStringLiteral("%1 (%2) = %3, defined at %4:%5")
                       .arg(token.path, result.value(QLatin1StringView("type")).toString(),
                            result.value(QLatin1StringView("value")).toString(), file)
                       .arg(token.position.line);
    if (!token.aliasChain.isEmpty())
        text += QStringLiteral("; alias of %1").arg(token.aliasChain.join(QStringLiteral(" -> ")));
    if (!token.description.isEmpty())
        text += QStringLiteral("; ") + token.description;
    return ToolResult{text, result};
}

} // namespace

McpTool listTokensTool()
{
    McpTool tool;
    tool.name = QStringLiteral("list_tokens");
    tool.title = QStringLiteral("List design tokens");
    tool.description = QStringLiteral("The project's design tokens (its token config, resolved): path, DTCG type and value as "
                                      "CSS. Use var(--<path with dots as dashes>) in component CSS.");
    QJsonObject filter = typed(QStringLiteral("string"), QStringLiteral("only tokens whose path contains this (case-insensitive)"));
    filter.insert(QStringLiteral("maxLength"), 200);
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("filter"), filter}, {QStringLiteral("theme"), themeSchema()}});
    QJsonObject tokens = typed(QStringLiteral("array"), QStringLiteral("in definition order"));
    tokens.insert(QStringLiteral("items"), tokenSummarySchema());
    tool.outputSchema = objectSchema(QJsonObject{{QStringLiteral("tokens"), tokens}}, {QStringLiteral("tokens")});
    tool.run = listTokens;
    return tool;
}

McpTool getTokenTool()
{
    McpTool tool;
    tool.name = QStringLiteral("get_token");
    tool.title = QStringLiteral("Get a design token");
    tool.description = QStringLiteral("One design token: its resolved value, type, description, the chain of aliases it "
                                      "resolves through, and the file and line that define it.");
    QJsonObject path = typed(QStringLiteral("string"), QStringLiteral("dotted token path, e.g. color.primary"));
    path.insert(QStringLiteral("minLength"), 1);
    path.insert(QStringLiteral("maxLength"), 500);
    tool.inputSchema = objectSchema(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("theme"), themeSchema()}},
                                    {QStringLiteral("path")});
    QJsonObject chain = typed(QStringLiteral("array"), QStringLiteral("each hop's token path, nearest first; empty when not an alias"));
    chain.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    const QJsonObject source = objectSchema(QJsonObject{{QStringLiteral("file"), typed(QStringLiteral("string"), QStringLiteral("relative to the project"))},
                                                        {QStringLiteral("line"), typed(QStringLiteral("integer"), QStringLiteral("1-based"))},
                                                        {QStringLiteral("column"), typed(QStringLiteral("integer"), QStringLiteral("1-based"))}});
    QJsonObject properties = tokenSummarySchema().value(QLatin1StringView("properties")).toObject();
    properties.insert(QStringLiteral("resolvedValue"), QJsonObject{{QStringLiteral("description"), QStringLiteral("the resolved $value as JSON")}});
    properties.insert(QStringLiteral("description"), typed(QStringLiteral("string"), QStringLiteral("$description")));
    properties.insert(QStringLiteral("aliasChain"), chain);
    properties.insert(QStringLiteral("source"), source);
    properties.insert(QStringLiteral("deprecated"), typed(QStringLiteral("string"), QStringLiteral("why, when deprecated")));
    tool.outputSchema = objectSchema(properties, {QStringLiteral("path"), QStringLiteral("type"), QStringLiteral("value"),
                                                  QStringLiteral("aliasChain"), QStringLiteral("source")});
    tool.run = getToken;
    return tool;
}

} // namespace helios::mcp
