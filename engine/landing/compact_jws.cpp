// SPDX-License-Identifier: Apache-2.0
#include "compact_jws.h"

#include "base64url.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace helios::landing {

namespace {

Error malformed(const QString &what) {
    return makeError(ErrorCode::Unauthenticated, QStringLiteral("malformed token: %1").arg(what));
}

Result<QJsonObject> jsonSegment(QByteArrayView segment, const QString &name) {
    const auto decoded = base64UrlDecode(segment);
    if (!decoded)
        return malformed(QStringLiteral("the %1 is not base64url").arg(name));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("the %1 is not a JSON object").arg(name));
    return document.object();
}

bool acceptedType(const QString &type) {
    // RFC 7519 recommends "JWT"; RFC 9068 access tokens say "at+jwt". Media types may
    // carry the "application/" prefix and compare case-insensitively.
    QString t = type.toLower();
    if (t.startsWith(QLatin1StringView("application/")))
        t = t.mid(12);
    return t == QLatin1StringView("jwt") || t == QLatin1StringView("at+jwt");
}

} // namespace

Result<CompactJws> CompactJws::parse(QByteArrayView token) {
    if (token.size() > MaxTokenBytes)
        return malformed(QStringLiteral("longer than %1 bytes").arg(MaxTokenBytes));
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0)
        return malformed(QStringLiteral("a compact JWS has exactly three segments"));
    const QByteArrayView headerPart = token.first(firstDot);
    const QByteArrayView payloadPart = token.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signaturePart = token.sliced(secondDot + 1);
    if (headerPart.isEmpty() || payloadPart.isEmpty() || signaturePart.isEmpty())
        return malformed(QStringLiteral("a segment is empty"));

    CompactJws jws;
    auto header = jsonSegment(headerPart, QStringLiteral("header"));
    HELIOS_TRY(header);
    jws.header = std::move(header).value();
    auto claims = jsonSegment(payloadPart, QStringLiteral("payload"));
    HELIOS_TRY(claims);
    jws.claims = std::move(claims).value();
    const auto signature = base64UrlDecode(signaturePart);
    if (!signature || signature->isEmpty())
        return malformed(QStringLiteral("the signature is not base64url"));
    jws.signature = *signature;
    jws.signingInput = token.first(secondDot).toByteArray();

    const QJsonValue alg = jws.header.value(QLatin1StringView("alg"));
    if (!alg.isString() || alg.toString().isEmpty())
        return malformed(QStringLiteral("the header has no \"alg\""));
    jws.algorithm = alg.toString();
    const QJsonValue kid = jws.header.value(QLatin1StringView("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return malformed(QStringLiteral("the header's \"kid\" is not a string"));
    jws.keyId = kid.toString();
    const QJsonValue typ = jws.header.value(QLatin1StringView("typ"));
    if (!typ.isUndefined() && (!typ.isString() || !acceptedType(typ.toString())))
        return malformed(QStringLiteral("the header's \"typ\" is not JWT"));
    if (jws.header.contains(QLatin1StringView("crit")))
        return malformed(
            QStringLiteral("the header names critical extensions, none of which are supported"));
    return jws;
}

} // namespace helios::landing
