// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/token_set.h"

namespace helios::slate {

// Validates every token's value against its type and resolves every alias: whole-value
// aliases, chains of them, aliases inside composite values and `$ref` pointers into a
// value. A token without `$type` that aliases another takes the target's type.
//
// Each token is visited once (depth-first with memoisation), so the cost is linear in
// tokens plus references. Problems — missing types, bad values, missing targets, cycles,
// type mismatches — are appended to the set's diagnostics; tokens they touch stay
// unresolved (`Token::resolved == false`) and formats leave them out.
class TokenResolver {
public:
    // Returns false when any error was found (the set then also hasErrors()).
    static bool resolve(TokenSet &set);

    // Aliases deeper than this are reported instead of risking the stack.
    static constexpr int maxChainDepth = 512;
};

} // namespace helios::slate
