// SPDX-License-Identifier: Apache-2.0
#include "slate/alias_syntax.h"

namespace helios::slate {

bool AliasSyntax::isAlias(const JsonValue &value)
{
    if (value.isString()) {
        const QString &s = value.toString();
        return s.size() >= 2 && s.front() == QLatin1Char('{') && s.back() == QLatin1Char('}');
    }
    return value.isObject() && value.member(u"$ref") != nullptr;
}

static QString unescapePointerSegment(QStringView segment)
{
    QString out = segment.toString();
    out.replace(QLatin1StringView("~1"), QLatin1StringView("/"));
    out.replace(QLatin1StringView("~0"), QLatin1StringView("~"));
    return out;
}

bool AliasSyntax::parse(const JsonValue &value, TokenReference &out, QString &error)
{
    out.position = value.position();
    if (value.isString()) {
        const QStringView inner = QStringView(value.toString()).mid(1, value.toString().size() - 2);
        if (inner.isEmpty() || inner.startsWith(QLatin1Char('.')) || inner.endsWith(QLatin1Char('.'))
            || inner.contains(QLatin1StringView("..")) || inner.contains(QLatin1Char('{'))
            || inner.contains(QLatin1Char('}'))) {
            error = QStringLiteral("malformed alias");
            return false;
        }
        out.targetPath = inner.toString();
        return true;
    }
    const JsonValue *ref = value.member(u"$ref");
    if (!ref || !ref->isString()) {
        error = QStringLiteral("\"$ref\" must be a string");
        return false;
    }
    out.position = ref->position();
    const QString &pointer = ref->toString();
    if (!pointer.startsWith(QLatin1StringView("#/")) || pointer.size() < 3) {
        error = QStringLiteral("\"$ref\" must be a JSON Pointer into this token tree, like \"#/color/red\"");
        return false;
    }
    const auto segments = QStringView(pointer).mid(2).split(QLatin1Char('/'));
    QString path;
    bool inValue = false;
    for (const QStringView segment : segments) {
        const QString s = unescapePointerSegment(segment);
        if (inValue) {
            out.subPath.append(s);
        } else if (s == QLatin1StringView("$value")) {
            inValue = true;
        } else {
            if (s.isEmpty()) {
                error = QStringLiteral("empty segment in \"$ref\"");
                return false;
            }
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += s;
        }
    }
    if (path.isEmpty()) {
        error = QStringLiteral("\"$ref\" names no token");
        return false;
    }
    out.targetPath = path;
    return true;
}

QString AliasSyntax::display(const TokenReference &reference)
{
    QString out = QLatin1Char('{') + reference.targetPath + QLatin1Char('}');
    if (!reference.subPath.isEmpty())
        out += QLatin1Char('/') + reference.subPath.join(QLatin1Char('/'));
    return out;
}

} // namespace helios::slate
