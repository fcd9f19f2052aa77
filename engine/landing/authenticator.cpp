// SPDX-License-Identifier: Apache-2.0
#include "authenticator.h"

#include "compact_jws.h"
#include "jwks_client.h"
#include "jws_signature.h"
#include "jwt_claims.h"
#include "session_cache.h"
#include "token_minter.h"
#include "user_directory.h"

#include "core/config.h"
#include "core/logging.h"

#include <QUrl>

namespace helios::landing {

namespace {

QString configValue(const Config &config, const char *key) {
    return config.value(QString::fromLatin1(key));
}

Error refused(const QString &why) {
    return makeError(ErrorCode::Unauthenticated, why);
}

// The token of "Bearer <token>" (scheme case-insensitive, RFC 7235); nullopt otherwise.
std::optional<QByteArrayView> bearerToken(QByteArrayView header) {
    constexpr QByteArrayView scheme("bearer");
    if (header.size() <= scheme.size() ||
        header.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0 ||
        header.at(scheme.size()) != ' ')
        return std::nullopt;
    const QByteArrayView token = header.sliced(scheme.size() + 1).trimmed();
    if (token.isEmpty() || token.contains(' '))
        return std::nullopt;
    return token;
}

} // namespace

Result<AuthSettings> AuthSettings::fromConfig(const Config &config) {
    AuthSettings settings;
    settings.hs256Secret = configValue(config, Config::JwtSecret).toUtf8();
    if (!settings.hs256Secret.isEmpty() && settings.hs256Secret.size() < MinHs256SecretBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be at least %2 bytes long (RFC 7518 section 3.2)")
                             .arg(QLatin1StringView(Config::JwtSecret))
                             .arg(MinHs256SecretBytes),
                         config.sourceOf(QString::fromLatin1(Config::JwtSecret)));
    settings.jwksUrl = configValue(config, Config::JwksUrl);
    settings.issuer = configValue(config, Config::JwtIssuer);
    settings.audience = configValue(config, Config::JwtAudience);
    const QString anonymous = configValue(config, Config::Anonymous);
    if (!anonymous.isEmpty() && anonymous != QLatin1StringView("0") &&
        anonymous != QLatin1StringView("1"))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be 0 or 1, not \"%2\"")
                             .arg(QLatin1StringView(Config::Anonymous), anonymous),
                         config.sourceOf(QString::fromLatin1(Config::Anonymous)));
    settings.anonymousAllowed = anonymous == QLatin1StringView("1");
    return settings;
}

struct Authenticator::Private {
    Private(AuthSettings s, data::Store &store, data::Cache &cache)
        : settings(std::move(s))
        , users(store, cache)
        , sessions(cache) {
        rules.issuer = settings.issuer;
        rules.audience = settings.audience;
        rules.leeway = settings.leeway;
        if (!settings.hs256Secret.isEmpty() && settings.hs256Secret.size() < MinHs256SecretBytes) {
            qCWarning(lcLanding) << "the HS256 secret is shorter than" << MinHs256SecretBytes
                                 << "bytes; HS256 tokens are refused";
            settings.hs256Secret.clear();
        }
        if (!settings.jwksUrl.isEmpty()) {
            JwksClient::Options options;
            options.url = QUrl(settings.jwksUrl);
            options.timeout = settings.jwksTimeout;
            options.minRefetchInterval = settings.jwksRefetchInterval;
            jwks = std::make_unique<JwksClient>(std::move(options));
        }
    }

    Result<void> verifySignature(const CompactJws &jws) {
        const auto algorithm = jwsAlgorithmFromName(jws.algorithm);
        if (!algorithm)
            return refused(QStringLiteral("the token's algorithm \"%1\" is not accepted")
                               .arg(jws.algorithm.left(16)));
        if (*algorithm == JwsAlgorithm::HS256) {
            // The shared secret and nothing else: never a JWKS key's bytes, whatever the kid
            // says, which is what defeats the RS256-to-HS256 confusion.
            if (settings.hs256Secret.isEmpty())
                return refused(QStringLiteral(
                    "HS256 tokens are not accepted (no shared secret is configured)"));
            if (!verifyHs256(settings.hs256Secret, jws.signingInput, jws.signature))
                return refused(QStringLiteral("the token's signature does not verify"));
            return {};
        }
        if (!jwks)
            return refused(QStringLiteral("%1 tokens are not accepted (no JWKS URL is configured)")
                               .arg(jwsAlgorithmName(*algorithm)));
        const auto keys = jwks->keysFor(jws.keyId, *algorithm);
        HELIOS_TRY(keys);
        for (const JsonWebKey &key : *keys) {
            if (key.verify(*algorithm, jws.signingInput, jws.signature))
                return {};
        }
        return refused(QStringLiteral("the token's signature does not verify"));
    }

    Result<Identity> verify(QByteArrayView token, const QDateTime &now) {
        auto jws = CompactJws::parse(token);
        HELIOS_TRY(jws);
        HELIOS_TRY(verifySignature(*jws));
        auto claims = checkJwtClaims(jws->claims, rules, now);
        HELIOS_TRY(claims);

        // The generation comes first (see SessionCache); without it the identity is still
        // good, it is just not remembered.
        const auto generation = sessions.generation(claims->subject);
        if (!generation.ok())
            qCWarning(lcLanding) << "sessions unavailable:" << generation.error().toString();
        const auto role = users.role(claims->subject);
        if (!role.ok() && role.error().code == ErrorCode::NotFound)
            return makeError(
                ErrorCode::PermissionDenied,
                QStringLiteral("the token is valid but its subject is not a registered user"),
                claims->subject);
        HELIOS_TRY(role);

        Identity identity;
        identity.subject = claims->subject;
        identity.role = *role;
        identity.expires = claims->expires;
        if (generation.ok()) {
            const auto remembered = sessions.remember(token, identity, *generation, now);
            if (!remembered.ok())
                qCWarning(lcLanding)
                    << "could not remember the session:" << remembered.error().toString();
        }
        return identity;
    }

    AuthSettings settings;
    JwtClaimRules rules;
    UserDirectory users;
    SessionCache sessions;
    std::unique_ptr<JwksClient> jwks;
};

Authenticator::Authenticator(AuthSettings settings, data::Store &store, data::Cache &cache)
    : d(std::make_unique<Private>(std::move(settings), store, cache)) {}

Authenticator::~Authenticator() = default;

Result<Identity> Authenticator::authenticate(QByteArrayView authorizationHeader) {
    const QByteArrayView header = authorizationHeader.trimmed();
    if (header.isEmpty()) {
        if (!d->settings.anonymousAllowed)
            return refused(QStringLiteral("no Authorization header; a bearer token is required"));
        Identity anonymous;
        anonymous.subject = QStringLiteral("anonymous");
        anonymous.role = Role::Viewer;
        anonymous.anonymous = true;
        return anonymous;
    }
    const auto token = bearerToken(header);
    if (!token)
        return refused(QStringLiteral("the Authorization header is not \"Bearer <token>\""));
    if (token->size() > CompactJws::MaxTokenBytes)
        return refused(
            QStringLiteral("malformed token: longer than %1 bytes").arg(CompactJws::MaxTokenBytes));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto session = d->sessions.find(*token, now);
    if (session.ok() && session->has_value())
        return **session;
    if (!session.ok()) // a cache that cannot answer costs a verification, not the request
        qCDebug(lcLanding) << "session lookup failed:" << session.error().toString();

    auto identity = d->verify(*token, now);
    if (!identity.ok())
        qCDebug(lcLanding) << "token refused:" << identity.error().message;
    return identity;
}

} // namespace helios::landing
