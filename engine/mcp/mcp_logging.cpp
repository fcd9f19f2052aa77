// SPDX-License-Identifier: Apache-2.0
#include "mcp/mcp_logging.h"

Q_LOGGING_CATEGORY(lcMcp, "helios.mcp")
