// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// helios serve [--role control|compute|all] [--bind ADDRESS] [--ready-file FILE]
//              [--no-access-log] [--drain-seconds N]
int runServe(const Config &config, const QStringList &args);

} // namespace helios::cli
