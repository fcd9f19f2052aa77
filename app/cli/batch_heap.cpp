// SPDX-License-Identifier: Apache-2.0
#include "batch_heap.h"

#include <cstdint>
#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace helios::cli {

void prepareHeapForBatchWork()
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    // Address space only: a page costs when it is first touched.
    constexpr std::size_t kReserve = std::size_t(64) << 20;
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    // Large buffers (file contents, formatted outputs) come from the heap too, instead of
    // a fresh mmap each, and the heap grows in big steps and is never trimmed mid-run.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // Threads (a big file is read in two halves, outputs are rendered side by side) share
    // this heap: an arena of their own would be fresh memory without huge pages.
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, int(kReserve));
    mallopt(M_TRIM_THRESHOLD, int(2 * kReserve));

    auto *const before = static_cast<char *>(sbrk(0));
    // Larger than what is left of the start-up heap, so the heap grows by it plus the pad.
    // Volatile, or the compiler drops the malloc/free pair.
    void *volatile probe = std::malloc(std::size_t(1) << 20);
    std::free(probe);
    auto *const after = static_cast<char *>(sbrk(0));
    const auto first = (reinterpret_cast<std::uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(after) & ~(kHugePage - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#endif
}

} // namespace helios::cli
