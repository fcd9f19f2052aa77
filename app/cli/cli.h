// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios::cli {

// Exit codes of the helios command.
enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

// Runs `helios <arguments>` (arguments[0] is the program name) and returns its exit
// code. Output goes to stdout, diagnostics to stderr.
int run(const QStringList &arguments);

} // namespace helios::cli
