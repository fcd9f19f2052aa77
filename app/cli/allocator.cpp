// SPDX-License-Identifier: Apache-2.0
// `helios` allocates with jemalloc (linked in CMakeLists.txt), which reads this setting at
// its start. A token build allocates tens of megabytes in tens of milliseconds, partly on
// two threads at once (a large file is parsed in halves, the outputs are rendered side by
// side). On virtual machines the first touch of each page was the dearest part of it:
// with transparent huge pages for the heap and for jemalloc's own bookkeeping, the pages
// are few, and each thread allocates from a cache of its own instead of one locked heap.
// bench/tokens against glibc's allocator tuned for this (one arena on huge pages, never
// trimmed): 10,000 tokens about 15% faster, 50,000 about 30%, for some 25% more memory.

extern "C" {
// The name and type are jemalloc's interface (Debian builds it without a prefix).
extern const char *malloc_conf;
const char *malloc_conf = "thp:always,metadata_thp:always";
}
