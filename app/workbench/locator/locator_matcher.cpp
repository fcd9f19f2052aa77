// SPDX-License-Identifier: Apache-2.0
#include "locator_matcher.h"

#include <QAction>

#include <algorithm>
#include <vector>

namespace helios::workbench {

namespace {

enum Tier { Prefix, WordStart, Substring, Subsequence, NoMatch };

bool isWordStart(const QString &text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text.at(i - 1);
    if (!before.isLetterOrNumber())
        return true;
    return before.isLower() && text.at(i).isUpper();
}

bool isSubsequence(const QString &text, const QString &query)
{
    qsizetype q = 0;
    for (qsizetype i = 0; i < text.size() && q < query.size(); ++i)
        if (text.at(i).toCaseFolded() == query.at(q).toCaseFolded())
            ++q;
    return q == query.size();
}

Tier tierOf(const LocatorEntry &entry, const QString &query)
{
    const QString &text = entry.kind == LocatorEntry::Kind::File ? entry.detail : entry.title;
    if (entry.title.startsWith(query, Qt::CaseInsensitive))
        return Prefix;
    qsizetype at = text.indexOf(query, 0, Qt::CaseInsensitive);
    if (at < 0)
        return isSubsequence(text, query) ? Subsequence : NoMatch;
    for (; at >= 0; at = text.indexOf(query, at + 1, Qt::CaseInsensitive))
        if (isWordStart(text, at))
            return WordStart;
    return Substring;
}

bool offered(const LocatorEntry &entry, const LocatorQuery &query)
{
    if (query.kind && *query.kind != entry.kind)
        return false;
    return !entry.action || (entry.action->isEnabled() && entry.action->isVisible());
}

} // namespace

LocatorQuery LocatorQuery::parse(const QString &typed)
{
    static const struct {
        QStringView prefix;
        LocatorEntry::Kind kind;
    } filters[] = {{u">", LocatorEntry::Kind::Action},
                   {u"t ", LocatorEntry::Kind::Token},
                   {u"c ", LocatorEntry::Kind::Component},
                   {u"f ", LocatorEntry::Kind::File}};
    for (const auto &filter : filters)
        if (typed.startsWith(filter.prefix))
            return {filter.kind, typed.mid(filter.prefix.size()).trimmed()};
    return {std::nullopt, typed.trimmed()};
}

QList<int> LocatorMatcher::rank(const QList<LocatorEntry> &entries, const LocatorQuery &query, int limit)
{
    struct Candidate {
        Tier tier;
        qsizetype length;
        int index;
    };
    if (query.text.isEmpty()) {
        QList<int> first; // nothing to rank by: the entries' own order
        for (int i = 0; i < entries.size() && first.size() < limit; ++i)
            if (offered(entries.at(i), query))
                first.append(i);
        return first;
    }
    std::vector<Candidate> candidates;
    for (int i = 0; i < entries.size(); ++i) {
        const LocatorEntry &entry = entries.at(i);
        if (!offered(entry, query))
            continue;
        const Tier tier = tierOf(entry, query.text);
        if (tier != NoMatch)
            candidates.push_back(
                {tier, (entry.kind == LocatorEntry::Kind::File ? entry.detail : entry.title).size(), i});
    }
    const auto better = [&entries](const Candidate &a, const Candidate &b) {
        if (a.tier != b.tier)
            return a.tier < b.tier;
        if (a.length != b.length)
            return a.length < b.length;
        const int byTitle = entries.at(a.index).title.compare(entries.at(b.index).title, Qt::CaseInsensitive);
        return byTitle != 0 ? byTitle < 0 : a.index < b.index;
    };
    const auto end = candidates.begin() + std::min<qsizetype>(limit, qsizetype(candidates.size()));
    std::partial_sort(candidates.begin(), end, candidates.end(), better);
    QList<int> ranked;
    ranked.reserve(end - candidates.begin());
    for (auto it = candidates.begin(); it != end; ++it)
        ranked.append(it->index);
    return ranked;
}

} // namespace helios::workbench
