// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios tokens <validate|build|diff|check> ...`: dispatches to the subcommand.
int runTokens(const Config &config, const QStringList &args);

} // namespace helios::cli
