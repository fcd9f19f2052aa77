// SPDX-License-Identifier: Apache-2.0
#include "mcp/mcp_tool.h"

namespace helios::mcp {

QJsonObject McpTool::definition() const
{
    // openWorldHint false: every tool works on the one local project, nothing beyond it.
    const QJsonObject annotations{{QStringLiteral("title"), title},
                                  {QStringLiteral("readOnlyHint"), readOnly},
                                  {QStringLiteral("destructiveHint"), destructive},
                                  {QStringLiteral("idempotentHint"), idempotent},
                                  {QStringLiteral("openWorldHint"), false}};
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("inputSchema"), inputSchema},
                       {QStringLiteral("outputSchema"), outputSchema},
                       {QStringLiteral("annotations"), annotations}};
}

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject typed(const QString &type, const QString &description)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

} // namespace helios::mcp
