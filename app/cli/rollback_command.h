// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios rollback <env> [--project DIR] [--json]
int runRollback(const Config &config, const QStringList &arguments);

} // namespace helios::cli
