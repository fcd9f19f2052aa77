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
    const auto it = m_index.constFind(path);
    if (it != m_index.constEnd()) {
        if (existed)
            *existed = true;
        return it.value();
    }
    if (existed)
        *existed = false;
    const int i = int(m_tokens.size());
    m_tokens.emplace_back();
    m_tokens.back().path = path;
    m_index.insert(path, i);
    return i;
}

} // namespace helios::slate
