// SPDX-License-Identifier: Apache-2.0
#include "environment_locks.h"

namespace helios::waypoint {

namespace {
QString keyOf(const QString &projectId, const QString &environment) { return projectId + QLatin1Char('/') + environment; }
} // namespace

bool EnvironmentLocks::tryLock(const QString &projectId, const QString &environment)
{
    const QMutexLocker locker(&m_mutex);
    const QString key = keyOf(projectId, environment);
    if (m_busy.contains(key))
        return false;
    m_busy.insert(key);
    return true;
}

void EnvironmentLocks::unlock(const QString &projectId, const QString &environment)
{
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
    if (m_acquired)
        m_locks.unlock(m_projectId, m_environment);
}

} // namespace helios::waypoint
