// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios dev [dir] [--port N] [--hmr-port N] [--host ADDRESS]
int runDev(const Config &config, const QStringList &arguments);

} // namespace helios::cli
