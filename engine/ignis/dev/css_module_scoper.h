// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace helios::ignis {

// CSS modules the dev server scopes itself instead of starting esbuild: a stylesheet of
// plain style rules, at the top or in @media, @supports and @layer blocks (and
// @font-face), gets its class names renamed `<stem>_<name>` as esbuild names them, its
// text otherwise kept. A thousand of them take milliseconds, where esbuild took ~0.4 s of
// a cold start on two cores. Whatever else a CSS module may hold -- ids, @keyframes and
// animation names, container names, counter styles, url(), @import, composes, :global/:local,
// nesting, escapes, non-ASCII names -- is esbuild's (nullopt), so that the two never
// disagree on what a stylesheet means.
struct ScopedCssModule {
    QByteArray css;
    QList<std::pair<QByteArray, QByteArray>> classes;  // local name -> scoped name, in order of first use
};

// `fileName` is the stylesheet's name (Button.module.css): its stem prefixes the names.
std::optional<ScopedCssModule> scopeCssModule(const QString &fileName, const QByteArray &css);

// "button-group.module.css" -> "button_group", as esbuild prefixes its names; empty when
// the name is not one the scoper takes (esbuild's own rules then apply).
QByteArray cssModuleStem(const QString &fileName);

} // namespace helios::ignis
