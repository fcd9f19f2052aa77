// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios tokens check ...`: runs the SLATE lint rules. Exit codes as in cli.h.
int runTokensCheck(const Config &config, const QStringList &args);

} // namespace helios::cli
