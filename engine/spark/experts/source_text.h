// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

// Turning prompt text into safe pieces of TypeScript, JSX and CSS. Every expert writes
// user text only through these, so no prompt can break out of a string or a JSX text.
namespace helios::spark::source {

// Text as a JSX child: `{`, `}`, `<`, `>`, `&` escaped as entities; newlines to spaces.
QString jsxText(const QString &text);
// A single-quoted TypeScript string literal, quotes included: 'It\'s'.
QString stringLiteral(const QString &text);
// "order date" -> "orderDate"; digits-first or empty input gets a prefix ("item1");
// reserved words get a trailing underscore. Always a valid identifier.
QString camelIdentifier(const QString &text);
// "order date" -> "OrderDate"; same rules as camelIdentifier, first letter upper case.
QString pascalIdentifier(const QString &text);
// "Order date" -> "order-date": for CSS class names and ids.
QString kebab(const QString &text);
// A union type of string literals: 'primary' | 'secondary'. `fallback` when empty.
QString literalUnion(const QStringList &values, const QString &fallback = QStringLiteral("string"));

} // namespace helios::spark::source
