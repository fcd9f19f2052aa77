// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios deploy <env> [--project DIR] [--version V] [--approve] [--promote] [--json]
//               | <env> --target kubernetes --dry-run [--out FILE]
int runDeploy(const Config &config, const QStringList &arguments);

} // namespace helios::cli
