// SPDX-License-Identifier: Apache-2.0
#include "slate/glob_matcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <vector>

namespace helios::slate {

namespace {

bool isWild(QStringView segment)
{
    return segment.contains(QLatin1Char('*')) || segment.contains(QLatin1Char('?'));
}

// `*` and `?` within one segment; iterative with one backtrack point, so linear in practice.
bool matchSegment(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

} // namespace

GlobMatcher::GlobMatcher(const QString &pattern)
{
    QString normalized = pattern;
    normalized.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (normalized.startsWith(QLatin1StringView("./")))
        normalized.remove(0, 2);
    m_segments = normalized.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : std::as_const(m_segments))
        m_hasWildcards = m_hasWildcards || isWild(s);
}

bool GlobMatcher::matches(QStringView path) const
{
    std::vector<QStringView> parts;
    for (const QStringView part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts.push_back(part);
    // reachable[j]: the pattern consumed so far can end having matched parts[0..j).
    // One row per pattern segment: O(segments x parts).
    const size_t n = parts.size();
    std::vector<char> reachable(n + 1, 0), next(n + 1, 0);
    reachable[0] = 1;
    for (const QString &segment : m_segments) {
        std::fill(next.begin(), next.end(), 0);
        if (segment == QLatin1StringView("**")) {
            bool any = false;
            for (size_t j = 0; j <= n; ++j) {
                any = any || reachable[j];
                next[j] = any;
            }
        } else {
            for (size_t j = 0; j < n; ++j) {
                if (reachable[j] && matchSegment(segment, parts[j]))
                    next[j + 1] = 1;
            }
        }
        reachable.swap(next);
    }
    return reachable[n] != 0;
}

QString GlobMatcher::literalPrefix() const
{
    QStringList literal;
    for (qsizetype i = 0; i + 1 < m_segments.size() && !isWild(m_segments[i]); ++i)
        literal.append(m_segments[i]);
    return literal.join(QLatin1Char('/'));
}

QStringList GlobMatcher::expand(const QString &baseDir, const QString &pattern)
{
    const QDir base(baseDir);
    if (QDir::isAbsolutePath(pattern) && !isWild(pattern)) {
        return QFileInfo(pattern).isFile() ? QStringList{QDir::cleanPath(pattern)} : QStringList{};
    }
    const GlobMatcher matcher(pattern);
    if (!matcher.hasWildcards()) {
        const QString path = QDir::cleanPath(base.absoluteFilePath(matcher.m_segments.join(QLatin1Char('/'))));
        return QFileInfo(path).isFile() ? QStringList{path} : QStringList{};
    }
    const QString prefix = matcher.literalPrefix();
    const QString root = prefix.isEmpty() ? base.absolutePath() : base.absoluteFilePath(prefix);
    const bool recursive = matcher.m_segments.contains(QStringLiteral("**"))
        || matcher.m_segments.size() - (prefix.isEmpty() ? 0 : prefix.count(QLatin1Char('/')) + 1) > 1;
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = base.relativeFilePath(file);
        if (relative.startsWith(QLatin1StringView("../")) && !pattern.startsWith(QLatin1StringView("../")))
            continue;
        if (matcher.matches(relative))
            out.append(QDir::cleanPath(file));
    }
    out.sort();
    return out;
}

} // namespace helios::slate
