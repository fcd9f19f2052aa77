// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/component_request.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>

namespace helios::spark {
class TokenPalette;
}

// Writing a component's sources from fixed templates with @KEY@ holes, and the small
// decisions experts share when they read a request.
namespace helios::spark::source {

// Replaces each @KEY@ (KEY: letters, digits, '-', '_') by values[KEY] in one pass, so
// text inserted from a prompt is never scanned again and cannot smuggle in a hole.
// A key not in `values` is kept as written.
QString fill(QStringView text, const QHash<QString, QString> &values);

// Every token role's palette.css() value keyed by the role's kebab name: "primary",
// "on-primary", "space-md", "radius-full", "font-size-lg", "border-width", ...
QHash<QString, QString> paletteValues(const TokenPalette &palette);

// "DataTable" -> "Data table": a component name as words for default captions and labels.
QString words(const QString &pascalName);

// What the prompt said the component is for or on, as a caption: "dark mode" -> "Dark
// mode", "delete button" -> "Delete" (a trailing control noun dropped); empty if none.
QString subjectLabel(const ComponentRequest &request);

// A TypeScript array of string literals: ['a', 'b'].
QString stringArray(const QStringList &values);

// Whether the prompt has any of `needles` (lower case) as a word start: "menus" matches "menu".
bool mentions(const ComponentRequest &request, std::initializer_list<QLatin1StringView> needles);

// `requested` values the expert knows (in `known`, after lower-casing), in the request's
// order without repeats; `fallback` when none is known. Notes what was ignored or assumed
// under `what` ("variants", "sizes").
QStringList choose(const QStringList &requested, const QStringList &known, const QStringList &fallback,
                   const QString &what, QStringList &notes);

// Up to `max` entries: the request's items, else its labels, else for a single entry
// what it is for (subjectLabel), else `count` (or `defaultCount`) numbered "<stem> 1",
// "<stem> 2"… A note says which.
QStringList itemsOf(const ComponentRequest &request, const QString &stem, int defaultCount, int max, QStringList &notes);

} // namespace helios::spark::source
