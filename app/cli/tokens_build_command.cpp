// SPDX-License-Identifier: Apache-2.0
#include "tokens_build_command.h"

#include "cli.h"
#include "tokens_cli_support.h"

#include "slate/build_config.h"
#include "slate/token_build.h"

#include <QDir>
#include <QTextStream>

namespace helios::cli {

namespace {

const char *const buildHelp =
    "usage: helios tokens build <files...> --format FORMAT --out PATH [--format F --out P ...] [options]\n"
    "       helios tokens build --resolver FILE [--input K=V,...] --format FORMAT --out PATH [options]\n"
    "       helios tokens build -c CONFIG [--json]\n"
    "\n"
    "Reads DTCG token files (merged in order), resolves them once and writes each output.\n"
    "Nothing is written when any input has an error. Formats: css, scss, ts, dts, json,\n"
    "json-nested, tailwind. A config is JSON like Style Dictionary's:\n"
    "  {\"source\": [\"tokens/**/*.tokens.json\"], \"themes\": {\"dark\": [\"dark/*.json\"]},\n"
    "   \"platforms\": {\"css\": {\"format\": \"css\", \"destination\": \"dist/tokens.css\",\n"
    "                           \"options\": {\"outputReferences\": true, \"prefix\": \"hx\"}}}}\n"
    "\n"
    "options:\n"
    "  -c, --config FILE          build every platform of a config (paths relative to it)\n"
    "  --format FORMAT            an output format; pairs with the next --out\n"
    "  --out PATH                 where the preceding --format is written\n"
    "  --theme-layer NAME=F1,F2   a theme as layers over the files (CSS: [data-theme=\"NAME\"])\n"
    "  --resolver FILE            a DTCG *.resolver.json instead of token files; without\n"
    "                             --input, CSS gets a block per modifier context\n"
    "  --input K=V,...            resolve for this input only (repeatable)\n"
    "  --prefix P                 name prefix (--P-color-red)\n"
    "  --name-case kebab|camel|dotted   names (default camel for ts/dts, else kebab)\n"
    "  --output-references        keep aliases as var(--x) / $x\n"
    "  --selector S               CSS base selector (default :root)\n"
    "  --theme-selector S         CSS theme selector; {modifier}, {context} are replaced\n"
    "                             (default [data-{modifier}=\"{context}\"])\n"
    "  --prefers-color-scheme CTX also write context CTX under @media (prefers-color-scheme)\n"
    "  --resolved-values          Tailwind: values instead of var(--x)\n"
    "  --json                     one JSON object on stdout: ok, tokens, outputs, diagnostics\n"
    "  --help                     this help\n"
    "\n"
    "exit: 0 written, 1 errors (nothing written), 2 usage\n";

struct Options {
    slate::TokenBuild::Inputs inputs;
    std::vector<slate::BuildPlatform> platforms;
    QString configPath;
    bool json = false;
};

int usageError(QTextStream &err, const QString &message)
{
    err << "helios tokens build: " << message << "\n\n" << buildHelp;
    return Usage;
}

} // namespace

int runTokensBuild(const Config &, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Options o;
    slate::BuildPlatform common;   // options given on the command line apply to every output
    QStringList formats, outs;
    bool anyFormatOption = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString value, error;
        const auto take = [&]() {
            if (tokens::takeValue(args, i, value, error))
                return true;
            return false;
        };
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h")) {
            out << buildHelp;
            return Success;
        } else if (a == QLatin1StringView("--json")) {
            o.json = true;
        } else if (a == QLatin1StringView("--output-references")) {
            common.options.outputReferences = true;
            anyFormatOption = true;
        } else if (a == QLatin1StringView("--resolved-values")) {
            common.cssVariables = false;
            anyFormatOption = true;
        } else if (a == QLatin1StringView("-c") || a == QLatin1StringView("--config") || a == QLatin1StringView("--format")
                   || a == QLatin1StringView("--out") || a == QLatin1StringView("--theme-layer")
                   || a == QLatin1StringView("--resolver") || a == QLatin1StringView("--input")
                   || a == QLatin1StringView("--prefix") || a == QLatin1StringView("--name-case")
                   || a == QLatin1StringView("--selector") || a == QLatin1StringView("--theme-selector")
                   || a == QLatin1StringView("--prefers-color-scheme")) {
            if (!take())
                return usageError(err, error);
            if (a == QLatin1StringView("-c") || a == QLatin1StringView("--config")) {
                o.configPath = value;
            } else if (a == QLatin1StringView("--format")) {
                if (!slate::BuildConfig::formats().contains(value))
                    return usageError(err, QStringLiteral("unknown format \"%1\" (expected one of %2)")
                                               .arg(value, slate::BuildConfig::formats().join(QStringLiteral(", "))));
                formats.append(value);
            } else if (a == QLatin1StringView("--out")) {
                if (outs.size() >= formats.size())
                    return usageError(err, QStringLiteral("--out %1 has no --format before it").arg(value));
                outs.append(value);
            } else if (a == QLatin1StringView("--theme-layer")) {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                if (eq <= 0 || eq == value.size() - 1)
                    return usageError(err, QStringLiteral("--theme-layer needs NAME=FILE[,FILE...], got \"%1\"").arg(value));
                o.inputs.themes.push_back({value.left(eq), value.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)});
            } else if (a == QLatin1StringView("--resolver")) {
                o.inputs.resolverPath = value;
            } else if (a == QLatin1StringView("--input")) {
                if (!slate::ResolverDocument::parseInput(value, o.inputs.input, error))
                    return usageError(err, error);
                o.inputs.inputGiven = true;
            } else if (a == QLatin1StringView("--prefix")) {
                common.options.prefix = value;
                anyFormatOption = true;
            } else if (a == QLatin1StringView("--name-case")) {
                if (!slate::BuildConfig::parseNameCase(value, common.options.nameCase))
                    return usageError(err, QStringLiteral("unknown name case \"%1\" (expected kebab, camel or dotted)").arg(value));
                common.nameCaseSet = true;
                anyFormatOption = true;
            } else if (a == QLatin1StringView("--selector")) {
                common.options.selector = value;
                anyFormatOption = true;
            } else if (a == QLatin1StringView("--theme-selector")) {
                common.themeSelector = value;
                anyFormatOption = true;
            } else {
                common.prefersColorScheme = value;
                anyFormatOption = true;
            }
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return usageError(err, QStringLiteral("unknown argument ") + a);
        } else {
            o.inputs.sources.append(a);
        }
    }

    if (!o.configPath.isEmpty()) {
        if (!o.inputs.sources.isEmpty() || !formats.isEmpty() || !o.inputs.themes.empty() || !o.inputs.resolverPath.isEmpty()
            || o.inputs.inputGiven || anyFormatOption)
            return usageError(err, QStringLiteral("-c takes everything from the config; give no files, formats or options with it"));
        const slate::BuildConfig config = slate::BuildConfig::read(o.configPath);
        if (config.hasErrors()) {
            if (o.json)
                out << tokens::jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("diagnostics"), slate::diagnosticsToJson(config.diagnostics)}});
            else
                tokens::printDiagnostics(err, config.diagnostics);
            if (!o.json)
                err << "failed: the config has " << tokens::countsText(config.diagnostics) << "; nothing written\n";
            return Failure;
        }
        if (!o.json)
            tokens::printDiagnostics(err, config.diagnostics); // warnings
        o.inputs.sources = config.sources;
        o.inputs.resolverPath = config.resolverPath;
        o.inputs.themes = config.themes;
        o.inputs.input = config.input;
        o.inputs.inputGiven = config.inputGiven;
        o.platforms = config.platforms;
    } else {
        if (formats.isEmpty())
            return usageError(err, QStringLiteral("give --format and --out (or -c CONFIG)"));
        if (outs.size() != formats.size())
            return usageError(err, QStringLiteral("--format %1 has no --out").arg(formats.value(outs.size())));
        if (o.inputs.sources.isEmpty() == o.inputs.resolverPath.isEmpty())
            return usageError(err, QStringLiteral("give token files or --resolver (not both)"));
        if (!o.inputs.resolverPath.isEmpty() && !o.inputs.themes.empty())
            return usageError(err, QStringLiteral("--theme-layer cannot be combined with --resolver; use its modifiers"));
        if (o.inputs.inputGiven && o.inputs.resolverPath.isEmpty())
            return usageError(err, QStringLiteral("--input needs --resolver"));
        for (qsizetype i = 0; i < formats.size(); ++i) {
            slate::BuildPlatform p = common;
            p.name = formats[i];
            p.format = formats[i];
            p.destination = QDir::cleanPath(QDir::current().absoluteFilePath(outs[i]));
            for (const slate::BuildPlatform &other : o.platforms) {
                if (other.destination == p.destination)
                    return usageError(err, QStringLiteral("two outputs write %1").arg(outs[i]));
            }
            o.platforms.push_back(std::move(p));
        }
    }

    const slate::TokenBuild build = slate::TokenBuild::load(o.inputs);
    slate::Diagnostics diagnostics = build.diagnostics();
    if (build.hasErrors()) {
        if (o.json) {
            out << tokens::jsonLine({{QStringLiteral("ok"), false},
                                     {QStringLiteral("tokens"), int(build.base().size())},
                                     {QStringLiteral("outputs"), QJsonArray()},
                                     {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
        } else {
            tokens::printDiagnostics(err, diagnostics);
            err << "failed: " << tokens::countsText(diagnostics) << "; nothing written\n";
        }
        return Failure;
    }

    std::vector<tokens::PendingFile> files;
    files.reserve(o.platforms.size());
    for (const slate::BuildPlatform &p : o.platforms)
        files.push_back({p.destination, build.render(p)});
    const QString writeError = tokens::writeAll(files);
    if (!writeError.isEmpty()) {
        if (o.json)
            out << tokens::jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("error"), writeError}});
        else
            err << "helios tokens build: " << writeError << "; nothing written\n";
        return Failure;
    }

    QJsonArray outputs;
    for (size_t i = 0; i < files.size(); ++i) {
        const slate::BuildPlatform &p = o.platforms[i];
        outputs.append(QJsonObject{{QStringLiteral("platform"), p.name},
                                   {QStringLiteral("format"), p.format},
                                   {QStringLiteral("destination"), p.destination},
                                   {QStringLiteral("bytes"), qint64(files[i].bytes.size())}});
        if (!o.json)
            out << "wrote " << QDir::current().relativeFilePath(p.destination) << " (" << p.format << ", "
                << files[i].bytes.size() << " bytes)\n";
    }
    if (o.json) {
        out << tokens::jsonLine({{QStringLiteral("ok"), true},
                                 {QStringLiteral("tokens"), int(build.base().size())},
                                 {QStringLiteral("themes"), int(build.themes().size())},
                                 {QStringLiteral("outputs"), outputs},
                                 {QStringLiteral("diagnostics"), slate::diagnosticsToJson(diagnostics)}});
    } else {
        tokens::printDiagnostics(err, diagnostics); // warnings only by now
        out << build.base().size() << " tokens";
        if (!build.themes().empty())
            out << ", " << build.themes().size() << " theme context(s)";
        out << '\n';
    }
    return Success;
}

} // namespace helios::cli
