// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_tool.h"

namespace helios::mcp {

// generate_component (SPARK's pipeline) and build_project (an IGNIS production build).
McpTool generateComponentTool();
McpTool buildProjectTool();

} // namespace helios::mcp
