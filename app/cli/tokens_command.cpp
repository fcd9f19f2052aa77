// SPDX-License-Identifier: Apache-2.0
#include "tokens_command.h"

#include "cli.h"
#include "tokens_build_command.h"
#include "tokens_check_command.h"
#include "tokens_diff_command.h"
#include "tokens_validate_command.h"

#include <QTextStream>

namespace helios::cli {

namespace {

const char *const tokensHelp =
    "usage: helios tokens <subcommand> [options]\n"
    "\n"
    "Design tokens (W3C DTCG format, resolver module for themes).\n"
    "\n"
    "subcommands:\n"
    "  validate   report every problem in token files (file:line:col: error: ...)\n"
    "  build      write CSS, SCSS, TypeScript, JSON or a Tailwind theme (or -c CONFIG)\n"
    "  diff       tokens added, removed and changed between two sets\n"
    "  check      lint rules: contrast, duplicates, naming, modes, gamut\n"
    "\n"
    "Run helios tokens <subcommand> --help for its options. Every subcommand takes --json.\n";

} // namespace

int runTokens(const Config &config, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty()) {
        err << tokensHelp;
        return Usage;
    }
    const QString &sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1StringView("--help") || sub == QLatin1StringView("-h") || sub == QLatin1StringView("help")) {
        out << tokensHelp;
        return Success;
    }
    if (sub == QLatin1StringView("validate"))
        return runTokensValidate(config, rest);
    if (sub == QLatin1StringView("build"))
        return runTokensBuild(config, rest);
    if (sub == QLatin1StringView("diff"))
        return runTokensDiff(config, rest);
    if (sub == QLatin1StringView("check"))
        return runTokensCheck(config, rest);
    err << "helios tokens: unknown subcommand \"" << sub << "\"\n\n" << tokensHelp;
    return Usage;
}

} // namespace helios::cli
