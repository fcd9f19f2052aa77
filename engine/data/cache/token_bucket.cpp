// SPDX-License-Identifier: Apache-2.0
#include "cache/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace helios::data {

namespace {

std::chrono::milliseconds ceilMs(double seconds) {
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000.0)));
}

} // namespace

Result<void> checkTokenBucket(double burst, double perSecond, const QString &context) {
    if (!std::isfinite(burst) || burst < 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token bucket needs a burst of at least 1"), context);
    if (!std::isfinite(perSecond) || perSecond <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token bucket needs a positive, finite refill rate"),
                         context);
    return {};
}

TokenBucketResult takeFromBucket(double &tokens, double elapsedSeconds, double burst,
                                 double perSecond) {
    tokens = std::min(burst, tokens + std::max(0.0, elapsedSeconds) * perSecond);
    TokenBucketResult result;
    if (tokens >= 1) {
        tokens -= 1;
        result.allowed = true;
    } else {
        result.retryAfter =
            std::max(std::chrono::milliseconds(1), ceilMs((1 - tokens) / perSecond));
    }
    result.remaining = tokens;
    return result;
}

std::chrono::milliseconds timeUntilFull(double tokens, double burst, double perSecond) {
    return std::max(std::chrono::milliseconds(1), ceilMs((burst - tokens) / perSecond));
}

} // namespace helios::data
