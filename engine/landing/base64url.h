// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace helios::landing {

// base64url without padding (RFC 7515 section 2), as JWS and JWK use it.
QByteArray base64UrlEncode(QByteArrayView bytes);

// Strict decoding: only the base64url alphabet, no padding, no white space, and the
// canonical form only (unused trailing bits zero), so one byte string has exactly one
// encoding and a token cannot be altered without changing what is signed. nullopt when
// `text` is not such an encoding.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace helios::landing
