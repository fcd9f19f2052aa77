// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "slate/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace helios::data {
class Bus;
class Cache;
class Store;
} // namespace helios::data

namespace helios::slate {

// One token file of a set, as its bytes: positions in diagnostics refer to these bytes,
// so they are stored verbatim.
struct TokenFile {
    QString fileName;
    QByteArray bytes;

    bool operator==(const TokenFile &other) const = default;
};

// What is known about one stored version without its files.
struct TokenSetInfo {
    QString name;
    int version = 0;
    QString author;
    QString createdAt;      // ISO-8601 UTC
    QString contentSha256;  // hex SHA-256 of the stored content
    int tokenCount = 0;

    bool operator==(const TokenSetInfo &other) const = default;
};

// One stored version with its files, in merge order.
struct StoredTokenSet {
    TokenSetInfo info;
    QList<TokenFile> files;
};

struct PublishOutcome {
    TokenSetInfo info;      // the new version, or the latest one when nothing changed
    bool created = false;   // false: the files equal the latest version's; nothing written
    Diagnostics warnings;   // non-error diagnostics of the accepted files
    // Non-empty when the version was stored but `token.updated` could not be published:
    // the Store is the truth, the event only a notification, so this is not a failure.
    QString eventProblem;
};

// Token sets shared through the data layer: versions in the Store (table token_sets),
// reads through the Cache (keys "slate:set:<name>:..."), `token.updated` on the Bus for
// every new version (subject = set name, data {name, version, tokenCount}).
//
// Versions count 1, 2, 3… per name without gaps: a publish reads the latest version and
// inserts the next in one transaction, and the (name, version) primary key makes two
// concurrent publishers collide instead of both succeeding; the loser retries.
//
// Cache entries of one version never change. The "latest", "versions" and list entries
// are removed on publish and expire after `mutableTtl`, which bounds how stale a reader
// racing a publisher on another machine can be. Any cache failure falls back to the Store.
//
// Thread-safe if the Store, Cache and Bus are (they are).
class TokenLibrary {
public:
    struct Options {
        std::chrono::milliseconds mutableTtl{std::chrono::minutes(5)};
        // Versions never change, so this only keeps unused ones from filling Redis.
        std::chrono::milliseconds immutableTtl{std::chrono::hours(24)};
        int maxPublishAttempts = 12;
    };

    TokenLibrary(data::Store &store, data::Cache &cache, data::Bus &bus);
    TokenLibrary(data::Store &store, data::Cache &cache, data::Bus &bus, Options options);

    // Validates the files (read and resolved together, in order) and stores them as the
    // next version of `name`. With any error diagnostic nothing is written: the result is
    // InvalidArgument and `diagnostics`, if given, receives every diagnostic found.
    // Conflict when concurrent publishers kept winning for maxPublishAttempts tries.
    Result<PublishOutcome> publish(const QString &name, const QList<TokenFile> &files, const QString &author,
                                   Diagnostics *diagnostics = nullptr);

    // NotFound when the set or the version does not exist.
    Result<StoredTokenSet> latest(const QString &name);
    Result<StoredTokenSet> version(const QString &name, int version);
    // Every version of `name`, oldest first; empty when the set does not exist.
    Result<QList<TokenSetInfo>> versions(const QString &name);
    // The latest version of every set, by name.
    Result<QList<TokenSetInfo>> list();

    // Drops every cache entry of `name` (for a Store changed by other means).
    void invalidate(const QString &name);

    // Names are 1-200 characters of letters, digits and "._-/@" (they are cache keys and
    // event subjects). Empty when valid, else why not.
    static QString nameProblem(const QString &name);

    static QByteArray cacheKeyPrefix() { return QByteArrayLiteral("slate:set:"); }

private:
    Result<StoredTokenSet> readVersion(const QString &name, int version, const QByteArray &cacheKey);
    std::optional<QByteArray> cacheGet(const QByteArray &key);
    void cacheSet(const QByteArray &key, const QByteArray &value, std::chrono::milliseconds ttl);
    void cacheRemove(const QByteArray &key);

    data::Store &m_store;
    data::Cache &m_cache;
    data::Bus &m_bus;
    Options m_options;
};

} // namespace helios::slate
