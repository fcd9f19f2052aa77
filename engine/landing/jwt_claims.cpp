// SPDX-License-Identifier: Apache-2.0
#include "jwt_claims.h"

#include <QJsonArray>

#include <cmath>

namespace helios::landing {

namespace {

// NumericDate bounds: a time after year 9999 is not a date any client sends.
constexpr double MaxNumericDate = 253402300799.0;

Error refused(const QString &why) {
    return makeError(ErrorCode::Unauthenticated, why);
}

// A NumericDate claim in whole seconds; nullopt when absent, an error when not a number.
Result<std::optional<qint64>> numericDate(const QJsonObject &claims, const char *name) {
    const QJsonValue value = claims.value(QLatin1StringView(name));
    if (value.isUndefined())
        return std::optional<qint64>();
    const double seconds = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > MaxNumericDate)
        return refused(
            QStringLiteral("the \"%1\" claim is not a NumericDate").arg(QLatin1StringView(name)));
    return std::optional<qint64>(qint64(std::floor(seconds)));
}

bool audienceMatches(const QJsonValue &aud, const QString &wanted) {
    if (aud.isString())
        return aud.toString() == wanted;
    if (!aud.isArray())
        return false;
    for (const QJsonValue &entry : aud.toArray()) {
        if (entry.isString() && entry.toString() == wanted)
            return true;
    }
    return false;
}

} // namespace

Result<JwtClaims> checkJwtClaims(const QJsonObject &claims, const JwtClaimRules &rules,
                                 const QDateTime &now) {
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const qint64 leeway = rules.leeway.count();

    const QJsonValue sub = claims.value(QLatin1StringView("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return refused(QStringLiteral("the token has no \"sub\" claim"));

    auto exp = numericDate(claims, "exp");
    HELIOS_TRY(exp);
    if (!exp->has_value())
        return refused(QStringLiteral(
            "the token has no \"exp\" claim; tokens without an expiry are not accepted"));
    if (nowSeconds > **exp + leeway)
        return refused(QStringLiteral("the token has expired"));

    auto nbf = numericDate(claims, "nbf");
    HELIOS_TRY(nbf);
    if (nbf->has_value() && nowSeconds + leeway < **nbf)
        return refused(QStringLiteral("the token is not valid yet (\"nbf\" is in the future)"));

    auto iat = numericDate(claims, "iat");
    HELIOS_TRY(iat);
    if (iat->has_value() && nowSeconds + leeway < **iat)
        return refused(QStringLiteral("the token claims to be issued in the future (\"iat\")"));
    if (iat->has_value() && **iat > **exp)
        return refused(QStringLiteral("the token expires before it was issued"));

    if (!rules.issuer.isEmpty()) {
        const QJsonValue iss = claims.value(QLatin1StringView("iss"));
        if (!iss.isString() || iss.toString() != rules.issuer)
            return refused(
                QStringLiteral("the token's issuer (\"iss\") is not the configured one"));
    }
    if (!rules.audience.isEmpty() &&
        !audienceMatches(claims.value(QLatin1StringView("aud")), rules.audience))
        return refused(QStringLiteral("the token is not meant for this audience (\"aud\")"));

    JwtClaims result;
    result.subject = sub.toString();
    result.expires = QDateTime::fromSecsSinceEpoch(**exp, Qt::UTC);
    if (iat->has_value())
        result.issuedAt = QDateTime::fromSecsSinceEpoch(**iat, Qt::UTC);
    return result;
}

} // namespace helios::landing
