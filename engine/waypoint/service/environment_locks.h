// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMutex>
#include <QSet>
#include <QString>

namespace helios::waypoint {

// One deployment per environment at a time, in this process. Held for the whole run of
// a deployment (or rollback) by an EnvironmentLock.
class EnvironmentLocks {
public:
    bool tryLock(const QString &projectId, const QString &environment);
    void unlock(const QString &projectId, const QString &environment);

private:
    QMutex m_mutex;
    QSet<QString> m_busy;
};

class EnvironmentLock {
public:
    EnvironmentLock(EnvironmentLocks &locks, QString projectId, QString environment);
    ~EnvironmentLock();
    EnvironmentLock(const EnvironmentLock &) = delete;
    EnvironmentLock &operator=(const EnvironmentLock &) = delete;

    bool acquired() const { return m_acquired; }

private:
    EnvironmentLocks &m_locks;
    QString m_projectId;
    QString m_environment;
    bool m_acquired = false;
};

} // namespace helios::waypoint
