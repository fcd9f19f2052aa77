// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "identity.h"

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace helios::data {
class Cache;
class Store;
} // namespace helios::data

namespace helios::landing {

struct UserRecord {
    QString subject;
    Role role = Role::Viewer;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
};

// Who may use the server, and with which role: the Store's `users` table (migration 3),
// keyed by the JWT "sub". A role change or removal also ends the subject's sessions in
// the Cache (SessionCache::invalidate), so it takes effect on the next request of every
// process sharing that Cache. Thread-safe, like the Store and Cache.
class UserDirectory {
public:
    static constexpr qsizetype MaxSubjectLength = 255;

    UserDirectory(data::Store &store, data::Cache &cache);

    // AlreadyExists if the subject is registered; InvalidArgument for an empty subject, one
    // longer than MaxSubjectLength or one with control characters.
    Result<void> add(const QString &subject, Role role);
    // NotFound if the subject is not registered. When the Store was changed but the
    // sessions could not be ended, the Cache's error is returned: the change is made, and
    // repeating the call ends the sessions.
    Result<void> setRole(const QString &subject, Role role);
    Result<void> remove(const QString &subject);
    // NotFound if the subject is not registered.
    Result<Role> role(const QString &subject);
    // Every user, ordered by subject.
    Result<QList<UserRecord>> list();

private:
    data::Store &m_store;
    data::Cache &m_cache;
};

} // namespace helios::landing
