// SPDX-License-Identifier: Apache-2.0
#include "jws_signature.h"

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

namespace helios::landing {

namespace {

constexpr int Sha256Bytes = 32;
constexpr int P256CoordinateBytes = 32;

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EcdsaSigDeleter {
    void operator()(ECDSA_SIG *sig) const { ECDSA_SIG_free(sig); }
};

const unsigned char *bytes(QByteArrayView view) {
    return reinterpret_cast<const unsigned char *>(view.data());
}

bool digestVerify(EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature) {
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return false;
    // 1 is a good signature; 0 a bad one and negative a malformed one: both refuse.
    return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()),
                            bytes(signingInput), size_t(signingInput.size())) == 1;
}

// R || S as libcrypto's DER ECDSA-Sig-Value; empty on failure.
QByteArray rawToDer(QByteArrayView raw) {
    std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(bytes(raw), P256CoordinateBytes, nullptr);
    BIGNUM *s = BN_bin2bn(bytes(raw) + P256CoordinateBytes, P256CoordinateBytes, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return {};
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

} // namespace

QString jwsAlgorithmName(JwsAlgorithm algorithm) {
    switch (algorithm) {
    case JwsAlgorithm::HS256:
        return QStringLiteral("HS256");
    case JwsAlgorithm::RS256:
        return QStringLiteral("RS256");
    case JwsAlgorithm::ES256:
        return QStringLiteral("ES256");
    }
    return {};
}

std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name) {
    for (JwsAlgorithm a : {JwsAlgorithm::HS256, JwsAlgorithm::RS256, JwsAlgorithm::ES256}) {
        if (name == jwsAlgorithmName(a))
            return a;
    }
    return std::nullopt;
}

QByteArray signHs256(QByteArrayView secret, QByteArrayView signingInput) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.data(), int(secret.size()), bytes(signingInput),
              size_t(signingInput.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), int(length));
}

bool verifyHs256(QByteArrayView secret, QByteArrayView signingInput, QByteArrayView signature) {
    if (secret.isEmpty() || signature.size() != Sha256Bytes)
        return false;
    const QByteArray expected = signHs256(secret, signingInput);
    return expected.size() == Sha256Bytes &&
           CRYPTO_memcmp(expected.constData(), signature.data(), Sha256Bytes) == 0;
}

bool verifyRs256(EVP_PKEY *publicKey, QByteArrayView signingInput, QByteArrayView signature) {
    if (!publicKey || !EVP_PKEY_is_a(publicKey, "RSA"))
        return false;
    if (signature.size() != EVP_PKEY_get_size(publicKey))
        return false;
    return digestVerify(publicKey, signingInput, signature);
}

bool verifyEs256(EVP_PKEY *publicKey, QByteArrayView signingInput, QByteArrayView signature) {
    if (!publicKey || !EVP_PKEY_is_a(publicKey, "EC") ||
        signature.size() != 2 * P256CoordinateBytes)
        return false;
    char group[32] = {};
    size_t groupLength = 0;
    if (EVP_PKEY_get_group_name(publicKey, group, sizeof group, &groupLength) != 1 ||
        QByteArrayView(group, qsizetype(groupLength)) != QByteArrayView("prime256v1"))
        return false;
    const QByteArray der = rawToDer(signature);
    return !der.isEmpty() && digestVerify(publicKey, signingInput, der);
}

} // namespace helios::landing
