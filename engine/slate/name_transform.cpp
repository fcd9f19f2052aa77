// SPDX-License-Identifier: Apache-2.0
#include "slate/name_transform.h"

namespace helios::slate {

namespace {

// Appends the words of `text` to `out` in the requested case; `first` tracks whether the
// next word is the first of the whole name (camelCase keeps that one lower case).
void appendWords(QString &out, QStringView text, NameCase nameCase, bool &first)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && !text[i].isLetterOrNumber())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        ++i;
        while (i < n && text[i].isLetterOrNumber()
               && !(text[i].isUpper() && !text[i - 1].isUpper()))
            ++i;
        const QStringView word = text.mid(start, i - start);
        if (nameCase == NameCase::Kebab) {
            if (!first)
                out += QLatin1Char('-');
            out += word.toString().toLower();
        } else {
            if (first) {
                out += word.toString().toLower();
            } else {
                out += word.left(1).toString().toUpper();
                out += word.mid(1).toString().toLower();
            }
        }
        first = false;
    }
}

} // namespace

QString NameTransform::apply(const QString &path, NameCase nameCase, const QString &prefix)
{
    if (nameCase == NameCase::Dotted)
        return prefix.isEmpty() ? path : prefix + QLatin1Char('.') + path;
    QString out;
    out.reserve(path.size() + prefix.size() + 4);
    bool first = true;
    if (!prefix.isEmpty())
        appendWords(out, prefix, nameCase, first);
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype dot = path.indexOf(QLatin1Char('.'), start);
        if (dot < 0)
            dot = path.size();
        const QStringView segment = QStringView(path).mid(start, dot - start);
        if (segment != u"$root")
            appendWords(out, segment, nameCase, first);
        start = dot + 1;
    }
    return out;
}

} // namespace helios::slate
