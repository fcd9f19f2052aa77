// SPDX-License-Identifier: Apache-2.0
#include "token_minter.h"

#include "base64url.h"
#include "jws_signature.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace helios::landing {

Result<QByteArray> mintHs256Token(QByteArrayView secret, const QString &subject,
                                  std::chrono::seconds ttl, const QString &issuer,
                                  const QString &audience, const QDateTime &now) {
    if (secret.size() < MinHs256SecretBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the HS256 secret must be at least %1 bytes long")
                             .arg(MinHs256SecretBytes));
    if (subject.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a token needs a subject"));
    if (ttl.count() <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token's lifetime must be positive"));

    const qint64 issued = now.toSecsSinceEpoch();
    quint32 nonce[4];
    QRandomGenerator::system()->fillRange(nonce);
    QJsonObject claims{
        {QStringLiteral("sub"), subject},
        {QStringLiteral("iat"), issued},
        {QStringLiteral("exp"), issued + qint64(ttl.count())},
        {QStringLiteral("jti"),
         QString::fromLatin1(base64UrlEncode(
             QByteArrayView(reinterpret_cast<const char *>(nonce), qsizetype(sizeof nonce))))},
    };
    if (!issuer.isEmpty())
        claims.insert(QStringLiteral("iss"), issuer);
    if (!audience.isEmpty())
        claims.insert(QStringLiteral("aud"), audience);
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};

    const QByteArray signingInput =
        base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
        base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = signHs256(secret, signingInput);
    if (signature.isEmpty())
        return makeError(ErrorCode::Internal,
                         QStringLiteral("libcrypto could not compute the HMAC"));
    return QByteArray(signingInput + '.' + base64UrlEncode(signature));
}

} // namespace helios::landing
