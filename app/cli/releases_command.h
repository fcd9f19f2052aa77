// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios releases [--project DIR] [--json]
int runReleases(const Config &config, const QStringList &arguments);

} // namespace helios::cli
