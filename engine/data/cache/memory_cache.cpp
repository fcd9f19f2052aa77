// SPDX-License-Identifier: Apache-2.0
#include "cache/memory_cache.h"

#include "cache/token_bucket.h"
#include "core/logging.h"

#include <QHashFunctions>

#include <map>
#include <mutex>
#include <unordered_map>

namespace helios::data {

namespace {

using Clock = std::chrono::steady_clock;

struct KeyHash {
    size_t operator()(const QByteArray &key) const noexcept { return qHash(key); }
};

struct Entry;
// Keys are implicitly shared between the indexes, so a key's bytes are stored once.
using OrderedIndex = std::map<QByteArray, Entry *>;
using ExpiryIndex = std::multimap<Clock::time_point, Entry *>;

struct Entry {
    QByteArray value;
    OrderedIndex::iterator ordered; // ordered->first is the key
    ExpiryIndex::iterator expiry;   // valid only when `expires`
    bool expires = false;
    // Intrusive LRU list: head is the most recently used.
    Entry *prev = nullptr;
    Entry *next = nullptr;
};

// A bucket is stored as text, "tb1 <tokens> <steady-clock nanoseconds>", so that get()
// shows something readable and a key holding anything else is recognised as such.
constexpr QByteArrayView BucketTag("tb1");

QByteArray encodeBucket(double tokens, Clock::time_point at) {
    return BucketTag.toByteArray() + ' ' + QByteArray::number(tokens, 'g', 17) + ' ' +
           QByteArray::number(qint64(at.time_since_epoch().count()));
}

bool decodeBucket(const QByteArray &value, double &tokens, Clock::time_point &at) {
    const QList<QByteArray> parts = value.split(' ');
    if (parts.size() != 3 || parts[0] != BucketTag)
        return false;
    bool tokensOk = false;
    bool atOk = false;
    tokens = parts[1].toDouble(&tokensOk);
    at = Clock::time_point(Clock::duration(parts[2].toLongLong(&atOk)));
    return tokensOk && atOk;
}

qint64 costOf(qsizetype keySize, qsizetype valueSize) {
    return qint64(keySize) + qint64(valueSize) + MemoryCache::EntryOverhead;
}

} // namespace

class MemoryCache::Private {
public:
    explicit Private(qint64 budget)
        : byteBudget(budget) {}

    const qint64 byteBudget;
    mutable std::mutex mutex;
    std::unordered_map<QByteArray, Entry, KeyHash> entries;
    OrderedIndex ordered;
    ExpiryIndex expiries;
    Entry *head = nullptr;
    Entry *tail = nullptr;
    qint64 used = 0;

    void unlink(Entry *e) {
        (e->prev ? e->prev->next : head) = e->next;
        (e->next ? e->next->prev : tail) = e->prev;
        e->prev = e->next = nullptr;
    }

    void pushFront(Entry *e) {
        e->prev = nullptr;
        e->next = head;
        (head ? head->prev : tail) = e;
        head = e;
    }

    void touch(Entry *e) {
        if (head == e)
            return;
        unlink(e);
        pushFront(e);
    }

    void clearExpiry(Entry *e) {
        if (e->expires) {
            expiries.erase(e->expiry);
            e->expires = false;
        }
    }

    void setExpiry(Entry *e, Clock::time_point now, Ttl ttl) {
        clearExpiry(e);
        if (ttl > Ttl::zero()) {
            e->expiry = expiries.emplace(now + ttl, e);
            e->expires = true;
        }
    }

    static bool expired(const Entry *e, Clock::time_point now) {
        return e->expires && e->expiry->first <= now;
    }

    void erase(Entry *e) {
        const QByteArray key = e->ordered->first; // keep the key alive while erasing by it
        used -= costOf(key.size(), e->value.size());
        unlink(e);
        clearExpiry(e);
        ordered.erase(e->ordered);
        entries.erase(key);
    }

    // The live entry for `key`, or nullptr; an expired entry is dropped on the way.
    Entry *find(const QByteArray &key, Clock::time_point now) {
        const auto it = entries.find(key);
        if (it == entries.end())
            return nullptr;
        Entry *e = &it->second;
        if (expired(e, now)) {
            erase(e);
            return nullptr;
        }
        return e;
    }

    Entry *insert(const QByteArray &key, const QByteArray &value) {
        auto [it, inserted] = entries.try_emplace(key);
        Q_ASSERT(inserted);
        Entry *e = &it->second;
        e->value = value;
        e->ordered = ordered.emplace(it->first, e).first;
        pushFront(e);
        used += costOf(key.size(), value.size());
        return e;
    }

    void replaceValue(Entry *e, const QByteArray &value) {
        used += qint64(value.size()) - qint64(e->value.size());
        e->value = value;
    }

    // Brings `used` back under the budget: expired entries first, then least recently used.
    void makeRoom(Clock::time_point now) {
        while (used > byteBudget && !expiries.empty() && expiries.begin()->first <= now)
            erase(expiries.begin()->second);
        while (used > byteBudget && tail)
            erase(tail);
    }
};

MemoryCache::MemoryCache(qint64 byteBudget)
    : d(std::make_unique<Private>(byteBudget > 0 ? byteBudget : DefaultByteBudget)) {}

MemoryCache::~MemoryCache() = default;

QString MemoryCache::kind() const {
    return QStringLiteral("memory");
}

QString MemoryCache::location() const {
    return QStringLiteral("in-process (budget %1 bytes)").arg(d->byteBudget);
}

Result<std::optional<QByteArray>> MemoryCache::get(const QByteArray &key) {
    std::lock_guard lock(d->mutex);
    Entry *e = d->find(key, Clock::now());
    if (!e)
        return std::optional<QByteArray>();
    d->touch(e);
    return std::optional<QByteArray>(e->value);
}

Result<void> MemoryCache::set(const QByteArray &key, const QByteArray &value, Ttl ttl) {
    if (ttl < Ttl::zero())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a cache ttl must not be negative"),
                         QString::fromUtf8(key));
    const auto now = Clock::now();
    std::lock_guard lock(d->mutex);
    if (costOf(key.size(), value.size()) > d->byteBudget) {
        // Keeping it would evict everything else and still not fit; a stale old value
        // must not survive the overwrite either.
        qCDebug(lcCache) << "value of" << value.size()
                         << "bytes exceeds the cache budget; not cached";
        if (Entry *old = d->find(key, now))
            d->erase(old);
        return {};
    }
    const auto it = d->entries.find(key);
    Entry *e = nullptr;
    if (it != d->entries.end()) {
        e = &it->second;
        d->replaceValue(e, value);
        d->touch(e);
    } else {
        e = d->insert(key, value);
    }
    d->setExpiry(e, now, ttl);
    d->makeRoom(now);
    return {};
}

Result<bool> MemoryCache::remove(const QByteArray &key) {
    std::lock_guard lock(d->mutex);
    Entry *e = d->find(key, Clock::now());
    if (!e)
        return false;
    d->erase(e);
    return true;
}

Result<qint64> MemoryCache::removePrefix(const QByteArray &prefix) {
    const auto now = Clock::now();
    std::lock_guard lock(d->mutex);
    qint64 removed = 0;
    auto it = d->ordered.lower_bound(prefix);
    while (it != d->ordered.end() && it->first.startsWith(prefix)) {
        Entry *e = it->second;
        ++it; // erase() invalidates only the erased node
        if (!Private::expired(e, now))
            ++removed;
        d->erase(e);
    }
    return removed;
}

Result<qint64> MemoryCache::increment(const QByteArray &key, qint64 delta, Ttl ttl) {
    if (ttl < Ttl::zero())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a cache ttl must not be negative"),
                         QString::fromUtf8(key));
    const auto now = Clock::now();
    std::lock_guard lock(d->mutex);
    Entry *e = d->find(key, now);
    qint64 result = delta;
    if (e) {
        bool isNumber = false;
        const qint64 current = e->value.toLongLong(&isNumber);
        if (!isNumber)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the cached value is not an integer"),
                             QString::fromUtf8(key));
        if (__builtin_add_overflow(current, delta, &result))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("incrementing the counter would overflow"),
                             QString::fromUtf8(key));
        d->replaceValue(e, QByteArray::number(result));
        d->touch(e); // an existing counter keeps its expiry, as in Redis
    } else {
        e = d->insert(key, QByteArray::number(result));
        d->setExpiry(e, now, ttl);
    }
    d->makeRoom(now);
    return result;
}

Result<TokenBucketResult> MemoryCache::takeToken(const QByteArray &key, double burst,
                                                 double perSecond) {
    HELIOS_TRY(checkTokenBucket(burst, perSecond, QString::fromUtf8(key)));
    const auto now = Clock::now();
    std::lock_guard lock(d->mutex);
    Entry *e = d->find(key, now);
    double tokens = burst;
    Clock::time_point last = now;
    if (e && !decodeBucket(e->value, tokens, last))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the cached value is not a token bucket"),
                         QString::fromUtf8(key));
    const double elapsed = std::chrono::duration<double>(now - last).count();
    const TokenBucketResult result = takeFromBucket(tokens, elapsed, burst, perSecond);
    const QByteArray value = encodeBucket(tokens, now);
    if (e) {
        d->replaceValue(e, value);
        d->touch(e);
    } else {
        e = d->insert(key, value);
    }
    // Once full again the bucket is indistinguishable from a missing one: let it go.
    d->setExpiry(e, now, timeUntilFull(tokens, burst, perSecond));
    d->makeRoom(now);
    return result;
}

Result<void> MemoryCache::ping() {
    return {};
}

qint64 MemoryCache::usedBytes() const {
    std::lock_guard lock(d->mutex);
    return d->used;
}

qint64 MemoryCache::entryCount() const {
    std::lock_guard lock(d->mutex);
    return qint64(d->entries.size());
}

} // namespace helios::data
