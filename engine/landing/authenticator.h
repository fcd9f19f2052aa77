// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "identity.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>

namespace helios {
class Config;
}
namespace helios::data {
class Cache;
class Store;
}

namespace helios::landing {

struct AuthSettings {
    QByteArray hs256Secret;   // HELIOS_JWT_SECRET; empty: HS256 tokens are refused
    QString jwksUrl;          // HELIOS_JWKS_URL; empty: RS256/ES256 tokens are refused
    QString issuer;           // HELIOS_JWT_ISSUER; empty: not checked
    QString audience;         // HELIOS_JWT_AUDIENCE; empty: not checked
    std::chrono::seconds leeway{30};
    bool anonymousAllowed = false; // HELIOS_ANONYMOUS=1 (the server also requires loopback)
    // How long a request may wait for the JWKS when its key id is unknown, and how often
    // an unknown key id may trigger a fetch at all.
    std::chrono::milliseconds jwksTimeout{2000};
    std::chrono::milliseconds jwksRefetchInterval{30000};

    // InvalidArgument for a HELIOS_JWT_SECRET shorter than 32 bytes (RFC 7518 3.2) or a
    // HELIOS_ANONYMOUS other than "", "0" or "1". The error never shows the secret.
    static Result<AuthSettings> fromConfig(const Config &config);
};

// Turns an Authorization header into an Identity: a bearer JWT verified with the key its
// "kid"/"alg" name -- HS256 with the shared secret, RS256/ES256 with a key from the JWKS
// (cached; fetched again, at most every 30 s, when a kid is unknown). Each key pins its
// algorithm: "none", a mismatching alg and HS256 signed with a public key are refused.
// exp, nbf, iss and aud are checked with the leeway. The subject's role comes from the
// Store (users table); an unknown subject is refused. A verified token is remembered as
// a session in the Cache until it expires, so repeated requests skip the signature.
// Thread-safe.
class Authenticator {
public:
    Authenticator(AuthSettings settings, data::Store &store, data::Cache &cache);
    ~Authenticator();

    // Unauthenticated (missing/malformed/bad signature/expired/wrong audience...) or
    // PermissionDenied (valid token, unknown user). An empty header gives the anonymous
    // identity when allowed, else Unauthenticated.
    Result<Identity> authenticate(QByteArrayView authorizationHeader);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::landing
