// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace helios::spark {

struct JsxAttribute {
    QString name;
    QString value;            // a string's content, or an expression's source without braces
    bool expression = false;  // {…} or a bare boolean attribute
};

// One JSX element, as much as the accessibility lint needs of it.
struct JsxElement {
    QString tag;                      // "button", "Card", "" for a fragment
    qsizetype offset = 0;             // of its '<'
    int parent = -1;                  // index in the scan's elements
    QList<JsxAttribute> attributes;
    bool spread = false;              // {...rest}: any attribute may come from there
    bool content = false;             // text, an expression, or a child that gives a name
    // Inherited from the ancestors when the element opened:
    bool insideLabel = false;         // some ancestor is a <label>
    bool keyboardAncestor = false;    // some ancestor handles keys (a roving-focus container)
    bool compositeAncestor = false;   // some ancestor has a composite role (tablist, menu, listbox...)

    const JsxAttribute *attribute(QLatin1StringView name) const;
    bool has(QLatin1StringView name) const { return attribute(name) != nullptr; }
    // A non-empty string or any expression.
    bool hasValue(QLatin1StringView name) const;
    bool intrinsic() const { return !tag.isEmpty() && tag.at(0).isLower(); }
};

// A small tolerant JSX scanner, not a parser: one linear pass over a .tsx file that finds
// elements, their attributes and whether they have content, skipping TypeScript strings
// and comments. Type arguments (useState<string>) and comparisons are told from tags by
// what precedes the '<'. Unbalanced or odd input yields fewer elements, never a crash.
QList<JsxElement> scanJsx(QStringView source);

} // namespace helios::spark
