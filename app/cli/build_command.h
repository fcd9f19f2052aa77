// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios build [dir] [--watch] [--no-cache] [--json] [--quiet] | --history
int runBuild(const Config &config, const QStringList &arguments);

} // namespace helios::cli
