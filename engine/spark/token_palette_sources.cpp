// SPDX-License-Identifier: Apache-2.0
// Where a palette's tokens come from: a project's token config (as IGNIS builds it, with
// its CSS platform's prefix), or the react-library template's tokens compiled in.
#include "spark/token_palette.h"

#include "slate/build_config.h"
#include "slate/token_build.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/token_set.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::spark {

Result<TokenPalette> TokenPalette::fromProject(const QString &projectDir)
{
    const QDir project(projectDir);
    const QString manifestPath = project.absoluteFilePath(QStringLiteral("helios.json"));
    QFile manifest(manifestPath);
    if (!manifest.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, QStringLiteral("no helios.json in the project"), manifestPath);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(manifest.readAll(), &parseError);
    if (!document.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("helios.json is not a JSON object: %1").arg(parseError.errorString()),
                         manifestPath);
    const QString tokens = document.object().value(QLatin1StringView("tokens")).toString();
    if (tokens.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("helios.json names no token config (\"tokens\")"), manifestPath);

    const QString configPath = QDir::cleanPath(project.absoluteFilePath(tokens));
    const slate::BuildConfig config = slate::BuildConfig::read(configPath);
    const auto firstError = [](const slate::Diagnostics &diagnostics) {
        for (const slate::Diagnostic &diagnostic : diagnostics) {
            if (diagnostic.isError())
                return diagnostic;
        }
        return slate::Diagnostic{};
    };
    if (config.hasErrors()) {
        const slate::Diagnostic error = firstError(config.diagnostics);
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the token config has errors: %1").arg(error.message),
                         QStringLiteral("%1:%2").arg(error.file.isEmpty() ? configPath : error.file).arg(error.position.line));
    }
    slate::TokenBuild::Inputs inputs;
    inputs.sources = config.sources;
    inputs.themes = config.themes;
    inputs.resolverPath = config.resolverPath;
    inputs.input = config.input;
    inputs.inputGiven = config.inputGiven;
    const slate::TokenBuild build = slate::TokenBuild::load(inputs);
    if (build.hasErrors()) {
        const slate::Diagnostic error = firstError(build.diagnostics());
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the tokens do not resolve: %1").arg(error.toString()),
                         QStringLiteral("%1:%2").arg(error.file).arg(error.position.line));
    }
    QString prefix;
    for (const slate::BuildPlatform &platform : config.platforms) {
        if (platform.format == QLatin1StringView("css")) {
            prefix = platform.options.prefix;
            break;
        }
    }
    return fromTokenSet(build.base(), prefix);
}

TokenPalette TokenPalette::builtIn()
{
    // resources/templates/react-library/tokens/base.tokens.json, kept here so that a
    // prompt without a project reads nothing from disk.
    static constexpr char tokens[] = R"json({
  "color": {
    "$type": "color",
    "primary": { "$value": "#4f46e5", "$description": "Main action colour." },
    "primary-hover": { "$value": "#4338ca" },
    "on-primary": { "$value": "#ffffff", "$description": "Text and icons on primary." },
    "secondary": { "$value": "#e0e7ff" },
    "on-secondary": { "$value": "#312e81" },
    "surface": { "$value": "#ffffff" },
    "text": { "$value": "#111827" },
    "text-muted": { "$value": "#4b5563" },
    "border": { "$value": "#d1d5db" },
    "focus": { "$value": "{color.primary}" }
  },
  "space": {
    "$type": "dimension",
    "xs": { "$value": "4px" }, "sm": { "$value": "8px" }, "md": { "$value": "12px" },
    "lg": { "$value": "16px" }, "xl": { "$value": "24px" }
  },
  "radius": { "$type": "dimension", "sm": { "$value": "4px" }, "md": { "$value": "8px" } },
  "font": {
    "family": { "$type": "fontFamily", "body": { "$value": ["Inter", "system-ui", "sans-serif"] } },
    "weight": { "$type": "fontWeight", "regular": { "$value": 400 }, "semibold": { "$value": 600 } },
    "size": { "$type": "dimension", "sm": { "$value": "14px" }, "md": { "$value": "16px" } }
  },
  "duration": { "$type": "duration", "fast": { "$value": "120ms" } }
})json";
    static const TokenPalette palette = [] {
        slate::TokenReader reader;
        reader.addData(QByteArrayView(tokens, qsizetype(sizeof(tokens) - 1)), QStringLiteral("built-in.tokens.json"));
        slate::TokenSet set = reader.finish();
        slate::TokenResolver::resolve(set);
        return fromTokenSet(set);
    }();
    return palette;
}

} // namespace helios::spark
