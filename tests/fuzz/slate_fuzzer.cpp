// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry (clang, -fsanitize=fuzzer,address): slate_fuzzer CORPUS_DIR -max_total_time=60
#include "slate_fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return helios::slate::fuzz::oneInput(data, size);
}
