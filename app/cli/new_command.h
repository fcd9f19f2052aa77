// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios new <template> <dir> [--param k=v ...] [--dry-run] [--no-install] [--json]` and
// `helios new --list`: a project from an IGNITION template. Exit 0 on success, 1 when the
// template, its parameters, the target or a step failed (nothing is left behind), 2 for
// misuse of the command line.
int runNew(const Config &config, const QStringList &args);

} // namespace helios::cli
