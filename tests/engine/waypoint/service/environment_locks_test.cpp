// SPDX-License-Identifier: Apache-2.0
// One deployment per environment across processes (migration 7), on SQLite (unit) and
// PostgreSQL (integration): two openings of one Store stand for two processes. The second
// is refused while the first holds an environment, with the holder named; a lease left by
// a process of this machine that is gone is taken over, one from another machine only
// once it expired; giving a lock back frees it for the other.
#include "waypoint/service/environment_locks.h"

#include "backend_under_test.h"
#include "core/config.h"
#include "core/ids.h"
#include "store/store.h"

#include <QDateTime>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace helios;
using namespace helios::waypoint;

class EnvironmentLocksTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { m_project = QStringLiteral("project-") + newId(); }
    void anotherProcessIsRefusedUntilTheLockIsGivenBack();
    void theSameProcessIsRefusedToo();
    void aLeaseOfAProcessGoneFromThisMachineIsTakenOver();
    void aLeaseFromAnotherMachineWaitsForItsExpiry();

private:
    std::unique_ptr<data::Store> openStore();
    void plantLease(const QString &environment, const QString &holder, qint64 expiresAt);

    QTemporaryDir m_dir;
    std::unique_ptr<data::Store> m_first, m_second;
    QString m_project;
};

std::unique_ptr<data::Store> EnvironmentLocksTest::openStore()
{
    auto store = data::openStore(test::configFor(m_dir.path(), {QStringLiteral("DATABASE_URL")}));
    if (!store.ok())
        qWarning("%s", qPrintable(store.error().toString()));
    return store.ok() ? std::move(*store) : nullptr;
}

void EnvironmentLocksTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_first = openStore();
    m_second = openStore();
    QVERIFY(m_first && m_second);
}

void EnvironmentLocksTest::plantLease(const QString &environment, const QString &holder, qint64 expiresAt)
{
    const auto planted = m_first->exec(
        QStringLiteral("INSERT INTO environment_locks (project_id, environment, holder, expires_at) VALUES ($1, $2, $3, $4)"),
        {m_project, environment, holder, expiresAt});
    QVERIFY2(planted.ok(), qPrintable(planted.ok() ? QString() : planted.error().toString()));
}

void EnvironmentLocksTest::anotherProcessIsRefusedUntilTheLockIsGivenBack()
{
    EnvironmentLocks first(*m_first), second(*m_second);
    QVERIFY(first.tryLock(m_project, QStringLiteral("prod")).ok());

    const Result<void> refused = second.tryLock(m_project, QStringLiteral("prod"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    const QString holder = QStringLiteral("%1 pid %2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    QVERIFY2(refused.error().message.contains(QStringLiteral("in another process (") + holder), qPrintable(refused.error().message));
    // Another environment, or the same name in another project, is free.
    QVERIFY(second.tryLock(m_project, QStringLiteral("staging")).ok());
    QVERIFY(second.tryLock(QStringLiteral("other-") + m_project, QStringLiteral("prod")).ok());

    first.unlock(m_project, QStringLiteral("prod"));
    QVERIFY(second.tryLock(m_project, QStringLiteral("prod")).ok());
    // Giving back a lock it does not hold changes nothing for its holder.
    first.unlock(m_project, QStringLiteral("prod"));
    QVERIFY(!first.tryLock(m_project, QStringLiteral("prod")).ok());
}

void EnvironmentLocksTest::theSameProcessIsRefusedToo()
{
    EnvironmentLocks locks(*m_first);
    {
        const EnvironmentLock held(locks, m_project, QStringLiteral("dev"));
        QVERIFY(held.acquired().ok());
        const EnvironmentLock again(locks, m_project, QStringLiteral("dev"));
        QVERIFY(!again.acquired().ok());
        QVERIFY2(again.acquired().error().message.contains(QStringLiteral("in this process")),
                 qPrintable(again.acquired().error().message));
    }
    // Both gone: the refused one gave back nothing, the held one its lease.
    const auto rows = m_first->query(QStringLiteral("SELECT holder FROM environment_locks WHERE project_id = $1"), {m_project});
    QVERIFY(rows.ok());
    QVERIFY(rows->isEmpty());
}

void EnvironmentLocksTest::aLeaseOfAProcessGoneFromThisMachineIsTakenOver()
{
    // A process that ran here and ended (reaped by QProcess): its pid names no process.
    QProcess ended;
    ended.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
    QVERIFY(ended.waitForFinished(10000));
    const qint64 deadPid = ended.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(deadPid > 0);
    const qint64 hourAhead = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    plantLease(QStringLiteral("prod"), QStringLiteral("%1 pid %2 #crashed").arg(QSysInfo::machineHostName()).arg(deadPid), hourAhead);

    EnvironmentLocks locks(*m_second);
    const Result<void> taken = locks.tryLock(m_project, QStringLiteral("prod"));
    QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().toString()));

    // An earlier process that had this process's pid (a restarted container's first
    // process): another process token, so gone too.
    plantLease(QStringLiteral("qa"),
               QStringLiteral("%1 pid %2 #earlier.1").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid()), hourAhead);
    QVERIFY(locks.tryLock(m_project, QStringLiteral("qa")).ok());

    // A live process keeps its lease: another process's (the parent of this test, which
    // runs) and this process's own through another EnvironmentLocks.
    plantLease(QStringLiteral("staging"),
               QStringLiteral("%1 pid %2 #parent.1").arg(QSysInfo::machineHostName()).arg(qint64(::getppid())), hourAhead);
    QVERIFY(!locks.tryLock(m_project, QStringLiteral("staging")).ok());
    EnvironmentLocks sibling(*m_first);
    QVERIFY(sibling.tryLock(m_project, QStringLiteral("dev")).ok());
    QVERIFY(!locks.tryLock(m_project, QStringLiteral("dev")).ok());
}

void EnvironmentLocksTest::aLeaseFromAnotherMachineWaitsForItsExpiry()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    plantLease(QStringLiteral("prod"), QStringLiteral("elsewhere pid 1 #remote"), now + 60000);
    plantLease(QStringLiteral("staging"), QStringLiteral("elsewhere pid 1 #remote"), now - 1000);
    EnvironmentLocks locks(*m_first);
    const Result<void> refused = locks.tryLock(m_project, QStringLiteral("prod"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("elsewhere pid 1 #remote")), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QDateTime::fromMSecsSinceEpoch(now + 60000, Qt::UTC).toString(Qt::ISODate)),
             qPrintable(refused.error().message));
    QVERIFY(locks.tryLock(m_project, QStringLiteral("staging")).ok()); // expired
}

QTEST_GUILESS_MAIN(EnvironmentLocksTest)
#include "environment_locks_test.moc"
