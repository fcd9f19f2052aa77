// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_tool.h"

namespace helios::mcp {

// list_tokens and get_token: the project's design tokens (its token config, resolved by
// SLATE), for the base or one theme.
McpTool listTokensTool();
McpTool getTokenTool();

} // namespace helios::mcp
