// SPDX-License-Identifier: Apache-2.0
#include "mcp/tool_registry.h"

#include "mcp/component_tools.h"
#include "mcp/project_tools.h"
#include "mcp/token_tools.h"

namespace helios::mcp {

const QList<McpTool> &mcpTools()
{
    static const QList<McpTool> tools{listComponentsTool(), readComponentTool(), writeComponentTool(), listTokensTool(),
                                      getTokenTool(),       generateComponentTool(), buildProjectTool()};
    return tools;
}

const McpTool *findMcpTool(const QString &name)
{
    for (const McpTool &tool : mcpTools()) {
        if (tool.name == name)
            return &tool;
    }
    return nullptr;
}

} // namespace helios::mcp
