// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

namespace helios::slate::fuzz {

// Feeds one input through the whole reading path: JsonReader, TokenReader (the input split
// at the first NUL byte into a base file and an override file, so merging is exercised),
// TokenResolver, every resolved token's CSS text, and the TokenLinter with its defaults.
// Returns 0; a bug shows as a crash or a sanitizer report.
int oneInput(const uint8_t *data, size_t size);

} // namespace helios::slate::fuzz
