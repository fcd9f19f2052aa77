// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The MCP server's category (helios.mcp). It logs method names, tool names and outcomes,
// never arguments: they may hold file contents or prompts with secrets in them.
Q_DECLARE_LOGGING_CATEGORY(lcMcp)
