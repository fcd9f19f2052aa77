// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cache/cache.h"

#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

// The cluster Cache: Redis through hiredis's synchronous API, one connection behind a
// mutex.
//
// Addressing: REDIS_URL (redis://[[user]:password@]host:port/db), or REDIS_SENTINEL_URL
// (redis://[:password@]host:port/<master>, default master "mymaster"), in which case the
// master is asked of the Sentinel on every (re)connect so a failover is followed; the
// master's credentials and db then come from REDIS_URL if set, else from the Sentinel URL.
//
// Failures: a lost connection is re-opened with exponential backoff (50 ms doubling, capped
// at 1 s, for at most 2 x HELIOS_CONNECT_TIMEOUT_MS). Idempotent commands (GET, SET,
// UNLINK, SCAN, PING) are then sent once more. INCRBY is not repeated when it may have
// reached the server, since it could be applied twice; the caller gets Unavailable. A stale
// socket (the server closed it while idle) is detected before sending, so a server restart
// between calls costs nothing but a reconnect, also for counters.
class RedisCache final : public Cache {
public:
    // Connects (within the connect timeout) and logs in. Unavailable when the server or
    // Sentinel cannot be reached, Unauthenticated when the password is refused,
    // InvalidArgument for a malformed URL. Contexts carry the redacted URL.
    static Result<std::unique_ptr<RedisCache>> open(const Config &config);
    ~RedisCache() override;

    QString kind() const override;
    QString location() const override;

    Result<std::optional<QByteArray>> get(const QByteArray &key) override;
    Result<void> set(const QByteArray &key, const QByteArray &value, Ttl ttl = NoExpiry) override;
    Result<bool> remove(const QByteArray &key) override;
    Result<qint64> removePrefix(const QByteArray &prefix) override;
    Result<qint64> increment(const QByteArray &key, qint64 delta = 1, Ttl ttl = NoExpiry) override;
    // One Lua script (EVALSHA, EVAL after NOSCRIPT) on the server's TIME; not resent
    // after a transport failure, like INCRBY.
    Result<TokenBucketResult> takeToken(const QByteArray &key, double burst,
                                        double perSecond) override;
    Result<void> ping() override;

private:
    class Private;
    explicit RedisCache(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace helios::data
