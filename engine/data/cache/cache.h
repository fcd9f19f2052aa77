// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>

#include <chrono>
#include <memory>
#include <optional>

namespace helios {
class Config;
}

namespace helios::data {

// The outcome of Cache::takeToken().
struct TokenBucketResult {
    bool allowed = false;
    double remaining = 0;                    // tokens left after this call
    std::chrono::milliseconds retryAfter{0}; // when refused: until one token is back; else 0
};

// A TTL key/value cache with atomic counters. Embedded: an in-process LRU bounded in
// bytes. Cluster: Redis through hiredis (the master found through Sentinel when
// REDIS_SENTINEL_URL is set), reconnecting with backoff. Thread-safe.
//
// A cache may forget anything at any time (eviction, expiry); callers treat a miss as
// "recompute", never as an error.
class Cache {
public:
    using Ttl = std::chrono::milliseconds;
    static constexpr Ttl NoExpiry{0};

    virtual ~Cache() = default;

    virtual QString kind() const = 0;      // "memory" or "redis"
    virtual QString location() const = 0;  // secrets removed

    // nullopt on a miss.
    virtual Result<std::optional<QByteArray>> get(const QByteArray &key) = 0;
    virtual Result<void> set(const QByteArray &key, const QByteArray &value, Ttl ttl = NoExpiry) = 0;
    // True if the key existed.
    virtual Result<bool> remove(const QByteArray &key) = 0;
    // Removes every key that starts with `prefix`; returns how many.
    virtual Result<qint64> removePrefix(const QByteArray &prefix) = 0;
    // Adds `delta` to the integer at `key` (missing counts as 0) and returns the new value.
    // A ttl, if given, is set when the counter is created.
    virtual Result<qint64> increment(const QByteArray &key, qint64 delta = 1, Ttl ttl = NoExpiry) = 0;

    // A token bucket at `key`, shared by every user of the same cache: refills at
    // `perSecond` tokens per second up to `burst`, starts full, and this call takes one
    // token if one is there. Refill and take are one atomic step. Time comes from one
    // clock per back end (Redis: the server's TIME), so processes on different hosts agree.
    // The key holds text starting "tb1 " (get() shows it) and disappears once the bucket
    // would be full again. InvalidArgument for
    // burst < 1, perSecond <= 0 (or not finite), or a key that holds something else.
    virtual Result<TokenBucketResult> takeToken(const QByteArray &key, double burst,
                                                double perSecond) = 0;

    virtual Result<void> ping() = 0;
};

Result<std::unique_ptr<Cache>> openCache(const Config &config);

} // namespace helios::data
