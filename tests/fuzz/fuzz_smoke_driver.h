// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace helios::test {

using FuzzEntry = int (*)(const uint8_t *data, size_t size);

// A fuzzer for any compiler: feeds every seed of a corpus directory, then `iterations`
// deterministic mutations of them (bit flips, cuts, repeats, splices of other seeds and
// of `fragments`), through the same entry as the libFuzzer target. It finds less than
// coverage-guided fuzzing but runs in every build and in ctest.
//
//   <program> CORPUS_DIR [ITERATIONS] [SEED]
int runFuzzSmoke(int argc, char **argv, const std::vector<const char *> &fragments, FuzzEntry entry);

} // namespace helios::test
