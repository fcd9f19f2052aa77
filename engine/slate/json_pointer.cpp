// SPDX-License-Identifier: Apache-2.0
#include "slate/json_pointer.h"

#include "slate/json_value.h"

#include <QUrl>

namespace helios::slate {

namespace {

QString escapedSegment(QString segment)
{
    return segment.replace(QLatin1Char('~'), QLatin1StringView("~0")).replace(QLatin1Char('/'), QLatin1StringView("~1"));
}

} // namespace

QString JsonPointer::text(const QStringList &segments)
{
    QString out;
    for (const QString &segment : segments)
        out += QLatin1Char('/') + escapedSegment(segment);
    return out;
}

bool JsonPointer::parse(const QString &fragment, QStringList &segments, QString &error)
{
    QString text = QUrl::fromPercentEncoding(fragment.toUtf8());
    if (text.isEmpty())
        return true;
    if (text.startsWith(QLatin1Char('/')))
        text.remove(0, 1);
    for (const QString &raw : text.split(QLatin1Char('/'))) {
        QString segment;
        segment.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != QLatin1Char('~')) {
                segment += raw[i];
            } else if (i + 1 < raw.size() && (raw[i + 1] == QLatin1Char('0') || raw[i + 1] == QLatin1Char('1'))) {
                segment += raw[++i] == QLatin1Char('0') ? QLatin1Char('~') : QLatin1Char('/');
            } else {
                error = QStringLiteral("\"~\" must be followed by 0 or 1 (write ~0 for \"~\" and ~1 for \"/\")");
                return false;
            }
        }
        segments.append(segment);
    }
    return true;
}

const JsonValue *JsonPointer::follow(const JsonValue &root, const QStringList &segments, QString &error)
{
    const JsonValue *node = &root;
    QString at;
    for (const QString &segment : segments) {
        const JsonValue *next = nullptr;
        if (node->isObject()) {
            next = node->member(segment);
        } else if (node->isArray()) {
            bool digits = !segment.isEmpty() && (segment.size() == 1 || segment[0] != QLatin1Char('0'));
            for (const QChar c : segment)
                digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
            const qulonglong i = digits ? segment.toULongLong(&digits) : 0;
            if (digits && i < node->children().size())
                next = &node->children()[size_t(i)];
        }
        if (!next) {
            const QString where = at.isEmpty() ? QStringLiteral("the top level") : QLatin1Char('"') + at + QLatin1Char('"');
            error = node->isObject() || node->isArray() ? QStringLiteral("%1 has no %2").arg(where, QLatin1Char('"') + segment + QLatin1Char('"'))
                                                        : QStringLiteral("%1 is %2").arg(where, node->kindName());
            return nullptr;
        }
        at += QLatin1Char('/') + escapedSegment(segment);
        node = next;
    }
    return node;
}

} // namespace helios::slate
