// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios generate "<prompt>" [--project dir] [--expert id] [--top k] [--dry-run]
//                 [--no-build] [--json]
int runGenerate(const Config &config, const QStringList &arguments);

} // namespace helios::cli
