// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios status [--json]`: opens the engine and pings each back end. Exit 0 when all
// are reachable, 1 otherwise.
int runStatus(const Config &config, const QStringList &args);

} // namespace helios::cli
