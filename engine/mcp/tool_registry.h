// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_tool.h"

#include <QList>

namespace helios::mcp {

// Every tool the server offers, in the order tools/list gives them.
const QList<McpTool> &mcpTools();
// nullptr when there is no such tool.
const McpTool *findMcpTool(const QString &name);

} // namespace helios::mcp
