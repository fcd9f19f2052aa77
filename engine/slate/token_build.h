// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/build_config.h"
#include "slate/diagnostic.h"
#include "slate/resolver_document.h"
#include "slate/token_set.h"

#include <QByteArray>
#include <QHash>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace helios::slate {

// One build: the inputs read and resolved once, then rendered to any number of formats.
// Themes come either from ordered layers (each theme = the sources + its files) or from a
// resolver's modifiers (each non-default context of each modifier, the others at their
// defaults). A theme's CSS block holds only the tokens whose value differs from the base.
//
// A platform whose destination has "{modifier}" placeholders (BuildConfig) is written by
// renderFiles as one file per context instead: each the full set for that context, no
// theme blocks. Contexts of layers are "default" (the base) and the theme names.
class TokenBuild {
public:
    struct Inputs {
        QStringList sources;           // token files, in order
        std::vector<ThemeLayer> themes;
        QString resolverPath;          // instead of `sources`
        ResolverDocument::Input input; // with a resolver
        bool inputGiven = false;       // true: resolve for `input` only, without theme blocks
    };
    struct Theme {
        QString modifier;              // "theme" for layers
        QString context;               // "dark"
        TokenSet set;                  // the base with the context applied, resolved
        std::vector<int> changed;      // indices into `set`
    };

    // Reads, resolves and collects every diagnostic (each reported once).
    static TokenBuild load(const Inputs &inputs);

    const TokenSet &base() const { return m_base; }
    const std::vector<Theme> &themes() const { return m_themes; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const { return slate::hasErrors(m_diagnostics); }

    // The bytes of one platform's output, one file with theme blocks (placeholders in its
    // destination are ignored here). Only call when !hasErrors().
    QByteArray render(const BuildPlatform &platform) const;

    struct OutputFile {
        QString path;
        ResolverDocument::Input context; // the placeholders' contexts; empty for a single file
        QByteArray bytes;
    };
    // Every file one platform writes: its destination, or one file per context (combination
    // of contexts) of the modifiers its placeholders name. Problems are appended to
    // `diagnostics` (an unknown placeholder located at the platform's destination, a context
    // that cannot be part of a file name, errors of a context only resolved here); when any
    // is an error, write nothing. Only call when !hasErrors().
    std::vector<OutputFile> renderFiles(const BuildPlatform &platform, Diagnostics &diagnostics) const;
    // renderFiles for every platform, in order. Single-file platforms are rendered side by
    // side on all cores (a 10,000-token CSS and TypeScript pair is a third of a build);
    // those with placeholders, which resolve contexts on demand, one after another.
    std::vector<std::vector<OutputFile>> renderAll(const std::vector<BuildPlatform> &platforms,
                                                   Diagnostics &diagnostics) const;

    // The names a placeholder may use: the resolver's modifiers, or "theme" with layers.
    QStringList contextModifiers() const;
    // The contexts of one of those, in order ("default" first for layers).
    QStringList contextsOf(const QString &modifier) const;

    static constexpr QLatin1StringView baseContextName{"default"};

private:
    void collect(const Diagnostics &diagnostics);
    QByteArray renderSet(const TokenSet &set, const BuildPlatform &platform, bool themeBlocks) const;
    const TokenSet *contextSet(const ResolverDocument::Input &input, Diagnostics &diagnostics) const;

    TokenSet m_base;
    std::vector<Theme> m_themes;
    Diagnostics m_diagnostics;
    // Kept for renderFiles: contexts no theme block needed are resolved on demand, once.
    std::shared_ptr<const ResolverDocument> m_resolver;
    ResolverDocument::Input m_baseInput;
    bool m_inputGiven = false;
    bool m_layers = false;
    mutable QHash<QString, TokenSet> m_contextSets;
};

} // namespace helios::slate
