// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry (clang, -fsanitize=fuzzer,address): http_fuzzer CORPUS_DIR -max_total_time=60
#include "http_fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return helios::server::fuzz::oneInput(data, size);
}
