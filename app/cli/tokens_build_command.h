// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios tokens build <files...> --format F --out PATH [--format F --out PATH ...]` or
// `helios tokens build -c config.json`: reads and resolves the tokens once and writes
// every output, or none when any input has an error.
int runTokensBuild(const Config &config, const QStringList &args);

} // namespace helios::cli
