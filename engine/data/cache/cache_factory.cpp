// SPDX-License-Identifier: Apache-2.0
// openCache(): the one place that decides which Cache back end a Config gets.
#include "cache/cache.h"

#include "cache/memory_cache.h"
#include "cache/redis_cache.h"
#include "core/config.h"

namespace helios::data {

Result<std::unique_ptr<Cache>> openCache(const Config &config) {
    if (config.redisUrl().isEmpty() && config.redisSentinelUrl().isEmpty())
        return std::unique_ptr<Cache>(std::make_unique<MemoryCache>());
    auto redis = RedisCache::open(config);
    HELIOS_TRY(redis);
    return std::unique_ptr<Cache>(std::move(redis).value());
}

} // namespace helios::data
