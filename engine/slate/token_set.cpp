// SPDX-License-Identifier: Apache-2.0
#include "slate/token_set.h"

#include <sys/mman.h>
#include <unistd.h>

namespace helios::slate {

void TokenSet::reserve(qsizetype count)
{
    const size_t before = m_tokens.capacity();
    m_tokens.reserve(m_tokens.size() + size_t(count));
    growIndex(m_tokens.size() + size_t(count));
#ifdef MADV_POPULATE_WRITE
    // Every reserved token is about to be written (a few MB at 10,000 tokens). Mapping its
    // pages in one call costs ~30% less than a page fault each on this VM, where each
    // fresh page is also a fault in the host. Best effort: older kernels refuse the advice.
    if (m_tokens.capacity() != before) {
        static const auto page = uintptr_t(sysconf(_SC_PAGESIZE));
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

namespace {
quint32 hashOf(QStringView path)
{
    return quint32(qHash(path, QHashSeed::globalSeed()));
}
} // namespace

size_t TokenSet::slotOf(QStringView path, quint32 hash) const
{
    const size_t mask = m_index.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const IndexSlot &slot = m_index[i];
        if (slot.token < 0 || (slot.hash == hash && QStringView(m_tokens[size_t(slot.token)].path) == path))
            return i;
    }
}

void TokenSet::growIndex(size_t tokenCount)
{
    if (2 * tokenCount <= m_index.size())
        return; // the common case, on every insert
    size_t size = 16;
    while (size < 2 * tokenCount)
        size *= 2;
    std::vector<IndexSlot> old(size);
    old.swap(m_index);
    const size_t mask = size - 1;
    for (const IndexSlot &slot : old) {
        if (slot.token < 0)
            continue;
        size_t i = slot.hash & mask;
        while (m_index[i].token >= 0)
            i = (i + 1) & mask;
        m_index[i] = slot;
    }
}

int TokenSet::indexOf(const QString &path) const
{
    if (m_index.empty())
        return -1;
    return m_index[slotOf(path, hashOf(path))].token;
}

int TokenSet::insert(const QString &path, bool *existed)
{
    growIndex(m_tokens.size() + 1);
    const quint32 hash = hashOf(path);
    IndexSlot &slot = m_index[slotOf(path, hash)];
    if (existed)
        *existed = slot.token >= 0;
    if (slot.token >= 0)
        return slot.token;
    slot = {hash, qint32(m_tokens.size())};
    m_tokens.emplace_back();
    m_tokens.back().path = path;
    return slot.token;
}

} // namespace helios::slate
