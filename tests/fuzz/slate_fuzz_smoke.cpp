// SPDX-License-Identifier: Apache-2.0
// The SLATE reader under the smoke fuzzer (fuzz_smoke_driver.h):
//   slate_fuzz_smoke CORPUS_DIR [ITERATIONS] [SEED]
#include "fuzz_smoke_driver.h"
#include "slate_fuzz_entry.h"

int main(int argc, char **argv)
{
    // Fragments that matter to the token format; splicing them in reaches deeper than bit flips.
    const std::vector<const char *> fragments{
        "{", "}", "[", "]", ",", ":", "\"", "\\u0000", "\"$value\"", "\"$type\"", "\"color\"", "\"{a.b}\"",
        "{\"$ref\": \"#/a/b\"}", "\"$extends\"", "\"$root\"", "\"colorSpace\"", "\"components\": [1, 0, 0]",
        "\"display-p3\"", "1e308", "-0", "\"#fff\"", "\"16px\"", "\\ud800", "\"io.helios.contrast\""};
    return helios::test::runFuzzSmoke(argc, argv, fragments, helios::slate::fuzz::oneInput);
}
