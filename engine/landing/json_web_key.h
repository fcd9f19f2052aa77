// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jws_signature.h"

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace helios::landing {

// A public signing key from a JWKS (RFC 7517), bound to exactly one algorithm: an RSA
// key (kty "RSA", at least 2048 bits) verifies RS256 only, a P-256 key (kty "EC",
// crv "P-256") ES256 only. Symmetric keys (kty "oct") are never accepted from a JWKS:
// HS256 is verified with the configured secret alone. Copies share the key.
class JsonWebKey {
public:
    static constexpr int MinRsaBits = 2048;

    // InvalidArgument for a key that cannot be used: unsupported kty/crv, an "alg" that
    // does not match the key type, "use" other than "sig", "key_ops" without "verify",
    // missing or malformed members, a point not on the curve, a short RSA modulus.
    static Result<JsonWebKey> fromJson(const QJsonObject &jwk);

    // The usable keys of a JWK Set document; unusable ones are skipped with a debug
    // message (a set may hold keys for other consumers). InvalidArgument when the
    // document is not {"keys": [...]}.
    static Result<QList<JsonWebKey>> parseSet(const QByteArray &document);

    QString keyId() const { return m_keyId; }
    JwsAlgorithm algorithm() const { return m_algorithm; }

    // True only for a valid signature made with this key's own algorithm.
    bool verify(JwsAlgorithm algorithm, QByteArrayView signingInput,
                QByteArrayView signature) const;

private:
    JsonWebKey() = default;

    QString m_keyId;
    JwsAlgorithm m_algorithm = JwsAlgorithm::RS256;
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace helios::landing
