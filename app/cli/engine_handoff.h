// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios::cli {

// The command `helios` was asked to run (`tokens` in `helios --config f tokens build`):
// the first argument after the global options, or nullptr when there is none.
const char *commandName(int argc, char **argv);

// Replaces this process with helios-engine, the executable that has every command but
// `tokens`, keeping the arguments, environment and process id. It is looked up beside
// this executable (the build tree) and then in ../libexec/helios (an installation).
// Returns an exit code only when that fails, after saying why on stderr.
int runInEngine(char **argv);

} // namespace helios::cli
