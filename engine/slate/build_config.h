// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/format_options.h"
#include "slate/resolver_document.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace helios::slate {

// One output of a build: a format written to a destination with its options.
struct BuildPlatform {
    QString name;                 // the key in "platforms" ("css"), or the format on the CLI
    QString format;               // one of BuildConfig::formats()
    QString destination;          // absolute path
    FormatOptions options;
    bool nameCaseSet = false;     // false: the format's usual case (camel for ts/dts, else kebab)
    // CSS: selector of a theme block; "{modifier}" and "{context}" are replaced.
    QString themeSelector = QStringLiteral("[data-{modifier}=\"{context}\"]");
    // CSS: the theme context ("dark") also written under @media (prefers-color-scheme: ...).
    QString prefersColorScheme;
    bool themeBlocks = true;      // CSS: write the theme blocks at all
    bool cssVariables = true;     // Tailwind: var(--x) rather than resolved values
    SourcePosition position;
    // The modifiers named by "{modifier}" placeholders in `destination`, in order of first
    // appearance: TokenBuild::renderFiles writes one file per context of them instead of one
    // file with theme blocks (see BuildConfig).
    QStringList contextPlaceholders;
    QString file;                 // the config this platform comes from; empty on the command line
    SourcePosition destinationPosition;
};

// Where themes come from: ordered layers over the sources, one per theme name.
struct ThemeLayer {
    QString name;                 // "dark"
    QStringList files;            // absolute paths, in order
};

// A Style Dictionary-like build config (JSON):
//
//   { "source": ["tokens/**/*.tokens.json"],           // or "resolver": "x.resolver.json"
//     "input": {"theme": "dark"},                      // with a resolver: one context only
//     "themes": {"dark": ["themes/dark.tokens.json"]}, // ordered layers (optional)
//     "platforms": { "css": { "format": "css", "destination": "dist/tokens.css",
//                             "options": {"outputReferences": true, "prefix": "hx"} } } }
//
// Globs and paths are relative to the config file; globs are expanded here (sorted). Every
// problem is reported with the config file's line and column, all in one pass.
//
// Per-context files: a destination may name modifiers in braces, "dist/tokens-{theme}.css",
// where `theme` is a modifier of the resolver (or, with "themes" layers, the word `theme`).
// The platform then writes one file per context of that modifier ("tokens-light.css",
// "tokens-dark.css"), each the full set resolved for that context, without theme blocks;
// several placeholders ("{brand}-{theme}") give one file per combination. The other
// modifiers stay at their defaults (or at "input"). With layers, the base is the context
// "default". Braces always start a placeholder; an unknown name is an error.
class BuildConfig {
public:
    static BuildConfig read(const QString &path);
    static BuildConfig parse(QByteArrayView utf8, const QString &fileName, const QString &baseDir);

    QStringList sources;          // absolute, in glob order then sorted within each glob
    QString resolverPath;         // absolute; empty when the config uses "source"
    ResolverDocument::Input input;
    bool inputGiven = false;
    std::vector<ThemeLayer> themes;
    std::vector<BuildPlatform> platforms;
    Diagnostics diagnostics;

    bool hasErrors() const { return slate::hasErrors(diagnostics); }

    // "css", "scss", "ts", "dts", "json", "json-nested", "tailwind".
    static const QStringList &formats();
    // "kebab"/"camel"/"dotted"; false when unknown.
    static bool parseNameCase(const QString &text, NameCase &out);
    // The distinct "{name}" placeholders of a destination, in order; false with `error` when
    // a brace is not closed or a name is empty.
    static bool destinationPlaceholders(const QString &destination, QStringList &names, QString &error);
};

} // namespace helios::slate
