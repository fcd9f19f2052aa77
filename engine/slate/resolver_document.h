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
// A source is an inline token object or a reference object. `{"$ref": "a.tokens.json"}`
// reads a whole file relative to the resolver file. A JSON Pointer fragment (RFC 6901, in
// its URI form: ~0 ~1 and %XX escapes) reads part of one: `{"$ref": "brands.tokens.json#/acme"}`
// uses the object at /acme as if it were a whole token file, so its tokens are named from
// there ("color.primary", not "acme.color.primary"). That is the spec's $ref semantics: the
// reference object is replaced by the value it points at, exactly as when bundling inlines
// a file into `$defs` ("#/$defs/foundation~1colors.json" holds the file's contents). Groups
// above the pointed object contribute nothing, their `$type` included.
// A fragment-only `$ref` points into the resolver document itself: "#/sets/<name>" inlines
// that set's sources at that place (as the spec shows for modifier contexts), any other
// object ("#/$defs/brand") is read as inline tokens; "#/modifiers/..." and
// "#/resolutionOrder/..." are invalid pointers there, as the spec says.
// Every structural problem, a bad `$ref` included (missing file, pointer matching nothing,
// pointing at a non-object), is reported with the resolver file's line and column, all in
// one pass; problems inside a referenced part keep that file's own line and column.
class ResolverDocument {
public:
    using Input = QMap<QString, QString>; // modifier name -> context name

    struct Source {
        QString path;          // absolute file path; empty for an inline source or one into the resolver
        QString displayName;   // `$ref` as written, or "x.resolver.json#/sets/a/sources/1"
        JsonValue tokens;      // an inline source, or the part of a file a fragment points at
        SourcePosition position;
        QString pointer;       // decoded JSON Pointer of a fragment source ("/brands/acme"); else empty
        QString includedSet;   // "#/sets/<name>" while parsing; always empty afterwards
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
    // read from disk once per document and kept, so resolving every context is cheap (a file
    // some fragment points into is read, once, while parsing, to check the pointer).
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
