// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"
#include "slate/json_value.h"
#include "slate/token_set.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace helios::slate {

// A DTCG Resolver module document (`*.resolver.json`, version 2025.10): named `sets` of
// token sources, `modifiers` whose `contexts` (light/dark, brand-a/brand-b, compact/
// comfortable...) each list sources, and a `resolutionOrder` of references to them
// (`{"$ref": "#/sets/base"}`) or inline sets/modifiers (`{"type": "set", "name": ...}`).
// Resolving for an input such as {theme: dark} reads the sources of every step in order
// (for a modifier, those of the context the input picks, else its `default`) into one
// TokenSet; later sources override earlier ones, as with ordered layers.
//
// Source references are file paths relative to the resolver file; a source may also be
// an inline token object. Every structural problem is reported with the resolver file's
// line and column, all in one pass.
class ResolverDocument {
public:
    using Input = QMap<QString, QString>; // modifier name -> context name

    struct Source {
        QString path;          // absolute file path; empty for an inline source
        QString displayName;   // path as written, or "x.resolver.json#/sets/a/sources/1"
        JsonValue inlineTokens;
        SourcePosition position;
    };
    struct Modifier {
        QString name;
        QStringList contextNames;                 // in source order
        std::vector<std::vector<Source>> contexts; // parallel to contextNames
        QString defaultContext;                   // empty when the input must choose
        SourcePosition position;
    };

    // Reads and checks `path`; problems are in diagnostics().
    static ResolverDocument read(const QString &path);
    // `fileName` labels diagnostics; relative sources are found under `baseDir`.
    static ResolverDocument parse(QByteArrayView utf8, const QString &fileName, const QString &baseDir);

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const { return slate::hasErrors(m_diagnostics); }
    const QString &name() const { return m_name; }
    const std::vector<Modifier> &modifiers() const { return m_modifiers; }
    const Modifier *modifier(const QString &name) const;

    // Every modifier at its default context (modifiers without one are left out).
    Input defaultInput() const;
    // Appends a diagnostic (labelled "input") for every unknown modifier, unknown context
    // and modifier without a default that the input leaves out; false when any.
    bool checkInput(const Input &input, Diagnostics &diagnostics) const;

    // Reads the sources the input selects, in resolution order, and resolves them. Call
    // checkInput first; reader and resolver diagnostics are in the returned set. Files are
    // read from disk once per document and kept, so resolving every context is cheap.
    TokenSet resolve(const Input &input) const;

    // "theme=dark,brand=b" -> {theme: dark, brand: b}; false with `error` on bad syntax.
    static bool parseInput(const QString &text, Input &input, QString &error);

private:
    struct Step {
        bool isModifier = false;
        int index = -1; // into m_sets or m_modifiers
    };
    struct Private;

    QString m_file;
    QString m_name;
    std::vector<std::vector<Source>> m_sets;
    QHash<QString, int> m_setIndex;
    std::vector<Modifier> m_modifiers;
    QHash<QString, int> m_modifierIndex;
    std::vector<Step> m_order;
    Diagnostics m_diagnostics;
    mutable QHash<QString, QByteArray> m_fileCache;
};

} // namespace helios::slate
