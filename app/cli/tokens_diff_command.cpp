// SPDX-License-Identifier: Apache-2.0
#include "tokens_diff_command.h"

#include "cli.h"
#include "tokens_cli_support.h"

#include "slate/token_build.h"
#include "slate/token_diff.h"

#include <QTextStream>

namespace helios::cli {

namespace {

const char *const diffHelp =
    "usage: helios tokens diff <before> <after> [--json] [--exit-code]\n"
    "\n"
    "Compares two token sets by token path and prints what was added (+), removed (-) and\n"
    "changed (~) with resolved values; a type change is shown too. Each side is a token\n"
    "file, or several merged in order written as a,b,c. Output is sorted by path.\n"
    "\n"
    "options:\n"
    "  --json        one JSON object on stdout: ok, added, removed, changed\n"
    "  --exit-code   exit 1 when the sets differ (like git diff --exit-code)\n"
    "  --help        this help\n"
    "\n"
    "exit: 0 compared, 1 an input has errors (or differences with --exit-code), 2 usage\n";

QJsonObject entryJson(const slate::TokenDiff::Entry &e)
{
    using Kind = slate::TokenDiff::Entry::Kind;
    QJsonObject o{{QStringLiteral("path"), e.path}};
    if (e.kind != Kind::Added) {
        o.insert(QStringLiteral("oldValue"), e.oldValue);
        o.insert(QStringLiteral("oldType"), slate::tokenTypeName(e.oldType));
    }
    if (e.kind != Kind::Removed) {
        o.insert(QStringLiteral("newValue"), e.newValue);
        o.insert(QStringLiteral("newType"), slate::tokenTypeName(e.newType));
    }
    if (e.kind == Kind::Changed)
        o.insert(QStringLiteral("typeChanged"), e.typeChanged());
    return o;
}

} // namespace

int runTokensDiff(const Config &, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool json = false;
    bool exitCode = false;
    QStringList sides;
    for (const QString &a : args) {
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h")) {
            out << diffHelp;
            return Success;
        } else if (a == QLatin1StringView("--json")) {
            json = true;
        } else if (a == QLatin1StringView("--exit-code")) {
            exitCode = true;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            err << "helios tokens diff: unknown argument " << a << "\n\n" << diffHelp;
            return Usage;
        } else {
            sides.append(a);
        }
    }
    if (sides.size() != 2) {
        err << "helios tokens diff: give exactly two token sets, before and after\n\n" << diffHelp;
        return Usage;
    }

    slate::TokenBuild::Inputs before, after;
    before.sources = sides[0].split(QLatin1Char(','), Qt::SkipEmptyParts);
    after.sources = sides[1].split(QLatin1Char(','), Qt::SkipEmptyParts);
    const slate::TokenBuild a = slate::TokenBuild::load(before);
    const slate::TokenBuild b = slate::TokenBuild::load(after);
    slate::Diagnostics diagnostics = a.diagnostics();
    diagnostics.insert(diagnostics.end(), b.diagnostics().begin(), b.diagnostics().end());
    if (a.hasErrors() || b.hasErrors()) {
        if (json) {
            out << tokens::jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
        } else {
            tokens::printDiagnostics(err, diagnostics);
            err << "failed: " << tokens::countsText(diagnostics) << "; nothing compared\n";
        }
        return Failure;
    }

    using Kind = slate::TokenDiff::Entry::Kind;
    const std::vector<slate::TokenDiff::Entry> entries = slate::TokenDiff::compare(a.base(), b.base());
    int counts[3] = {0, 0, 0};
    QJsonArray groups[3];
    for (const slate::TokenDiff::Entry &e : entries) {
        const int k = int(e.kind);
        ++counts[k];
        if (json) {
            groups[k].append(entryJson(e));
            continue;
        }
        switch (e.kind) {
        case Kind::Added:
            out << "+ " << e.path << ": " << e.newValue << " (" << slate::tokenTypeName(e.newType) << ")\n";
            break;
        case Kind::Removed:
            out << "- " << e.path << ": " << e.oldValue << " (" << slate::tokenTypeName(e.oldType) << ")\n";
            break;
        case Kind::Changed:
            out << "~ " << e.path << ": " << e.oldValue;
            if (e.typeChanged())
                out << " (" << slate::tokenTypeName(e.oldType) << ')';
            out << " -> " << e.newValue;
            if (e.typeChanged())
                out << " (" << slate::tokenTypeName(e.newType) << ')';
            out << '\n';
            break;
        }
    }
    if (json) {
        out << tokens::jsonLine({{QStringLiteral("ok"), true},
                                 {QStringLiteral("added"), groups[int(Kind::Added)]},
                                 {QStringLiteral("removed"), groups[int(Kind::Removed)]},
                                 {QStringLiteral("changed"), groups[int(Kind::Changed)]},
                                 {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
    } else {
        tokens::printDiagnostics(err, diagnostics);
        out << counts[int(Kind::Added)] << " added, " << counts[int(Kind::Removed)] << " removed, "
            << counts[int(Kind::Changed)] << " changed\n";
    }
    return exitCode && !entries.empty() ? Failure : Success;
}

} // namespace helios::cli
