// SPDX-License-Identifier: Apache-2.0
#include "tokens_build_command.h"

#include "cli.h"
#include "tokens_cli_support.h"

#include "slate/build_config.h"
#include "slate/token_build.h"

#include <QDir>
#include <QHash>
#include <QTextStream>

#include <utility>

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
    "One file per context: a {MODIFIER} placeholder in --out or a \"destination\" names a\n"
    "resolver modifier (with --theme-layer or \"themes\": {theme}, whose base context is\n"
    "\"default\") and writes one file per context, each the full set for that context\n"
    "without theme blocks: --out dist/tokens-{theme}.css writes tokens-light.css and\n"
    "tokens-dark.css; {brand}-{theme} writes every combination. Other modifiers stay at\n"
    "their defaults or --input.\n"
    "\n"
    "options:\n"
    "  -c, --config FILE          build every platform of a config (paths relative to it)\n"
    "  --format FORMAT            an output format; pairs with the next --out\n"
    "  --out PATH                 where the preceding --format is written ({MODIFIER}: per context)\n"
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
            QString placeholderError;
            if (!slate::BuildConfig::destinationPlaceholders(outs[i], p.contextPlaceholders, placeholderError))
                return usageError(err, QStringLiteral("--out %1: %2").arg(outs[i], placeholderError));
            for (const slate::BuildPlatform &other : o.platforms) {
                if (other.destination == p.destination)
                    return usageError(err, QStringLiteral("two outputs write %1").arg(outs[i]));
            }
            o.platforms.push_back(std::move(p));
        }
    }

    // Deliberately never freed: the process ends with this command, and destroying every
    // token and value one by one took a sixth of a 10,000-token build (bench/tokens).
    const slate::TokenBuild &build = *new slate::TokenBuild(slate::TokenBuild::load(o.inputs));
    slate::Diagnostics diagnostics = build.diagnostics();
    const auto failed = [&] {
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
    };
    if (build.hasErrors())
        return failed();

    if (o.configPath.isEmpty()) { // a config's placeholders are reported at their position below
        const QStringList known = build.contextModifiers();
        for (qsizetype i = 0; i < outs.size(); ++i) {
            for (const QString &name : std::as_const(o.platforms[size_t(i)].contextPlaceholders)) {
                if (!known.contains(name))
                    return usageError(err, QStringLiteral("--out %1: unknown placeholder {%2} (%3)")
                                               .arg(outs[i], name,
                                                    known.isEmpty() ? QStringLiteral("there are no modifiers or theme layers")
                                                                    : QStringLiteral("modifiers: ") + known.join(QStringLiteral(", "))));
            }
        }
    }

    // Every file of every platform first: nothing is written when any of them fails.
    std::vector<tokens::PendingFile> files;
    std::vector<std::pair<size_t, slate::ResolverDocument::Input>> origins; // platform, context
    slate::Diagnostics renderProblems;
    QHash<QString, size_t> writers;
    std::vector<std::vector<slate::TokenBuild::OutputFile>> rendered = build.renderAll(o.platforms, renderProblems);
    for (size_t i = 0; i < o.platforms.size(); ++i) {
        const slate::BuildPlatform &p = o.platforms[i];
        for (slate::TokenBuild::OutputFile &f : rendered[i]) {
            if (const auto it = writers.constFind(f.path); it != writers.constEnd()) {
                const slate::BuildPlatform &other = o.platforms[origins[it.value()].first];
                renderProblems.push_back({.severity = slate::Diagnostic::Severity::Error,
                                          .kind = slate::Diagnostic::Kind::BadProperty,
                                          .file = p.file.isEmpty() ? f.path : p.file,
                                          .position = p.file.isEmpty() ? slate::SourcePosition{} : p.destinationPosition,
                                          .message = QStringLiteral("platforms \"%1\" and \"%2\" both write %3").arg(other.name, p.name, f.path),
                                          .expected = QStringLiteral("a destination of its own")});
                continue;
            }
            writers.insert(f.path, files.size());
            files.push_back({f.path, std::move(f.bytes)});
            origins.push_back({i, std::move(f.context)});
        }
    }
    diagnostics.insert(diagnostics.end(), renderProblems.begin(), renderProblems.end());
    if (slate::hasErrors(renderProblems))
        return failed();
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
        const slate::BuildPlatform &p = o.platforms[origins[i].first];
        QJsonObject output{{QStringLiteral("platform"), p.name},
                           {QStringLiteral("format"), p.format},
                           {QStringLiteral("destination"), files[i].path},
                           {QStringLiteral("bytes"), qint64(files[i].bytes.size())}};
        QString contextText;
        if (!origins[i].second.isEmpty()) {
            QJsonObject context;
            for (auto it = origins[i].second.constBegin(); it != origins[i].second.constEnd(); ++it) {
                context.insert(it.key(), it.value());
                contextText += (contextText.isEmpty() ? QStringLiteral(", ") : QStringLiteral(",")) + it.key() + QLatin1Char('=') + it.value();
            }
            output.insert(QStringLiteral("context"), context);
        }
        outputs.append(output);
        if (!o.json)
            out << "wrote " << QDir::current().relativeFilePath(files[i].path) << " (" << p.format << contextText << ", "
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
