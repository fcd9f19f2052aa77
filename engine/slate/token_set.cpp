// SPDX-License-Identifier: Apache-2.0
#include "slate/token_set.h"

namespace helios::slate {

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
