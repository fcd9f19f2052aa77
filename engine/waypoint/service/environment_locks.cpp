// SPDX-License-Identifier: Apache-2.0
#include "environment_locks.h"

#include "core/ids.h"
#include "core/logging.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace helios::waypoint {

namespace {

QString keyOf(const QString &projectId, const QString &environment) { return projectId + QLatin1Char('/') + environment; }

Error busy(const QString &environment, const QString &where)
{
    return makeError(ErrorCode::Conflict,
                     QStringLiteral("a deployment to %1 is running %2; try again when it has finished").arg(environment, where),
                     environment);
}

// Names this process among all that had its pid on this host (a restarted container's
// first process has the same pid every time).
std::atomic_int instances{0};

const QString &processToken()
{
    static const QString token = newId().left(8);
    return token;
}

// Whether `holder` ("host pid N #process.instance") is a process on this machine that no
// longer runs: its pid names no process, or names this one with another process token.
bool isGoneFromThisHost(const QString &holder)
{
    const QStringList parts = holder.split(QLatin1Char(' '));
    if (parts.size() != 4 || parts.at(0) != QSysInfo::machineHostName() || parts.at(1) != u"pid")
        return false;
    bool ok = false;
    const qint64 pid = parts.at(2).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return !parts.at(3).startsWith(QLatin1Char('#') + processToken() + QLatin1Char('.'));
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

EnvironmentLocks::EnvironmentLocks(data::Store &store)
    : m_store(store),
      m_holder(QStringLiteral("%1 pid %2 #%3.%4")
                   .arg(QSysInfo::machineHostName())
                   .arg(QCoreApplication::applicationPid())
                   .arg(processToken())
                   .arg(++instances))
{
}

Result<void> EnvironmentLocks::tryLock(const QString &projectId, const QString &environment)
{
    const QString key = keyOf(projectId, environment);
    {
        const QMutexLocker locker(&m_mutex);
        if (m_busy.contains(key))
            return busy(environment, QStringLiteral("in this process"));
        m_busy.insert(key);
    }
    Result<void> leased = lease(projectId, environment);
    if (!leased.ok()) {
        const QMutexLocker locker(&m_mutex);
        m_busy.remove(key);
    }
    return leased;
}

Result<void> EnvironmentLocks::lease(const QString &projectId, const QString &environment)
{
    // Taken when no row exists or the one there has expired: both back ends count the row
    // as changed only then. A row given back between the statements is taken next round.
    for (int round = 0; round < 2; ++round) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto taken = m_store.exec(
            QStringLiteral("INSERT INTO environment_locks (project_id, environment, holder, expires_at) VALUES ($1, $2, $3, $4)"
                           " ON CONFLICT (project_id, environment) DO UPDATE SET holder = excluded.holder,"
                           " expires_at = excluded.expires_at WHERE environment_locks.expires_at < $5"),
            {projectId, environment, m_holder, now + LeaseMs, now});
        HELIOS_TRY(taken);
        if (*taken > 0)
            return {};
        const auto rows = m_store.query(
            QStringLiteral("SELECT holder, expires_at FROM environment_locks WHERE project_id = $1 AND environment = $2"),
            {projectId, environment});
        HELIOS_TRY(rows);
        if (rows->isEmpty())
            continue;
        const QString holder = rows->value(0, QStringLiteral("holder")).toString();
        if (isGoneFromThisHost(holder)) {
            const auto stolen = m_store.exec(
                QStringLiteral("UPDATE environment_locks SET holder = $3, expires_at = $4"
                               " WHERE project_id = $1 AND environment = $2 AND holder = $5"),
                {projectId, environment, m_holder, now + LeaseMs, holder});
            HELIOS_TRY(stolen);
            if (*stolen > 0) {
                qCInfo(lcWaypoint) << "took over the lock of" << environment << "from" << holder << "which no longer runs";
                return {};
            }
        }
        const QDateTime expires = QDateTime::fromMSecsSinceEpoch(rows->value(0, QStringLiteral("expires_at")).toLongLong(), Qt::UTC);
        return busy(environment, QStringLiteral("in another process (%1; its lock lapses at %2 at the latest)")
                                     .arg(holder, expires.toString(Qt::ISODate)));
    }
    return busy(environment, QStringLiteral("elsewhere"));
}

void EnvironmentLocks::unlock(const QString &projectId, const QString &environment)
{
    const auto released = m_store.exec(
        QStringLiteral("DELETE FROM environment_locks WHERE project_id = $1 AND environment = $2 AND holder = $3"),
        {projectId, environment, m_holder});
    if (!released.ok())
        qCWarning(lcWaypoint) << "could not give back the lock of" << environment << ":" << released.error().toString();
    const QMutexLocker locker(&m_mutex);
    m_busy.remove(keyOf(projectId, environment));
}

EnvironmentLock::EnvironmentLock(EnvironmentLocks &locks, QString projectId, QString environment)
    : m_locks(locks), m_projectId(std::move(projectId)), m_environment(std::move(environment)),
      m_acquired(locks.tryLock(m_projectId, m_environment))
{
}

EnvironmentLock::~EnvironmentLock()
{
    if (m_acquired.ok())
        m_locks.unlock(m_projectId, m_environment);
}

} // namespace helios::waypoint
