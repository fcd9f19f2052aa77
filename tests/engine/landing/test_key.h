// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace helios::test {

// A signing key made fresh for a test run with libcrypto: RSA 2048 (RS256) or P-256
// (ES256). Gives its public JWK and PEM, and signs JWS input the way an identity
// provider would.
class TestKey {
public:
    enum class Type { Rsa, P256 };

    TestKey(Type type, QString keyId);
    ~TestKey();

    QString keyId() const { return m_keyId; }
    QString algorithm() const; // "RS256" or "ES256"
    QJsonObject publicJwk() const;
    QByteArray publicKeyPem() const;
    // The JWS signature of `signingInput`: PKCS#1 v1.5 for RSA, R || S for P-256.
    QByteArray sign(QByteArrayView signingInput) const;

private:
    Type m_type;
    QString m_keyId;
    std::shared_ptr<evp_pkey_st> m_key;
};

// header.payload.signature from JSON objects, signed by `sign` (or a given raw signature).
QByteArray signingInputOf(const QJsonObject &header, const QJsonObject &claims);
QByteArray compactToken(const QByteArray &signingInput, const QByteArray &signature);

} // namespace helios::test
