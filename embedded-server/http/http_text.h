// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Byte-level helpers shared by the parser, the request accessors and the response
// writer. Private to helios_http.
namespace helios::server::text {

// RFC 9110 tchar: the characters of a token (method, header name, transfer coding).
inline bool isTokenChar(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

inline bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c; }

inline bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

inline QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// True if the comma-separated list `list` holds `token` (case-insensitive), as in
// "Connection: keep-alive, Upgrade".
bool listContains(QByteArrayView list, QByteArrayView token);

// Percent-decodes `in`; `plusIsSpace` for query strings (form encoding). nullopt on a
// malformed escape ("%4", "%zz").
std::optional<QByteArray> percentDecode(QByteArrayView in, bool plusIsSpace);

// A header name lower-cased; common names come back as static literals (no allocation).
QByteArray lowerName(QByteArrayView name);
// The method; common ones come back as static literals.
QByteArray methodBytes(QByteArrayView method);
// A Content-Length value: digits only, or a list of equal values ("5, 5") which RFC 9112
// lets a recipient accept. -1 when invalid or conflicting.
qint64 parseContentLength(QByteArrayView value);
// True if a segment of `path` is exactly "..".
bool hasDotDotSegment(QByteArrayView path);

} // namespace helios::server::text
