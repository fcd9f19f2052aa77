// SPDX-License-Identifier: Apache-2.0
#include "base64url.h"

namespace helios::landing {

namespace {

constexpr auto UrlOptions = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

} // namespace

QByteArray base64UrlEncode(QByteArrayView bytes) {
    return bytes.toByteArray().toBase64(UrlOptions);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text) {
    // A length of 1 mod 4 cannot come from any byte string.
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        if (!isAlphabet(c))
            return std::nullopt;
    }
    const QByteArray input = text.toByteArray();
    auto decoded =
        QByteArray::fromBase64Encoding(input, UrlOptions | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // Re-encoding gives the canonical form; anything else had non-zero unused bits.
    if (decoded.decoded.toBase64(UrlOptions) != input)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace helios::landing
