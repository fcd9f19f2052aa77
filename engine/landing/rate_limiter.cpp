// SPDX-License-Identifier: Apache-2.0
#include "rate_limiter.h"

#include "cache/cache.h"

#include <cmath>

namespace helios::landing {

namespace {

Error badLimit(QStringView text) {
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("a rate limit is BURST/PER_SECOND (e.g. 60/20) or \"off\", not \"%1\"")
            .arg(text.toString()));
}

} // namespace

Result<RateLimit> RateLimit::parse(QStringView text) {
    const QStringView trimmed = text.trimmed();
    if (trimmed == QLatin1StringView("off") || trimmed == QLatin1StringView("0"))
        return RateLimit{0, 0};
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return badLimit(text);
    bool burstOk = false;
    bool rateOk = false;
    const double burst = trimmed.first(slash).toDouble(&burstOk);
    const double perSecond = trimmed.sliced(slash + 1).toDouble(&rateOk);
    if (!burstOk || !rateOk || !std::isfinite(burst) || !std::isfinite(perSecond) || burst < 1 ||
        perSecond <= 0)
        return badLimit(text);
    return RateLimit{burst, perSecond};
}

RateLimiter::RateLimiter(data::Cache &cache, RateLimit perIdentity, RateLimit perAddress)
    : m_cache(cache)
    , m_perIdentity(perIdentity)
    , m_perAddress(perAddress) {}

Result<RateDecision> RateLimiter::admit(QByteArrayView identity, QByteArrayView address) {
    const auto take = [this](const QByteArray &key,
                             const RateLimit &limit) -> Result<RateDecision> {
        const auto taken = m_cache.takeToken(key, limit.burst, limit.perSecond);
        HELIOS_TRY(taken);
        return RateDecision{taken->allowed, taken->retryAfter};
    };
    if (!address.isEmpty() && m_perAddress.limited()) {
        auto decision = take(QByteArrayLiteral("rl:ip:").append(address), m_perAddress);
        if (!decision.ok() || !decision->allowed)
            return decision;
    }
    if (!identity.isEmpty() && m_perIdentity.limited())
        return take(QByteArrayLiteral("rl:id:").append(identity), m_perIdentity);
    return RateDecision{};
}

} // namespace helios::landing
