// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios mcp [--project DIR]: the Luminera MCP server on stdin/stdout.
int runMcp(const Config &config, const QStringList &arguments);

} // namespace helios::cli
