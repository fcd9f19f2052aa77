// SPDX-License-Identifier: Apache-2.0
#include "http_request.h"

#include "http_text.h"

namespace helios::server {

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
