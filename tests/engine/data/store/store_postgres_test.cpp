// SPDX-License-Identifier: Apache-2.0
// Cases only the PostgreSQL Store has: the analytics replica, an unreachable or
// restarted server, credentials. Registered once, as an integration test.
#include "backend_under_test.h"
#include "store/store.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace helios;
using namespace helios::data;

#define STORE_VERIFY(expr)                                                                                  \
    do {                                                                                                    \
        const auto &storeResult_ = (expr);                                                                  \
        QVERIFY2(storeResult_.ok(), qPrintable(storeResult_.ok() ? QString() : storeResult_.error().toString())); \
    } while (false)

Q_DECLARE_METATYPE(helios::ErrorCode)

namespace {

const QStringList StoreKeys = {QStringLiteral("DATABASE_URL"), QStringLiteral("DATABASE_REPLICA_URL")};

// Starts the server again if a test stopped it and failed before it could.
struct StartServiceOnExit {
    ~StartServiceOnExit()
    {
        QString why;
        if (!test::startService(QStringLiteral("postgres"), &why))
            qWarning("could not start postgres again: %s", qPrintable(why));
    }
};

QString withPassword(const QString &url, const QString &password)
{
    QUrl u(url);
    u.setPassword(password);
    return u.toString();
}

} // namespace

class StorePostgresTest : public QObject {
    Q_OBJECT

private:
    Config config() const { return test::configFor(m_dir.path(), StoreKeys); }
    Config configWithUrl(const QString &url) const
    {
        Config c = config();
        c.set(QStringLiteral("DATABASE_URL"), url);
        c.set(QStringLiteral("DATABASE_REPLICA_URL"), QString());
        return c;
    }
    static bool inRecovery(Store &store, ReadFrom from, QString *why)
    {
        const auto rows = store.query(QStringLiteral("SELECT pg_is_in_recovery()"), {}, from);
        if (!rows.ok()) {
            *why = rows.error().toString();
            return false;
        }
        return rows->rows.constFirst().value(0).toBool();
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(test::realBackend(), "store_postgres_test needs HELIOS_TEST_BACKEND=real and scripts/test's servers");
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase()
    {
        auto store = openStore(config());
        if (store.ok())
            STORE_VERIFY((*store)->exec(QStringLiteral("DROP TABLE IF EXISTS restart_items")));
    }

    void testAnalyticsReadsGoToTheReplica()
    {
        auto store = openStore(config());
        STORE_VERIFY(store);
        QString why;
        QVERIFY2(!inRecovery(**store, ReadFrom::Primary, &why) && why.isEmpty(), qPrintable(why));
        QVERIFY2(inRecovery(**store, ReadFrom::Analytics, &why), qPrintable(why));
        const QString replicaPort = QString::number(QUrl(config().databaseReplicaUrl()).port());
        QVERIFY2((*store)->location().contains(replicaPort), qPrintable((*store)->location()));

        // It is the same database, streamed: a primary write shows up there soon.
        const QString marker = QStringLiteral("replicated-%1").arg(QDateTime::currentMSecsSinceEpoch());
        STORE_VERIFY((*store)->exec(QStringLiteral("DELETE FROM events_seen WHERE consumer = $1"),
                                    {QStringLiteral("replica-test")}));
        STORE_VERIFY((*store)->exec(QStringLiteral("INSERT INTO events_seen (consumer, event_id) VALUES ($1, $2)"),
                                    {QStringLiteral("replica-test"), marker}));
        auto seenOnReplica = [&] {
            const auto rows = (*store)->query(QStringLiteral("SELECT count(*) FROM events_seen WHERE event_id = $1"),
                                              {marker}, ReadFrom::Analytics);
            return rows.ok() ? rows->rows.constFirst().value(0).toLongLong() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(seenOnReplica(), 1, 15000);
    }

    void testAnalyticsReadsUseThePrimaryWithoutAReplica()
    {
        Config c = config();
        c.set(QStringLiteral("DATABASE_REPLICA_URL"), QString());
        auto store = openStore(c);
        STORE_VERIFY(store);
        QString why;
        QVERIFY2(!inRecovery(**store, ReadFrom::Analytics, &why) && why.isEmpty(), qPrintable(why));
    }

    void testServerDownAtStartIsUnavailable()
    {
        const QString address = test::deadTcpAddress();
        const QString secret = QStringLiteral("down-secret-pw");
        auto store = openStore(configWithUrl(QStringLiteral("postgresql://helios:%1@%2/helios_test").arg(secret, address)));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::Unavailable);
        QVERIFY2(store.error().context.contains(address), qPrintable(store.error().toString()));
        QVERIFY2(!store.error().toString().contains(secret), qPrintable(store.error().toString()));
        QVERIFY(!store.error().message.isEmpty());
    }

    void testWrongPasswordIsUnauthenticated()
    {
        const QString secret = QStringLiteral("wrong-secret-pw");
        auto store = openStore(configWithUrl(withPassword(config().databaseUrl(), secret)));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::Unauthenticated);
        QVERIFY2(store.error().message.contains(QLatin1StringView("password")), qPrintable(store.error().toString()));
        QVERIFY2(!store.error().toString().contains(secret), qPrintable(store.error().toString()));
    }

    void testMalformedUrlIsRejected_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("a port that is not a number")
            << QStringLiteral("postgresql://helios:malformed-pw@127.0.0.1:notaport/helios_test");
        QTest::newRow("an unknown connection option")
            << QStringLiteral("postgresql://helios:malformed-pw@127.0.0.1:25432/helios_test?no_such_option=1");
        QTest::newRow("a URL for another kind of database") << QStringLiteral("mysql://helios:malformed-pw@127.0.0.1/x");
        QTest::newRow("an unterminated IPv6 host") << QStringLiteral("postgresql://helios:malformed-pw@[::1/helios_test");
    }
    void testMalformedUrlIsRejected()
    {
        QFETCH(QString, url);
        auto store = openStore(configWithUrl(url));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(!store.error().toString().contains(QLatin1StringView("malformed-pw")), qPrintable(store.error().toString()));
    }

    void testServerGoingAwayIsUnavailableThenRecovers()
    {
        auto store = openStore(config());
        STORE_VERIFY(store);
        STORE_VERIFY((*store)->ping());
        const QString password = QUrl(config().databaseUrl()).password();
        {
            StartServiceOnExit restart;
            QString why;
            QVERIFY2(test::stopService(QStringLiteral("postgres"), &why), qPrintable(why));
            const auto down = (*store)->query(QStringLiteral("SELECT 1"));
            QVERIFY(!down.ok());
            QCOMPARE(down.error().code, ErrorCode::Unavailable);
            QVERIFY2(!down.error().toString().contains(password), qPrintable(down.error().toString()));
        }
        STORE_VERIFY((*store)->ping());
    }

    void testRestartKeepsAcknowledgedWrites()
    {
        auto opened = openStore(config());
        STORE_VERIFY(opened);
        Store &store = **opened;
        STORE_VERIFY(store.exec(QStringLiteral("DROP TABLE IF EXISTS restart_items")));
        STORE_VERIFY(store.exec(QStringLiteral("CREATE TABLE restart_items (id BIGINT PRIMARY KEY, phase TEXT)")));
        const QString insert = QStringLiteral("INSERT INTO restart_items (id, phase) VALUES ($1, $2)");

        // Fill the pool with several connections, all of which the restart will kill.
        std::vector<std::thread> readers;
        for (int t = 0; t < 4; ++t)
            readers.emplace_back([&store] { (void)store.query(QStringLiteral("SELECT pg_sleep(0.05)")); });
        for (std::thread &thread : readers)
            thread.join();

        // A writer keeps inserting through the restart; what it was told succeeded must
        // survive. Failures while the server is down are expected and not counted.
        std::mutex ackMutex;
        QSet<qint64> acknowledged;
        std::atomic<bool> stop = false;
        std::atomic<int> afterRestart = 0;
        std::atomic<bool> restarted = false;
        std::thread writer([&] {
            for (qint64 id = 1; !stop; ++id) {
                const auto done = store.exec(insert, {id, QStringLiteral("writer")});
                if (done.ok()) {
                    std::lock_guard lock(ackMutex);
                    acknowledged.insert(id);
                    if (restarted)
                        ++afterRestart;
                } else {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        for (qint64 id = 100001; id <= 100020; ++id)
            STORE_VERIFY(store.exec(insert, {id, QStringLiteral("before")}));

        QString why;
        const bool restartedOk = test::restartService(QStringLiteral("postgres"), &why);
        restarted = true;
        if (restartedOk) {
            // The first statement after the restart succeeds: stale connections are
            // replaced, not reported. (No QCOMPARE here: the writer must be joined first.)
            const auto count = store.query(QStringLiteral("SELECT count(*) FROM restart_items WHERE phase = $1"),
                                           {QStringLiteral("before")});
            if (!count.ok())
                why = QStringLiteral("first query after the restart: ") + count.error().toString();
            else if (count->rows.constFirst().value(0).toLongLong() != 20)
                why = QStringLiteral("%1 of 20 rows written before the restart are there")
                          .arg(count->rows.constFirst().value(0).toLongLong());
            QDeadlineTimer deadline(20000);
            while (afterRestart < 5 && !deadline.hasExpired())
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (afterRestart < 5 && why.isEmpty())
                why = QStringLiteral("the writer did not recover after the restart");
        }
        stop = true;
        writer.join();
        QVERIFY2(restartedOk && why.isEmpty(), qPrintable(why));

        const auto rows = store.query(QStringLiteral("SELECT id FROM restart_items WHERE phase = $1"), {QStringLiteral("writer")});
        STORE_VERIFY(rows);
        QSet<qint64> present;
        for (const QVariantList &row : rows->rows)
            present.insert(row.value(0).toLongLong());
        for (qint64 id : std::as_const(acknowledged))
            QVERIFY2(present.contains(id), qPrintable(QStringLiteral("acknowledged write %1 was lost").arg(id)));

        // A transaction right after another restart pins a fresh connection.
        QVERIFY2(test::restartService(QStringLiteral("postgres"), &why), qPrintable(why));
        STORE_VERIFY(store.transaction([&](SqlSession &session) -> Result<void> {
            HELIOS_TRY(session.exec(insert, {200001, QStringLiteral("after")}));
            return {};
        }));
        QString recoveryWhy;
        QVERIFY2(inRecovery(store, ReadFrom::Analytics, &recoveryWhy), qPrintable(recoveryWhy));
    }
};

QTEST_GUILESS_MAIN(StorePostgresTest)
#include "store_postgres_test.moc"
