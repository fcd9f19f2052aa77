// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace helios::slate {

// Source globs of a build config, as Style Dictionary users write them:
// `*` matches within one path segment, `?` one character of a segment, and a whole
// segment `**` any number of segments (zero included). Paths use '/'.
class GlobMatcher {
public:
    explicit GlobMatcher(const QString &pattern);

    // True when the relative path `path` ("tokens/color/base.tokens.json") matches.
    bool matches(QStringView path) const;
    bool hasWildcards() const { return m_hasWildcards; }
    // The leading segments without wildcards ("tokens/color" for "tokens/color/*.json"):
    // the only directory a walk needs to visit.
    QString literalPrefix() const;

    // Every file under `baseDir` whose path relative to it matches `pattern`, as absolute
    // paths, sorted so builds are deterministic. A pattern without wildcards names one
    // file and yields it only if it exists.
    static QStringList expand(const QString &baseDir, const QString &pattern);

private:
    QStringList m_segments;
    bool m_hasWildcards = false;
};

} // namespace helios::slate
