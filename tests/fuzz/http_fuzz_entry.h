// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

namespace helios::server::fuzz {

// Feeds one input through HttpRequestParser the way a socket would: in slices whose
// size the first byte chooses, with small limits so the limit paths are reached too.
// Every complete request's accessors run. Returns 0; a bug shows as a crash or a
// sanitizer report.
int oneInput(const uint8_t *data, size_t size);

} // namespace helios::server::fuzz
