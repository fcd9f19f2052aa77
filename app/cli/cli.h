// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

#include <span>

class QTextStream;

namespace helios {
class Config;
}

namespace helios::cli {

// Exit codes of the helios command.
enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

struct Command {
    const char *name;
    const char *summary; // one line for `helios --help`
    int (*run)(const Config &config, const QStringList &args);
};

// What one executable can run: its commands and, where it has one, the self-test.
struct Program {
    std::span<const Command> commands;
    int (*selfTest)(QTextStream &out, QTextStream &err) = nullptr;
};

// Runs `helios <arguments>` (arguments[0] is the program name) and returns its exit
// code. Output goes to stdout, diagnostics to stderr.
int run(const QStringList &arguments, const Program &program);

} // namespace helios::cli
