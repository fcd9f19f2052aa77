// SPDX-License-Identifier: Apache-2.0
#include "http_text.h"

#include "core/ascii.h"

#include <array>

namespace helios::server::text {

namespace {

constexpr int kMaxLengthDigits = 18; // fits qint64 with room to spare

// Names and methods that nearly every request carries, as static literals: copying
// one into a request costs no allocation, which matters at benchmark rates.
struct Known {
    QByteArrayView text;
    QByteArray literal;
};

} // namespace


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

std::optional<QByteArray> percentDecode(QByteArrayView in, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            const int hi = hexDigitValue(in[i + 1]);
            const int lo = hexDigitValue(in[i + 2]);
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

namespace {

const std::array<Known, 26> &knownHeaderNames()
{
    static const std::array<Known, 26> names{{
        {"host", QByteArrayLiteral("host")},
        {"user-agent", QByteArrayLiteral("user-agent")},
        {"accept", QByteArrayLiteral("accept")},
        {"accept-encoding", QByteArrayLiteral("accept-encoding")},
        {"accept-language", QByteArrayLiteral("accept-language")},
        {"connection", QByteArrayLiteral("connection")},
        {"content-length", QByteArrayLiteral("content-length")},
        {"content-type", QByteArrayLiteral("content-type")},
        {"authorization", QByteArrayLiteral("authorization")},
        {"cookie", QByteArrayLiteral("cookie")},
        {"x-request-id", QByteArrayLiteral("x-request-id")},
        {"upgrade", QByteArrayLiteral("upgrade")},
        {"origin", QByteArrayLiteral("origin")},
        {"referer", QByteArrayLiteral("referer")},
        {"cache-control", QByteArrayLiteral("cache-control")},
        {"pragma", QByteArrayLiteral("pragma")},
        {"transfer-encoding", QByteArrayLiteral("transfer-encoding")},
        {"expect", QByteArrayLiteral("expect")},
        {"if-none-match", QByteArrayLiteral("if-none-match")},
        {"x-forwarded-for", QByteArrayLiteral("x-forwarded-for")},
        {"sec-websocket-key", QByteArrayLiteral("sec-websocket-key")},
        {"sec-websocket-version", QByteArrayLiteral("sec-websocket-version")},
        {"sec-websocket-extensions", QByteArrayLiteral("sec-websocket-extensions")},
        {"sec-websocket-protocol", QByteArrayLiteral("sec-websocket-protocol")},
        {"sec-fetch-mode", QByteArrayLiteral("sec-fetch-mode")},
        {"idempotency-key", QByteArrayLiteral("idempotency-key")},
    }};
    return names;
}

} // namespace

QByteArray lowerName(QByteArrayView name)
{
    for (const Known &k : knownHeaderNames()) {
        if (k.text.size() == name.size() && text::equalsIgnoreCase(k.text, name))
            return k.literal;
    }
    QByteArray out(name.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < name.size(); ++i)
        out[i] = text::lower(name[i]);
    return out;
}

QByteArray methodBytes(QByteArrayView method)
{
    static const std::array<Known, 7> methods{{
        {"GET", QByteArrayLiteral("GET")},
        {"POST", QByteArrayLiteral("POST")},
        {"PUT", QByteArrayLiteral("PUT")},
        {"DELETE", QByteArrayLiteral("DELETE")},
        {"HEAD", QByteArrayLiteral("HEAD")},
        {"PATCH", QByteArrayLiteral("PATCH")},
        {"OPTIONS", QByteArrayLiteral("OPTIONS")},
    }};
    for (const Known &k : methods) {
        if (k.text == method)
            return k.literal;
    }
    return method.toByteArray();
}

// A Content-Length value: digits only, possibly a list of equal values ("5, 5") which
// RFC 9112 lets a recipient accept. -1 when invalid or conflicting.
qint64 parseContentLength(QByteArrayView value)
{
    qint64 result = -1;
    while (true) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView item = text::trimmed(comma < 0 ? value : value.first(comma));
        if (item.isEmpty() || item.size() > kMaxLengthDigits)
            return -1;
        qint64 n = 0;
        for (char c : item) {
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        if (result >= 0 && n != result)
            return -1;
        result = n;
        if (comma < 0)
            return result;
        value = value.sliced(comma + 1);
    }
}

bool hasDotDotSegment(QByteArrayView path)
{
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype slash = path.indexOf('/', start);
        if (slash < 0)
            slash = path.size();
        if (slash - start == 2 && path[start] == '.' && path[start + 1] == '.')
            return true;
        start = slash + 1;
    }
    return false;
}

} // namespace helios::server::text
