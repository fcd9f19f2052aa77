// SPDX-License-Identifier: Apache-2.0
#include "tokens_check_command.h"

#include "cli.h"
#include "tokens_cli_support.h"

#include "slate/lint/token_linter.h"
#include "slate/theme_layers.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QTextStream>

namespace helios::cli {

namespace {

const char *const checkHelp =
    "usage: helios tokens check <files...> [--config lint.json] [--pairs pairs.json]\n"
    "                           [--theme-layer NAME=FILE[,FILE...]]... [--json]\n"
    "\n"
    "Reads and resolves DTCG token files (merged in the order given), then runs the lint\n"
    "rules: contrast (WCAG 2.x, pairs from $extensions \"io.helios.contrast\" or --pairs, in\n"
    "the base and in every theme), duplicate-values, naming, required-modes and gamut.\n"
    "Findings print as file:line:col: error|warning: message [rule] [token.path].\n"
    "\n"
    "options:\n"
    "  --config FILE        lint config: {\"rules\": {\"contrast\": {\"min\": 4.5}, \"gamut\": \"off\"}}\n"
    "  --pairs FILE         contrast pairs: [{\"foreground\", \"background\", \"min\", \"large\"}]\n"
    "  --theme-layer N=F,.. a theme N whose layer files F are read after the base (repeatable)\n"
    "  --json               one JSON object on stdout: ok, tokens, errors, warnings, diagnostics\n"
    "  --help               this help\n"
    "\n"
    "exit: 0 no errors (warnings allowed), 1 errors found, 2 usage\n";

struct ThemeArg {
    QString name;
    QStringList files;
};

} // namespace

int runTokensCheck(const Config &, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files;
    QString configPath, pairsPath;
    std::vector<ThemeArg> themeArgs;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString value, error;
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h")) {
            out << checkHelp;
            return Success;
        } else if (a == QLatin1StringView("--json")) {
            json = true;
        } else if (a == QLatin1StringView("--config") || a == QLatin1StringView("--pairs")
                   || a == QLatin1StringView("--theme-layer")) {
            if (!tokens::takeValue(args, i, value, error)) {
                err << "helios tokens check: " << error << '\n';
                return Usage;
            }
            if (a == QLatin1StringView("--config")) {
                configPath = value;
            } else if (a == QLatin1StringView("--pairs")) {
                pairsPath = value;
            } else {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                ThemeArg theme{value.left(eq), value.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)};
                if (eq <= 0 || theme.files.isEmpty()) {
                    err << "helios tokens check: --theme-layer wants NAME=FILE[,FILE...], not " << value << '\n';
                    return Usage;
                }
                themeArgs.push_back(std::move(theme));
            }
        } else if (a.startsWith(QLatin1StringView("--"))) {
            err << "helios tokens check: unknown argument " << a << "\n\n" << checkHelp;
            return Usage;
        } else {
            files.append(a);
        }
    }
    if (files.isEmpty()) {
        err << "helios tokens check: give at least one token file\n\n" << checkHelp;
        return Usage;
    }

    slate::Diagnostics diagnostics;
    std::optional<slate::LintConfig> config = slate::LintConfig();
    if (!configPath.isEmpty())
        config = slate::LintConfig::load(configPath, diagnostics);
    std::vector<slate::ContrastPair> pairs;
    if (!pairsPath.isEmpty())
        pairs = slate::ContrastPairs::load(pairsPath, diagnostics);

    slate::TokenReader reader;
    for (const QString &f : files)
        reader.addFile(f);
    slate::TokenSet base = reader.finish();
    (void)slate::TokenResolver::resolve(base);
    for (const slate::Diagnostic &d : base.diagnostics())
        diagnostics.push_back(d);

    // Each theme set repeats the base's own problems; only those in its layers are new.
    std::vector<slate::TokenSet> themedSets;
    themedSets.reserve(themeArgs.size());
    std::vector<slate::LintTheme> themes;
    for (const ThemeArg &t : themeArgs) {
        themedSets.push_back(slate::ThemeLayers::readThemed(files, t.files));
        const QSet<QString> layerFiles(t.files.begin(), t.files.end());
        for (const slate::Diagnostic &d : themedSets.back().diagnostics()) {
            if (layerFiles.contains(d.file))
                diagnostics.push_back(d);
        }
        themes.push_back({t.name, &themedSets.back(), layerFiles});
    }

    if (config) {
        slate::TokenLinter linter(*config);
        linter.setPairs(std::move(pairs));
        for (slate::Diagnostic &d : linter.run(base, themes))
            diagnostics.push_back(std::move(d));
    }

    const bool ok = !slate::hasErrors(diagnostics);
    if (json) {
        QJsonArray list;
        for (const slate::Diagnostic &d : diagnostics) {
            QJsonObject o = slate::diagnosticToJson(d);
            if (!d.rule.isEmpty())
                o.insert(QStringLiteral("rule"), d.rule);
            list.append(o);
        }
        out << tokens::jsonLine(QJsonObject{{QStringLiteral("ok"), ok},
                                            {QStringLiteral("tokens"), int(base.size())},
                                            {QStringLiteral("errors"), tokens::errorCount(diagnostics)},
                                            {QStringLiteral("warnings"), tokens::warningCount(diagnostics)},
                                            {QStringLiteral("diagnostics"), list}});
    } else {
        tokens::printDiagnostics(err, diagnostics);
        if (!diagnostics.empty())
            err << tokens::countsText(diagnostics) << '\n';
    }
    return ok ? Success : Failure;
}

} // namespace helios::cli
