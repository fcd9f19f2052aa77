// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace helios::landing {

// The JWS algorithms LANDING accepts. "none" and everything else are not representable.
enum class JwsAlgorithm { HS256, RS256, ES256 };

QString jwsAlgorithmName(JwsAlgorithm algorithm);
// Exact, case-sensitive names (RFC 7518): "HS256", "RS256", "ES256".
std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name);

// The signature primitives, over OpenSSL's libcrypto. Each returns false for a signature
// that does not verify, including one of the wrong length or encoding; none throws or
// logs. The key types are checked too: verifyRs256 refuses an EC key and vice versa.

// HMAC-SHA-256, compared in constant time.
QByteArray signHs256(QByteArrayView secret, QByteArrayView signingInput);
bool verifyHs256(QByteArrayView secret, QByteArrayView signingInput, QByteArrayView signature);

// RSASSA-PKCS1-v1_5 with SHA-256; the signature is as long as the modulus.
bool verifyRs256(evp_pkey_st *publicKey, QByteArrayView signingInput, QByteArrayView signature);

// ECDSA P-256 with SHA-256; the JWS signature is R || S, 32 bytes each (RFC 7518
// section 3.4), converted to the DER form libcrypto verifies.
bool verifyEs256(evp_pkey_st *publicKey, QByteArrayView signingInput, QByteArrayView signature);

} // namespace helios::landing
