// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/import_rewriter.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace helios::ignis {

QByteArray ImportRewriter::rewrite(const QByteArray &code, const Resolve &resolve, QStringList *specifiers)
{
    // Static: a statement at a line start, its specifier after `from` or right after
    // `import` (a side-effect import). The import list in braces may span lines.
    static const QRegularExpression staticPattern(
        QStringLiteral("^(?:import|export)\\b[^;\"']*?(?:\\bfrom\\s*|^import\\s*)\"([^\"]+)\""),
        QRegularExpression::MultilineOption);
    static const QRegularExpression sideEffectPattern(QStringLiteral("^import\\s*\"([^\"]+)\""),
                                                      QRegularExpression::MultilineOption);
    static const QRegularExpression dynamicPattern(QStringLiteral("\\bimport\\(\\s*\"([^\"]+)\"\\s*\\)"));

    const QString text = QString::fromUtf8(code);
    struct Hit {
        qsizetype start;
        qsizetype length;
        QString specifier;
    };
    std::vector<Hit> hits;
    for (const QRegularExpression *pattern : {&staticPattern, &sideEffectPattern, &dynamicPattern}) {
        for (auto it = pattern->globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            const qsizetype start = match.capturedStart(1);
            const bool seen = std::any_of(hits.begin(), hits.end(), [start](const Hit &h) { return h.start == start; });
            if (!seen)
                hits.push_back({start, match.capturedLength(1), match.captured(1)});
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.start < b.start; });

    QString out;
    out.reserve(text.size() + qsizetype(hits.size()) * 16);
    qsizetype last = 0;
    for (const Hit &hit : hits) {
        if (specifiers)
            specifiers->append(hit.specifier);
        out += QStringView(text).mid(last, hit.start - last);
        out += resolve(hit.specifier);
        last = hit.start + hit.length;
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace helios::ignis
