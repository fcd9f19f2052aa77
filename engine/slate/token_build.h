// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/build_config.h"
#include "slate/diagnostic.h"
#include "slate/resolver_document.h"
#include "slate/token_set.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace helios::slate {

// One build: the inputs read and resolved once, then rendered to any number of formats.
// Themes come either from ordered layers (each theme = the sources + its files) or from a
// resolver's modifiers (each non-default context of each modifier, the others at their
// defaults). A theme's CSS block holds only the tokens whose value differs from the base.
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

    // The bytes of one platform's output. Only call when !hasErrors().
    QByteArray render(const BuildPlatform &platform) const;

private:
    void collect(const Diagnostics &diagnostics);

    TokenSet m_base;
    std::vector<Theme> m_themes;
    Diagnostics m_diagnostics;
};

} // namespace helios::slate
