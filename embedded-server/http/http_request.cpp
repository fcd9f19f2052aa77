// SPDX-License-Identifier: Apache-2.0
#include "http_request.h"

#include "http_text.h"

namespace helios::server {

namespace text {

bool listContains(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = trimmed(comma < 0 ? list : list.first(comma));
        if (equalsIgnoreCase(item, token))
            return true;
        if (comma < 0)
            break;
        list = list.sliced(comma + 1);
    }
    return false;
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<QByteArray> percentDecode(QByteArrayView in, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out.append(char(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace text

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (text::equalsIgnoreCase(key, name))
            return value;
    }
    return {};
}

QByteArray HttpRequest::queryValue(QByteArrayView name) const
{
    QByteArrayView rest(query);
    while (!rest.isEmpty()) {
        const qsizetype amp = rest.indexOf('&');
        const QByteArrayView pair = amp < 0 ? rest : rest.first(amp);
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView rawKey = eq < 0 ? pair : pair.first(eq);
        // Most keys carry no escapes: compare them in place before decoding anything.
        const bool plain = !rawKey.contains('%') && !rawKey.contains('+');
        const bool match = plain ? rawKey == name : text::percentDecode(rawKey, true).value_or(QByteArray()) == name;
        if (match) {
            if (eq < 0)
                return {};
            return text::percentDecode(pair.sliced(eq + 1), true).value_or(QByteArray());
        }
        if (amp < 0)
            break;
        rest = rest.sliced(amp + 1);
    }
    return {};
}

} // namespace helios::server
