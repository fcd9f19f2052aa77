// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "identity.h"

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace helios::data {
class Cache;
}

namespace helios::landing {

// Verified tokens remembered in the Cache, so that a repeated request skips the signature
// and the Store. A session lives under "session:" + hex(SHA-256(token)) until the token
// expires, at most MaxLifetime; the token itself is never stored.
//
// Invalidation: each subject has a generation under "session-gen:<subject>", a counter
// that invalidate() moves by a random non-zero step. A session records the generation
// read *before* the role was looked up, and is valid only while it is still current. So a
// role change (Store first, then invalidate()) also defeats a request that read the old
// role while the change was happening. A missing generation (evicted, expired) makes every
// session of the subject invalid, never valid again: the cache may forget anything.
// Thread-safe, like the Cache.
class SessionCache {
public:
    static constexpr std::chrono::minutes MaxLifetime{15};

    explicit SessionCache(data::Cache &cache);

    // The identity of a live session for `token`, nullopt when there is none.
    Result<std::optional<Identity>> find(QByteArrayView token, const QDateTime &now);

    // The subject's current generation, created when missing. Read it before the role.
    Result<qint64> generation(const QString &subject);

    // Remembers `identity` for `token` under `generation`, until min(expires, now +
    // MaxLifetime). A token that has already expired is not remembered.
    Result<void> remember(QByteArrayView token, const Identity &identity, qint64 generation,
                          const QDateTime &now);

    // Ends every session of `subject`, in every process sharing the Cache.
    Result<void> invalidate(const QString &subject);

private:
    data::Cache &m_cache;
};

} // namespace helios::landing
