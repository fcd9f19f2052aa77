// SPDX-License-Identifier: Apache-2.0
#include "tokens_validate_command.h"

#include "cli.h"
#include "tokens_cli_support.h"

#include "slate/token_build.h"

#include <QTextStream>

namespace helios::cli {

namespace {

const char *const validateHelp =
    "usage: helios tokens validate <files...> [--json]\n"
    "       helios tokens validate --resolver FILE [--input MODIFIER=CONTEXT,...] [--json]\n"
    "\n"
    "Reads DTCG token files, merged in the order given, resolves every alias and reports\n"
    "every problem as file:line:col: error: message [token.path]. With a resolver, every\n"
    "context of every modifier is resolved and checked (or only the given input).\n"
    "\n"
    "options:\n"
    "  --resolver FILE   a DTCG *.resolver.json instead of token files\n"
    "  --input K=V,...   resolver input (repeatable), e.g. theme=dark\n"
    "  --json            one JSON object on stdout: ok, tokens, errors, warnings, diagnostics\n"
    "  --help            this help\n"
    "\n"
    "exit: 0 valid (warnings allowed), 1 errors found, 2 usage\n";

} // namespace

int runTokensValidate(const Config &, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    slate::TokenBuild::Inputs inputs;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString value, error;
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h")) {
            out << validateHelp;
            return Success;
        } else if (a == QLatin1StringView("--json")) {
            json = true;
        } else if (a == QLatin1StringView("--resolver") || a == QLatin1StringView("--input")) {
            if (!tokens::takeValue(args, i, value, error)) {
                err << "helios tokens validate: " << error << '\n';
                return Usage;
            }
            if (a == QLatin1StringView("--resolver")) {
                inputs.resolverPath = value;
            } else if (!slate::ResolverDocument::parseInput(value, inputs.input, error)) {
                err << "helios tokens validate: " << error << '\n';
                return Usage;
            } else {
                inputs.inputGiven = true;
            }
        } else if (a.startsWith(QLatin1StringView("--"))) {
            err << "helios tokens validate: unknown argument " << a << "\n\n" << validateHelp;
            return Usage;
        } else {
            inputs.sources.append(a);
        }
    }
    if (inputs.sources.isEmpty() == inputs.resolverPath.isEmpty()) {
        err << "helios tokens validate: give token files or --resolver (not both)\n\n" << validateHelp;
        return Usage;
    }
    if (inputs.inputGiven && inputs.resolverPath.isEmpty()) {
        err << "helios tokens validate: --input needs --resolver\n";
        return Usage;
    }

    const slate::TokenBuild build = slate::TokenBuild::load(inputs);
    const slate::Diagnostics &diagnostics = build.diagnostics();
    const bool ok = !build.hasErrors();
    if (json) {
        out << tokens::jsonLine(QJsonObject{{QStringLiteral("ok"), ok},
                                            {QStringLiteral("tokens"), int(build.base().size())},
                                            {QStringLiteral("contexts"), int(build.themes().size()) + 1},
                                            {QStringLiteral("errors"), tokens::errorCount(diagnostics)},
                                            {QStringLiteral("warnings"), tokens::warningCount(diagnostics)},
                                            {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
    } else {
        tokens::printDiagnostics(err, diagnostics);
        (ok ? out : err) << (ok ? "ok: " : "failed: ") << build.base().size() << " tokens, "
                         << tokens::countsText(diagnostics) << '\n';
    }
    return ok ? Success : Failure;
}

} // namespace helios::cli
