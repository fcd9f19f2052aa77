// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QMutex>
#include <QSet>
#include <QString>

namespace helios::data {
class Store;
}

namespace helios::waypoint {

// One deployment per environment at a time, across every process that shares the Store
// (helios serve, the workbench, helios deploy): a set in this process, and a lease row in
// environment_locks that names its holder ("host pid N #process.instance"). A lease left
// by a process that is gone is taken over at once when it ran on this machine (its pid
// names no process, or this one with another process token), else when it expires
// (LeaseMs: far longer than a deployment and its rollback may take). Held for the whole
// run of a deployment (or rollback) by an EnvironmentLock.
class EnvironmentLocks {
public:
    static constexpr qint64 LeaseMs = 30 * 60 * 1000;

    explicit EnvironmentLocks(data::Store &store);

    // Conflict naming who deploys to it (this process, or another with its host and pid);
    // a Store failure as it came.
    Result<void> tryLock(const QString &projectId, const QString &environment);
    void unlock(const QString &projectId, const QString &environment);

private:
    Result<void> lease(const QString &projectId, const QString &environment);

    data::Store &m_store;
    const QString m_holder;
    QMutex m_mutex;
    QSet<QString> m_busy;
};

class EnvironmentLock {
public:
    EnvironmentLock(EnvironmentLocks &locks, QString projectId, QString environment);
    ~EnvironmentLock();
    EnvironmentLock(const EnvironmentLock &) = delete;
    EnvironmentLock &operator=(const EnvironmentLock &) = delete;

    // Success when held; else why not.
    const Result<void> &acquired() const { return m_acquired; }

private:
    EnvironmentLocks &m_locks;
    QString m_projectId;
    QString m_environment;
    Result<void> m_acquired;
};

} // namespace helios::waypoint
