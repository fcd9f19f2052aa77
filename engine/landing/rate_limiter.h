// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QStringView>

#include <chrono>

namespace helios::data {
class Cache;
}

namespace helios::landing {

struct RateLimit {
    double burst = 60;           // bucket size; 0: this bucket is not limited
    double perSecond = 20;       // refill rate

    bool limited() const { return burst > 0; }

    // "BURST/PER_SECOND" as in HELIOS_RATE_LIMIT_IDENTITY, e.g. "60/20" or "5/0.5"; "off"
    // (or "0") for no limit. InvalidArgument for anything else, a burst below 1 or a rate
    // that is not positive.
    static Result<RateLimit> parse(QStringView text);
};

struct RateDecision {
    bool allowed = true;
    std::chrono::milliseconds retryAfter{0}; // when refused: until one token is back
};

// Token buckets per identity and per client address, kept in the Cache so every server
// process on the same Redis shares them. A request must get a token from both buckets.
class RateLimiter {
public:
    RateLimiter(data::Cache &cache, RateLimit perIdentity, RateLimit perAddress);

    // `identity` may be empty (anonymous/unauthenticated): only the address bucket applies.
    // The address bucket is asked first; when it refuses, the identity bucket is left
    // alone. A refusal's retryAfter is that of the bucket that refused. Cache errors are
    // returned as they are: the caller decides whether to fail open or closed.
    Result<RateDecision> admit(QByteArrayView identity, QByteArrayView address);

private:
    data::Cache &m_cache;
    RateLimit m_perIdentity;
    RateLimit m_perAddress;
};

} // namespace helios::landing
