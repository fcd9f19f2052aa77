// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace helios::landing {

// A JWS in compact serialisation (header.payload.signature), taken apart but not yet
// trusted: nothing in it means anything until its signature was verified.
struct CompactJws {
    static constexpr qsizetype MaxTokenBytes = 16 * 1024;

    QByteArray signingInput; // the ASCII header.payload the signature covers
    QJsonObject header;
    QJsonObject claims;   // the payload, which must be a JSON object
    QByteArray signature; // decoded
    QString algorithm;    // header "alg", as written (may be "none": the caller refuses it)
    QString keyId;        // header "kid"; empty when absent

    // Unauthenticated, with a message naming what is wrong (never the token itself), for:
    // more or fewer than three segments, an empty segment, anything but strict base64url,
    // a header or payload that is not a JSON object, a missing or non-string "alg", a
    // non-string "kid", a "typ" other than JWT/at+jwt, and any "crit" header (no
    // extensions are understood, so RFC 7515 says to refuse).
    static Result<CompactJws> parse(QByteArrayView token);
};

} // namespace helios::landing
