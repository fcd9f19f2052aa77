// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace helios::landing {

// HS256 keys shorter than the hash (32 bytes) are refused, as RFC 7518 section 3.2 requires.
constexpr qsizetype MinHs256SecretBytes = 32;

// A compact HS256 JWT for `subject`, valid from `now` for `ttl`: header
// {"alg":"HS256","typ":"JWT"}, claims sub, iat, exp, a random jti, and iss/aud when not
// empty. What `helios users token` prints; the Authenticator accepts it when it is
// configured with the same secret (and issuer/audience). InvalidArgument for a secret
// shorter than MinHs256SecretBytes, an empty subject or a ttl that is not positive. The
// secret never appears in an error.
Result<QByteArray> mintHs256Token(QByteArrayView secret, const QString &subject,
                                  std::chrono::seconds ttl, const QString &issuer = {},
                                  const QString &audience = {},
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace helios::landing
