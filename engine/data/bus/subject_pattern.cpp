// SPDX-License-Identifier: Apache-2.0
#include "bus/subject_pattern.h"

namespace helios::data {

Result<SubjectPattern> SubjectPattern::parse(const QString &pattern)
{
    SubjectPattern result;
    result.m_text = pattern;
    result.m_tokens = pattern.split(QLatin1Char('.'));
    const auto invalid = [&](const QString &why) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid subject pattern \"%1\": %2").arg(pattern, why));
    };
    for (qsizetype i = 0; i < result.m_tokens.size(); ++i) {
        const QString &token = result.m_tokens[i];
        if (token.isEmpty())
            return invalid(QStringLiteral("empty token"));
        if (token == QLatin1String(">") && i != result.m_tokens.size() - 1)
            return invalid(QStringLiteral("'>' must be the last token"));
        for (const QChar c : token) {
            if (c.isSpace())
                return invalid(QStringLiteral("white space"));
        }
    }
    return result;
}

bool SubjectPattern::matches(QStringView type) const
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        if (start > type.size())
            return false;  // the type has fewer tokens than the pattern
        const QString &p = m_tokens[i];
        if (p == QLatin1String(">"))
            return true;  // at least one token remains (start <= size)
        qsizetype end = type.indexOf(QLatin1Char('.'), start);
        if (end < 0)
            end = type.size();
        if (p != QLatin1String("*") && type.mid(start, end - start) != p)
            return false;
        start = end + 1;
    }
    return start > type.size();  // consumed every token of the type
}

} // namespace helios::data
