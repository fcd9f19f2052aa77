// SPDX-License-Identifier: Apache-2.0
// `helios` allocates with jemalloc (linked in CMakeLists.txt), which reads this setting at
// its start. A token build allocates tens of megabytes in tens of milliseconds, partly on
// two threads at once (a large file is parsed in halves, the outputs are rendered side by
// side); jemalloc gives each thread a cache of its own instead of one locked heap.
//
// No transparent huge pages. On this VM memory freed a few seconds ago is handed back to
// the host, so a build that follows a pause or another program pays the first touch of
// every page it uses, and a huge page is 2 MB touched (zeroed) at once, most of it unused:
// phase timers put the whole difference between such a build and one run right after
// another on the huge pages (startup, reading and walking the tree). Measured with
// bench/tokens' sets, alternating builds after a Style Dictionary run each: 10,000 tokens
// 65.8 ms without huge pages, 72.4 ms with; glibc's allocator 63.9 ms against 62.1. At
// 50,000 (after a 2 s pause): 293 ms and 92 MB, 328 ms and 109 MB with huge pages, glibc
// 333 ms and 91 MB.

extern "C" {
// The name and type are jemalloc's interface (Debian builds it without a prefix).
extern const char *malloc_conf;
const char *malloc_conf = "thp:never,metadata_thp:disabled";
}
