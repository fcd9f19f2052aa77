// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cache/cache.h"

#include <memory>

namespace helios::data {

// The embedded Cache: an in-process LRU with per-key TTL, bounded by a byte budget.
//
// Every entry is charged key size + value size + EntryOverhead bytes. When a write takes
// the total over the budget, expired entries go first, then the least recently used ones.
// A value that alone exceeds the budget is not kept (a cache may forget anything).
// get/set/remove/increment are O(1) on average (a hash plus an intrusive LRU list);
// removePrefix is O(log n + k) through an ordered key index; expiry is lazy on access and
// eager (through an expiry-ordered index) when room is needed. Thread-safe (one mutex).
class MemoryCache final : public Cache {
public:
    static constexpr qint64 DefaultByteBudget = 64LL * 1024 * 1024;
    // Approximate bookkeeping cost of one entry (nodes, pointers, time stamps).
    static constexpr qint64 EntryOverhead = 128;

    explicit MemoryCache(qint64 byteBudget = DefaultByteBudget);
    ~MemoryCache() override;

    QString kind() const override;
    QString location() const override;

    Result<std::optional<QByteArray>> get(const QByteArray &key) override;
    Result<void> set(const QByteArray &key, const QByteArray &value, Ttl ttl = NoExpiry) override;
    Result<bool> remove(const QByteArray &key) override;
    Result<qint64> removePrefix(const QByteArray &prefix) override;
    Result<qint64> increment(const QByteArray &key, qint64 delta = 1, Ttl ttl = NoExpiry) override;
    Result<TokenBucketResult> takeToken(const QByteArray &key, double burst,
                                        double perSecond) override;
    Result<void> ping() override;

    // Bytes currently charged against the budget, and the number of live entries
    // (expired ones not yet collected included). For tests and status output.
    qint64 usedBytes() const;
    qint64 entryCount() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::data
