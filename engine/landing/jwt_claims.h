// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>

namespace helios::landing {

// What a verified token's claims must satisfy (RFC 7519 section 4.1).
struct JwtClaimRules {
    QString issuer;   // "iss" must equal it; empty: not checked
    QString audience; // "aud" (a string or an array of strings) must contain it; empty: not checked
    std::chrono::seconds leeway{30}; // clock skew allowed on exp, nbf and iat
};

struct JwtClaims {
    QString subject;
    QDateTime expires;  // UTC
    QDateTime issuedAt; // UTC; invalid when the token has no "iat"
};

// Checks the claims of a token whose signature was already verified, at time `now`.
// Unauthenticated, with a message saying which claim failed (never its value for
// iss/aud, which the caller may log), when: "sub" is missing or empty; "exp" is
// missing, not a number or past; "nbf" is in the future; "iat" is in the future; iss
// or aud do not match the rules.
Result<JwtClaims> checkJwtClaims(const QJsonObject &claims, const JwtClaimRules &rules,
                                 const QDateTime &now);

} // namespace helios::landing
