// SPDX-License-Identifier: Apache-2.0
#include "test_key.h"

#include "landing/base64url.h"

#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace helios::test {

namespace {

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(landing::base64UrlEncode(bytes));
}

QByteArray bnParam(EVP_PKEY *key, const char *name, int padTo = 0) {
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        qFatal("cannot read %s", name);
    QByteArray bytes(padTo > 0 ? padTo : BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size()));
    BN_free(bn);
    return bytes;
}

} // namespace

TestKey::TestKey(Type type, QString keyId)
    : m_type(type)
    , m_keyId(std::move(keyId)) {
    EVP_PKEY *key = type == Type::Rsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    if (!key)
        qFatal("libcrypto could not generate a test key");
    m_key.reset(key, EVP_PKEY_free);
}

TestKey::~TestKey() = default;

QString TestKey::algorithm() const {
    return m_type == Type::Rsa ? QStringLiteral("RS256") : QStringLiteral("ES256");
}

QJsonObject TestKey::publicJwk() const {
    QJsonObject jwk{{QStringLiteral("kid"), m_keyId},
                    {QStringLiteral("use"), QStringLiteral("sig")},
                    {QStringLiteral("alg"), algorithm()}};
    if (m_type == Type::Rsa) {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N)));
        jwk.insert(QStringLiteral("e"), b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E)));
    } else {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32)));
        jwk.insert(QStringLiteral("y"), b64(bnParam(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32)));
    }
    return jwk;
}

QByteArray TestKey::publicKeyPem() const {
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(length));
    BIO_free(bio);
    return pem;
}

QByteArray TestKey::sign(QByteArrayView signingInput) const {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    const auto *input = reinterpret_cast<const unsigned char *>(signingInput.data());
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx, nullptr, &length, input, size_t(signingInput.size())) != 1)
        qFatal("cannot sign");
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length, input,
                       size_t(signingInput.size())) != 1)
        qFatal("cannot sign");
    EVP_MD_CTX_free(ctx);
    signature.resize(qsizetype(length));
    if (m_type == Type::Rsa)
        return signature;
    // libcrypto gives DER; a JWS carries R || S with 32 bytes each.
    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
    QByteArray raw(64, Qt::Uninitialized);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

QByteArray signingInputOf(const QJsonObject &header, const QJsonObject &claims) {
    return landing::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           landing::base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
}

QByteArray compactToken(const QByteArray &signingInput, const QByteArray &signature) {
    return signingInput + '.' + landing::base64UrlEncode(signature);
}

} // namespace helios::test
