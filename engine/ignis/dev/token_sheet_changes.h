// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>

#include <optional>

class QByteArray;

namespace helios::ignis {

// What a token edit changed in the token stylesheet, as declarations a page can set on
// the sheet it has: between two renderings of SLATE's CSS (a rule or a declaration per
// line), the declarations whose values differ, each as
//   {"rule": [index path through cssRules], "name": "--color-brand", "from": old, "value": new}
// (a description's comment changing is no change). nullopt when the two differ in
// anything else -- rules, names, order, a line this reading cannot be sure of -- and the
// page needs the whole text. A page applies these without parsing the sheet again: at
// thousands of tokens that parse and compare was most of the client's part of an edit.
std::optional<QJsonArray> tokenSheetChanges(const QByteArray &before, const QByteArray &after);

} // namespace helios::ignis
