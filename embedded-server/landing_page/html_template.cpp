// SPDX-License-Identifier: Apache-2.0
#include "html_template.h"

#include <QFile>

namespace helios::server {

namespace {
bool isNameChar(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
}
} // namespace

HtmlTemplate::HtmlTemplate(const QString &text) {
    // Split once into literal and placeholder segments so render() is a concatenation.
    qsizetype literalStart = 0;
    qsizetype at = 0;
    while ((at = text.indexOf(QStringLiteral("{{"), at)) >= 0) {
        qsizetype end = at + 2;
        while (end < text.size() && isNameChar(text.at(end)))
            ++end;
        const bool closed = end > at + 2 && text.mid(end, 2) == QStringLiteral("}}");
        if (!closed) {
            ++at;
            continue;
        }
        if (at > literalStart)
            m_segments.append({text.mid(literalStart, at - literalStart), false});
        m_segments.append({text.mid(at + 2, end - at - 2), true});
        at = end + 2;
        literalStart = at;
    }
    if (literalStart < text.size())
        m_segments.append({text.mid(literalStart), false});
}

Result<HtmlTemplate> HtmlTemplate::load(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("template missing: %1").arg(file.errorString()), path);
    return HtmlTemplate(QString::fromUtf8(file.readAll()));
}

QString HtmlTemplate::render(const QHash<QString, QString> &values) const {
    QString out;
    qsizetype size = 0;
    for (const Segment &segment : m_segments)
        size += segment.placeholder ? values.value(segment.text).size() : segment.text.size();
    out.reserve(size);
    for (const Segment &segment : m_segments)
        out += segment.placeholder ? values.value(segment.text) : segment.text;
    return out;
}

QStringList HtmlTemplate::placeholders() const {
    QStringList names;
    for (const Segment &segment : m_segments) {
        if (segment.placeholder)
            names.append(segment.text);
    }
    return names;
}

} // namespace helios::server
