// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cache/cache.h"

#include <QString>

namespace helios::data {

// The token-bucket arithmetic behind Cache::takeToken(), kept in one place so that the
// in-process back end and the Redis script (which mirrors it in Lua) agree.

// InvalidArgument unless burst >= 1 and 0 < perSecond < infinity.
Result<void> checkTokenBucket(double burst, double perSecond, const QString &context);

// Refills `tokens` for `elapsedSeconds` (negative counts as 0: a clock that went back
// never takes tokens away), capped at `burst`, then takes one if there is one.
TokenBucketResult takeFromBucket(double &tokens, double elapsedSeconds, double burst,
                                 double perSecond);

// How long until a bucket holding `tokens` is full again; at least 1 ms, so that a key
// given this ttl never lives forever.
std::chrono::milliseconds timeUntilFull(double tokens, double burst, double perSecond);

} // namespace helios::data
