// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_set.h"
#include "slate/token_type.h"

#include <QString>

#include <vector>

namespace helios::slate {

// What changed between two resolved token sets, compared by token path: tokens only in
// `after` (added), only in `before` (removed), and in both with another resolved value or
// type (changed). Values are compared as the CSS text every format writes, so "#FF0000"
// and {colorSpace: srgb, components: [1, 0, 0]} are the same value.
class TokenDiff {
public:
    struct Entry {
        enum class Kind { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path;
        QString oldValue; // empty for Added
        QString newValue; // empty for Removed
        TokenType oldType = TokenType::Unknown;
        TokenType newType = TokenType::Unknown;
        int beforeIndex = -1;
        int afterIndex = -1;

        bool typeChanged() const { return kind == Kind::Changed && oldType != newType; }
    };

    // Entries grouped added, removed, changed; within a group sorted by path, so the
    // result does not depend on file order. Linear in tokens (plus the sort).
    static std::vector<Entry> compare(const TokenSet &before, const TokenSet &after);

    // Indices into `after`, in set order, of tokens added or changed relative to `before`:
    // what a theme block must restate.
    static std::vector<int> changedIndices(const TokenSet &before, const TokenSet &after);

    // The text a diff shows for a token: its resolved CSS text, or the value as written
    // when it could not be resolved.
    static QString valueText(const TokenSet &set, int index);

    static QString kindName(Entry::Kind kind);
};

} // namespace helios::slate
