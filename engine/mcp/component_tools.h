// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_tool.h"

namespace helios::spark {
struct GeneratedFile;
}

namespace helios::mcp {

// list_components, read_component (component_read_tools.cpp) and write_component
// (component_write_tool.cpp).
McpTool listComponentsTool();
McpTool readComponentTool();
McpTool writeComponentTool();

// The schema of a component name argument: ^[A-Z][A-Za-z0-9]{0,63}$.
QJsonObject componentNameSchema();
// {"path": relative to the component's folder, "content": UTF-8 text}; with `maxItems`
// for the array form.
QJsonObject componentFileSchema();
QJsonObject componentFilesSchema(int maxItems);
// Files as [{path, content}], the path relative to the component's folder when
// `stripFolder` names it ("Card/Card.tsx" -> "Card.tsx").
QJsonArray componentFilesToJson(const QList<spark::GeneratedFile> &files, const QString &stripFolder = {});

} // namespace helios::mcp
