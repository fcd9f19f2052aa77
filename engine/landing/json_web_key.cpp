// SPDX-License-Identifier: Apache-2.0
#include "json_web_key.h"

#include "base64url.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace helios::landing {

namespace {

constexpr int P256CoordinateBytes = 32;

struct ParamBldDeleter {
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamDeleter {
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxDeleter {
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct BnDeleter {
    void operator()(BIGNUM *b) const { BN_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

Error unusable(const QString &why) {
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unusable JWK: %1").arg(why));
}

Result<QByteArray> member(const QJsonObject &jwk, const char *name) {
    const QJsonValue value = jwk.value(QLatin1StringView(name));
    if (!value.isString())
        return unusable(QStringLiteral("\"%1\" is missing").arg(QLatin1StringView(name)));
    const auto bytes = base64UrlDecode(value.toString().toLatin1());
    if (!bytes || bytes->isEmpty())
        return unusable(QStringLiteral("\"%1\" is not base64url").arg(QLatin1StringView(name)));
    return *bytes;
}

BnPtr bignum(const QByteArray &bigEndian) {
    return BnPtr(BN_bin2bn(reinterpret_cast<const unsigned char *>(bigEndian.constData()),
                           int(bigEndian.size()), nullptr));
}

// Builds a public key of `type` ("RSA" or "EC") from OSSL_PARAMs, then checks it.
Result<std::shared_ptr<EVP_PKEY>> fromParams(const char *type, OSSL_PARAM_BLD *builder) {
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !key)
        return unusable(
            QStringLiteral("libcrypto refused the %1 key").arg(QLatin1StringView(type)));
    std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
    // fromdata does not check that an EC point lies on the curve; an invalid point is
    // the classic invalid-curve attack on ECDSA verification.
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> check(
        EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return unusable(
            QStringLiteral("the %1 public key is not valid").arg(QLatin1StringView(type)));
    return owned;
}

Result<std::shared_ptr<EVP_PKEY>> rsaKey(const QJsonObject &jwk) {
    auto n = member(jwk, "n");
    HELIOS_TRY(n);
    auto e = member(jwk, "e");
    HELIOS_TRY(e);
    BnPtr modulus = bignum(*n);
    BnPtr exponent = bignum(*e);
    if (!modulus || !exponent)
        return unusable(QStringLiteral("the RSA numbers cannot be read"));
    if (BN_num_bits(modulus.get()) < JsonWebKey::MinRsaBits)
        return unusable(
            QStringLiteral("the RSA modulus is shorter than %1 bits").arg(JsonWebKey::MinRsaBits));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
        return unusable(QStringLiteral("the RSA numbers cannot be read"));
    return fromParams("RSA", builder.get());
}

Result<std::shared_ptr<EVP_PKEY>> p256Key(const QJsonObject &jwk) {
    auto x = member(jwk, "x");
    HELIOS_TRY(x);
    auto y = member(jwk, "y");
    HELIOS_TRY(y);
    // RFC 7518 6.2.1.2: the coordinates are exactly the field size, leading zeros kept.
    if (x->size() != P256CoordinateBytes || y->size() != P256CoordinateBytes)
        return unusable(QStringLiteral("a P-256 coordinate is not 32 bytes"));
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // uncompressed SEC1 point
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1",
                                        0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1)
        return unusable(QStringLiteral("the EC point cannot be read"));
    return fromParams("EC", builder.get());
}

} // namespace

Result<JsonWebKey> JsonWebKey::fromJson(const QJsonObject &jwk) {
    const QString kty = jwk.value(QLatin1StringView("kty")).toString();
    const QJsonValue alg = jwk.value(QLatin1StringView("alg"));
    const QJsonValue use = jwk.value(QLatin1StringView("use"));
    const QJsonValue ops = jwk.value(QLatin1StringView("key_ops"));
    if (!use.isUndefined() && use.toString() != QLatin1StringView("sig"))
        return unusable(QStringLiteral("\"use\" is not \"sig\""));
    if (!ops.isUndefined() && !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))))
        return unusable(QStringLiteral("\"key_ops\" does not allow \"verify\""));
    const QJsonValue kid = jwk.value(QLatin1StringView("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return unusable(QStringLiteral("\"kid\" is not a string"));

    JsonWebKey key;
    key.m_keyId = kid.toString();
    Result<std::shared_ptr<EVP_PKEY>> built =
        unusable(QStringLiteral("kty \"%1\" is not supported").arg(kty));
    if (kty == QLatin1StringView("RSA")) {
        key.m_algorithm = JwsAlgorithm::RS256;
        built = rsaKey(jwk);
    } else if (kty == QLatin1StringView("EC")) {
        if (jwk.value(QLatin1StringView("crv")).toString() != QLatin1StringView("P-256"))
            return unusable(QStringLiteral("only the P-256 curve is supported"));
        key.m_algorithm = JwsAlgorithm::ES256;
        built = p256Key(jwk);
    }
    // An "alg" that names another algorithm than the key type allows is a key meant for
    // something else; it is refused rather than reinterpreted.
    if (!alg.isUndefined() && alg.toString() != jwsAlgorithmName(key.m_algorithm))
        return unusable(QStringLiteral("\"alg\" does not match kty \"%1\"").arg(kty));
    HELIOS_TRY(built);
    key.m_key = std::move(built).value();
    return key;
}

Result<QList<JsonWebKey>> JsonWebKey::parseSet(const QByteArray &document) {
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError || !json.isObject() ||
        !json.object().value(QLatin1StringView("keys")).isArray())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the JWKS is not a JSON object with a \"keys\" array"));
    QList<JsonWebKey> keys;
    for (const QJsonValue &entry : json.object().value(QLatin1StringView("keys")).toArray()) {
        auto key = fromJson(entry.toObject());
        if (!key.ok()) {
            qCDebug(lcLanding) << "skipping JWK"
                               << entry.toObject().value(QLatin1StringView("kid")).toString() << ":"
                               << key.error().message;
            continue;
        }
        keys.append(std::move(key).value());
    }
    return keys;
}

bool JsonWebKey::verify(JwsAlgorithm algorithm, QByteArrayView signingInput,
                        QByteArrayView signature) const {
    // The pin: a key verifies its own algorithm and nothing else.
    if (algorithm != m_algorithm || !m_key)
        return false;
    switch (m_algorithm) {
    case JwsAlgorithm::RS256:
        return verifyRs256(m_key.get(), signingInput, signature);
    case JwsAlgorithm::ES256:
        return verifyEs256(m_key.get(), signingInput, signature);
    case JwsAlgorithm::HS256:
        break;
    }
    return false;
}

} // namespace helios::landing
