// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace helios::data {

// A validated subscription pattern ("build.*", "deployment.>", ">"), split once so that
// matching an event type on every delivery does not allocate. Same rules as
// subjectMatches().
class SubjectPattern {
public:
    // Fails with InvalidArgument for an empty pattern, an empty token, white space, or a
    // '>' that is not the last token.
    static Result<SubjectPattern> parse(const QString &pattern);

    bool matches(QStringView type) const;
    const QString &text() const { return m_text; }

private:
    QString m_text;
    QStringList m_tokens;
};

} // namespace helios::data
