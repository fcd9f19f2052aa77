// SPDX-License-Identifier: Apache-2.0
// The HTTP request parser under the smoke fuzzer (fuzz_smoke_driver.h):
//   http_fuzz_smoke CORPUS_DIR [ITERATIONS] [SEED]
#include "fuzz_smoke_driver.h"
#include "http_fuzz_entry.h"

int main(int argc, char **argv)
{
    // Fragments that matter to HTTP framing; splicing them in reaches deeper than bit flips.
    const std::vector<const char *> fragments{
        "\r\n", "\r\n\r\n", "\n", " ", ":", "Host: h\r\n", "Content-Length: 5\r\n", "Content-Length: 99999999999\r\n",
        "Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n", "0\r\n\r\n", "ffffffffffffffff\r\n", "5;x=y\r\nhello\r\n",
        "Expect: 100-continue\r\n", "Connection: close\r\n", "Upgrade: websocket\r\nConnection: upgrade\r\n",
        "%00", "%2e%2e", "%2F", "/../", "?a=%zz&a=1", " HTTP/1.0", " HTTP/1.1", "\t folded\r\n"};
    return helios::test::runFuzzSmoke(argc, argv, fragments, helios::server::fuzz::oneInput);
}
