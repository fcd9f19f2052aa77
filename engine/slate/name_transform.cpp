// SPDX-License-Identifier: Apache-2.0
#include "slate/name_transform.h"

namespace helios::slate {

namespace {

// Appends the words of `text` to `out` in the requested case, with Unicode case mapping;
// `first` tracks whether the next word is the first of the whole name (camelCase keeps
// that one lower case).
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
        } else if (first) {
            out += word.toString().toLower();
        } else {
            out += word.left(1).toString().toUpper();
            out += word.mid(1).toString().toLower();
        }
        first = false;
    }
}

bool isAscii(QStringView s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Calls `f` with each dot-separated segment of `path` but `$root`.
template <typename F>
void forEachSegment(QStringView path, F f)
{
    const char16_t *const begin = path.utf16();
    const char16_t *const end = begin + path.size();
    for (const char16_t *start = begin;; ++start) {
        const char16_t *dot = start;
        while (dot < end && *dot != u'.')
            ++dot;
        const QStringView segment(start, dot);
        if (segment != u"$root")
            f(segment);
        if (dot == end)
            return;
        start = dot;
    }
}

// appendWords for ASCII names (nearly all of them), writing straight into `out`'s
// buffer: a name is never longer than its path plus one separator per word.
void appendAsciiName(QString &out, QStringView path, NameCase nameCase, QStringView prefix)
{
    const auto alnum = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'); };
    const auto upper = [](char16_t c) { return c >= u'A' && c <= u'Z'; };
    const qsizetype start = out.size();
    out.resize(start + 2 * (path.size() + prefix.size()) + 2);
    char16_t *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *w = begin + start;
    bool first = true;
    const auto words = [&](QStringView text) {
        const char16_t *p = text.utf16();
        const char16_t *const end = p + text.size();
        while (p < end) {
            while (p < end && !alnum(*p))
                ++p;
            if (p >= end)
                break;
            if (nameCase == NameCase::Kebab && !first)
                *w++ = u'-';
            const bool capitalise = nameCase == NameCase::Camel && !first;
            *w++ = capitalise && *p >= u'a' && *p <= u'z' ? char16_t(*p - 32) : !capitalise && upper(*p) ? char16_t(*p + 32) : *p;
            for (++p; p < end && alnum(*p) && !(upper(*p) && !upper(p[-1])); ++p)
                *w++ = upper(*p) ? char16_t(*p + 32) : *p;
            first = false;
        }
    };
    if (!prefix.isEmpty())
        words(prefix);
    forEachSegment(path, words);
    out.truncate(w - begin);
}

} // namespace

QString NameTransform::apply(const QString &path, NameCase nameCase, const QString &prefix)
{
    QString out;
    appendTo(out, path, nameCase, prefix);
    return out;
}

void NameTransform::appendTo(QString &out, const QString &path, NameCase nameCase, const QString &prefix)
{
    if (nameCase == NameCase::Dotted) {
        if (!prefix.isEmpty())
            out += prefix + QLatin1Char('.');
        out += path;
        return;
    }
    if (isAscii(path) && isAscii(prefix)) {
        appendAsciiName(out, path, nameCase, prefix);
        return;
    }
    out.reserve(out.size() + path.size() + prefix.size() + 4);
    bool first = true;
    if (!prefix.isEmpty())
        appendWords(out, prefix, nameCase, first);
    forEachSegment(path, [&](QStringView segment) { appendWords(out, segment, nameCase, first); });
}

} // namespace helios::slate
