// SPDX-License-Identifier: Apache-2.0
#include "user_directory.h"

#include "session_cache.h"

#include "store/store.h"

#include <algorithm>

namespace helios::landing {

namespace {

QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseUtc(const QVariant &value) {
    // Written with a "Z" suffix, so this reads back as UTC.
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

Result<void> checkSubject(const QString &subject) {
    if (subject.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a user needs a subject"));
    if (subject.size() > UserDirectory::MaxSubjectLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a subject is at most %1 characters long")
                             .arg(UserDirectory::MaxSubjectLength));
    for (const QChar c : subject) {
        if (c.category() == QChar::Other_Control)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a subject must not contain control characters"));
    }
    return {};
}

Error notRegistered(const QString &subject) {
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("\"%1\" is not a registered user").arg(subject));
}

} // namespace

UserDirectory::UserDirectory(data::Store &store, data::Cache &cache)
    : m_store(store)
    , m_cache(cache) {}

Result<void> UserDirectory::add(const QString &subject, Role role) {
    HELIOS_TRY(checkSubject(subject));
    const QString now = nowUtc();
    const auto inserted = m_store.exec(
        QStringLiteral(
            "INSERT INTO users (subject, role, created_at, updated_at) VALUES ($1, $2, $3, $4)"),
        {subject, roleName(role), now, now});
    if (!inserted.ok() && inserted.error().code == ErrorCode::AlreadyExists)
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("\"%1\" is already a registered user").arg(subject));
    HELIOS_TRY(inserted);
    return {};
}

Result<void> UserDirectory::setRole(const QString &subject, Role role) {
    const auto changed = m_store.exec(
        QStringLiteral("UPDATE users SET role = $2, updated_at = $3 WHERE subject = $1"),
        {subject, roleName(role), nowUtc()});
    HELIOS_TRY(changed);
    if (*changed == 0)
        return notRegistered(subject);
    // After the Store: a request that read the old role before this point recorded the
    // old generation, which this makes stale.
    return SessionCache(m_cache).invalidate(subject);
}

Result<void> UserDirectory::remove(const QString &subject) {
    const auto removed =
        m_store.exec(QStringLiteral("DELETE FROM users WHERE subject = $1"), {subject});
    HELIOS_TRY(removed);
    if (*removed == 0)
        return notRegistered(subject);
    return SessionCache(m_cache).invalidate(subject);
}

Result<Role> UserDirectory::role(const QString &subject) {
    const auto rows =
        m_store.query(QStringLiteral("SELECT role FROM users WHERE subject = $1"), {subject});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return notRegistered(subject);
    const auto role = roleFromName(rows->rows.constFirst().value(0).toString());
    if (!role)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the users table holds an unknown role"), subject);
    return *role;
}

Result<QList<UserRecord>> UserDirectory::list() {
    const auto rows =
        m_store.query(QStringLiteral("SELECT subject, role, created_at, updated_at FROM users"));
    HELIOS_TRY(rows);
    QList<UserRecord> users;
    users.reserve(rows->rows.size());
    for (const QVariantList &row : rows->rows) {
        const auto role = roleFromName(row.value(1).toString());
        if (!role)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("the users table holds an unknown role"),
                             row.value(0).toString());
        users.append(UserRecord{row.value(0).toString(), *role, parseUtc(row.value(2)),
                                parseUtc(row.value(3))});
    }
    // Sorted here, not by SQL: PostgreSQL would order by the database's collation and
    // SQLite by bytes, and a listing should not depend on the back end.
    std::sort(users.begin(), users.end(),
              [](const UserRecord &a, const UserRecord &b) { return a.subject < b.subject; });
    return users;
}

} // namespace helios::landing
