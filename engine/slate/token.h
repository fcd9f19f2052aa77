// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/json_value.h"
#include "slate/source_position.h"
#include "slate/token_type.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace helios::slate {

// An alias found in a token's value: `{a.b.c}` or `{"$ref": "#/a/b/c"}`.
struct TokenReference {
    QString targetPath;           // dotted token path, e.g. "color.base.red"
    QStringList subPath;          // for a `$ref` into a value ("#/a/$value/components/0")
    TokenType expectedType = TokenType::Unknown; // what the place it stands in requires
    SourcePosition position;
    bool wholeValue = false;      // the alias is the token's entire `$value`
};

// One design token after reading (and, once resolved, its resolved value).
// Owned by a TokenSet; referred to by index. A set holds one per token (10,000 or more), so
// the fields are ordered to leave no padding and rare ones stay small.
struct Token {
    QString path;                 // "color.brand.primary"; a `$root` token ends in ".$root"
    QString file;                 // the file that defined the value that won the merge
    JsonValue value;              // `$value` as written
    QString description;
    QString deprecationMessage;   // set when deprecated with a reason
    // `$extensions`, kept verbatim; null for the many tokens without (a JsonValue in place
    // would add 56 bytes to every token).
    std::shared_ptr<const JsonValue> extensions;
    SourcePosition position;      // of the token's key in that file
    TokenType type = TokenType::Unknown; // own `$type`, else the nearest group's
    bool deprecated = false;
    bool typeInvalid = false;     // `$type` was written but named no type (already reported)

    // Filled by TokenResolver.
    bool resolved = false;        // false when the value or an alias target is in error
    std::vector<TokenReference> references; // every alias in the value, in source order
    JsonValue resolvedValue;      // `value` with every alias replaced by its target's value
    QStringList aliasChain;       // for a whole-value alias: each hop's path, nearest first
};

} // namespace helios::slate
