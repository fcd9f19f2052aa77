// SPDX-License-Identifier: Apache-2.0
#include "slate/token_diff.h"

#include "slate/token_value_text.h"

#include <algorithm>

namespace helios::slate {

QString TokenDiff::valueText(const TokenSet &set, int index)
{
    const Token &token = set.tokens()[size_t(index)];
    if (!token.resolved)
        return token.value.toJsonText();
    if (TokenValueText::isNumeric(token))
        return formatJsonNumber(TokenValueText::number(token));
    return TokenValueText::css(set, index, FormatOptions{});
}

std::vector<TokenDiff::Entry> TokenDiff::compare(const TokenSet &before, const TokenSet &after)
{
    std::vector<Entry> added, removed, changed;
    for (int i = 0; i < int(after.size()); ++i) {
        const Token &token = after.tokens()[size_t(i)];
        const int old = before.indexOf(token.path);
        Entry e;
        e.path = token.path;
        e.afterIndex = i;
        e.newType = token.type;
        e.newValue = valueText(after, i);
        if (old < 0) {
            e.kind = Entry::Kind::Added;
            added.push_back(std::move(e));
            continue;
        }
        e.beforeIndex = old;
        e.oldType = before.tokens()[size_t(old)].type;
        e.oldValue = valueText(before, old);
        if (e.oldType != e.newType || e.oldValue != e.newValue) {
            e.kind = Entry::Kind::Changed;
            changed.push_back(std::move(e));
        }
    }
    for (int i = 0; i < int(before.size()); ++i) {
        const Token &token = before.tokens()[size_t(i)];
        if (after.indexOf(token.path) >= 0)
            continue;
        Entry e;
        e.kind = Entry::Kind::Removed;
        e.path = token.path;
        e.beforeIndex = i;
        e.oldType = token.type;
        e.oldValue = valueText(before, i);
        removed.push_back(std::move(e));
    }
    const auto byPath = [](const Entry &a, const Entry &b) { return a.path < b.path; };
    std::sort(added.begin(), added.end(), byPath);
    std::sort(removed.begin(), removed.end(), byPath);
    std::sort(changed.begin(), changed.end(), byPath);
    std::vector<Entry> out;
    out.reserve(added.size() + removed.size() + changed.size());
    for (auto *group : {&added, &removed, &changed})
        std::move(group->begin(), group->end(), std::back_inserter(out));
    return out;
}

std::vector<int> TokenDiff::changedIndices(const TokenSet &before, const TokenSet &after)
{
    std::vector<int> out;
    for (int i = 0; i < int(after.size()); ++i) {
        const Token &token = after.tokens()[size_t(i)];
        if (!token.resolved)
            continue;
        const int old = before.indexOf(token.path);
        if (old < 0 || before.tokens()[size_t(old)].type != token.type || valueText(before, old) != valueText(after, i))
            out.push_back(i);
    }
    return out;
}

QString TokenDiff::kindName(Entry::Kind kind)
{
    switch (kind) {
    case Entry::Kind::Added: return QStringLiteral("added");
    case Entry::Kind::Removed: return QStringLiteral("removed");
    case Entry::Kind::Changed: return QStringLiteral("changed");
    }
    return {};
}

} // namespace helios::slate
