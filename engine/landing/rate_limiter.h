// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>

#include <chrono>

namespace helios::data {
class Cache;
}

namespace helios::landing {

struct RateLimit {
    double burst = 60;           // bucket size
    double perSecond = 20;       // refill rate
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
    Result<RateDecision> admit(QByteArrayView identity, QByteArrayView address);

private:
    data::Cache &m_cache;
    RateLimit m_perIdentity;
    RateLimit m_perAddress;
};

} // namespace helios::landing
