// SPDX-License-Identifier: Apache-2.0
// The Bus contract, run against MemoryBus (bus_contract_memory) and NatsBus
// (bus_contract_nats). The JetStream store outlives a test case, so every case tags its
// events with a fresh run id (the CloudEvents `subject`) and ignores foreign ones, and
// durable names are unique per case.
#include "backend_under_test.h"
#include "bus/bus.h"
#include "core/ids.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>
#include <thread>

using helios::data::Bus;
using helios::data::Event;
using helios::data::Subscription;

namespace {

constexpr int WaitMs = 15000;

// Collects what a handler saw, from the bus's thread; read from the test thread.
class Recorder {
public:
    explicit Recorder(QString runId) : m_runId(std::move(runId)) {}

    // A handler that records this run's events and acknowledges everything.
    Bus::Handler handler()
    {
        return [this](const Event &e) {
            if (e.subject == m_runId)
                add(e);
            return true;
        };
    }
    void add(const Event &e)
    {
        std::lock_guard lock(m_mutex);
        m_events.append(e);
        m_threads.insert(QThread::currentThread());
    }
    QList<Event> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    QStringList ids() const
    {
        QStringList result;
        for (const Event &e : events())
            result.append(e.id);
        return result;
    }
    int count() const { return int(events().size()); }
    bool ranOn(QThread *thread) const
    {
        std::lock_guard lock(m_mutex);
        return m_threads.contains(thread);
    }

private:
    QString m_runId;
    mutable std::mutex m_mutex;
    QList<Event> m_events;
    QSet<QThread *> m_threads;
};

QStringList idsOf(const QList<Event> &events)
{
    QStringList ids;
    for (const Event &e : events)
        ids.append(e.id);
    return ids;
}

} // namespace

class BusContractTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Bus> m_bus;
    QString m_runId;

    Event make(const QString &type, const QJsonObject &data = {})
    {
        return Event::make(type, QStringLiteral("/helios/test"), m_runId, data);
    }
    std::unique_ptr<Subscription> subscribe(const QString &pattern, Bus::Handler handler,
                                            const QString &durable = {})
    {
        Bus::SubscribeOptions options;
        options.pattern = pattern;
        options.durable = durable;
        auto sub = m_bus->subscribe(options, std::move(handler));
        if (!sub.ok())
            qWarning("subscribe failed: %s", qPrintable(sub.error().toString()));
        return sub.ok() ? std::move(*sub) : nullptr;
    }
    QString uniqueDurable(const QString &what) const
    {
        return what + QLatin1Char('-') + helios::newId().left(8);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto bus = helios::data::openBus(helios::test::configFor(m_dir.path(), {QStringLiteral("NATS_URL")}));
        QVERIFY2(bus.ok(), bus.ok() ? "" : qPrintable(bus.error().toString()));
        m_bus = std::move(*bus);
        QCOMPARE(m_bus->kind(), helios::test::realBackend() ? QStringLiteral("nats") : QStringLiteral("memory"));
        QVERIFY(!m_bus->location().contains(QStringLiteral("helios-test-pw")));
        QVERIFY(m_bus->ping().ok());
    }
    void init() { m_runId = helios::newId(); }
    void cleanupTestCase() { m_bus.reset(); }

    void testEphemeralSubscriberGetsMatchingEventsInOrder()
    {
        QVERIFY(m_bus->publish(make(QStringLiteral("build.started"))).ok());  // before: not seen
        Recorder seen(m_runId);
        auto sub = subscribe(QStringLiteral("build.*"), seen.handler());
        QVERIFY(sub);
        const QStringList types = {QStringLiteral("build.started"), QStringLiteral("deployment.started"),
                                   QStringLiteral("build.failed"), QStringLiteral("project.created"),
                                   QStringLiteral("build.completed"), QStringLiteral("token.updated"),
                                   QStringLiteral("build.started")};
        QList<Event> expected;
        for (const QString &type : types) {
            const Event e = make(type);
            QVERIFY(m_bus->publish(e).ok());
            if (type.startsWith(QLatin1String("build.")))
                expected.append(e);
        }
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), int(expected.size()), WaitMs);
        // A last event drains anything still on its way before the exact comparison.
        const Event last = make(QStringLiteral("build.completed"));
        QVERIFY(m_bus->publish(last).ok());
        expected.append(last);
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), int(expected.size()), WaitMs);
        QCOMPARE(seen.ids(), idsOf(expected));
        QVERIFY(!seen.ranOn(QThread::currentThread()));
    }

    void testCloudEventsAttributesRoundTrip_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("data");
        QTest::newRow("an event with nested data keeps it")
            << QStringLiteral("component.generated")
            << QJsonObject{{QStringLiteral("files"), QJsonArray{QStringLiteral("a.qml"), 2}},
                           {QStringLiteral("meta"), QJsonObject{{QStringLiteral("ok"), true}}}};
        QTest::newRow("an event without data stays without") << QStringLiteral("token.updated") << QJsonObject{};
        QTest::newRow("non-ASCII text survives") << QStringLiteral("deployment.rolled_back")
                                                 << QJsonObject{{QStringLiteral("reason"), QStringLiteral("Zürich → 東京")}};
    }
    void testCloudEventsAttributesRoundTrip()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, data);
        Recorder seen(m_runId);
        auto sub = subscribe(type, seen.handler());
        QVERIFY(sub);
        const Event e = make(type, data);
        QVERIFY(m_bus->publish(e).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), 1, WaitMs);
        QCOMPARE(seen.events().first(), e);
    }

    void testPublishingAnIdTwiceDeliversOnce()
    {
        Recorder seen(m_runId);
        auto sub = subscribe(QStringLiteral(">"), seen.handler());
        QVERIFY(sub);
        const Event e = make(QStringLiteral("project.created"));
        QVERIFY(m_bus->publish(e).ok());
        QVERIFY(m_bus->publish(e).ok());
        const Event after = make(QStringLiteral("project.created"));
        QVERIFY(m_bus->publish(after).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), 2, WaitMs);
        QCOMPARE(seen.ids(), (QStringList{e.id, after.id}));
    }

    void testInvalidEventsAndPatternsAreRejected()
    {
        Event noId = make(QStringLiteral("build.started"));
        noId.id.clear();
        QCOMPARE(m_bus->publish(noId).error().code, helios::ErrorCode::InvalidArgument);
        QCOMPARE(m_bus->publish(make(QStringLiteral("build.*"))).error().code, helios::ErrorCode::InvalidArgument);
        QCOMPARE(m_bus->publish(make(QStringLiteral("weather.sunny"))).error().code,
                 helios::ErrorCode::InvalidArgument);
        Bus::SubscribeOptions bad;
        bad.pattern = QStringLiteral("build.>.x");
        const auto sub = m_bus->subscribe(bad, [](const Event &) { return true; });
        QVERIFY(!sub.ok());
        QCOMPARE(sub.error().code, helios::ErrorCode::InvalidArgument);
    }

    void testDurableStartsAtOldestAndResumesAfterLastAck()
    {
        const QString durable = uniqueDurable(QStringLiteral("contract.resume"));
        QList<Event> published;
        for (int i = 0; i < 3; ++i) {
            published.append(make(QStringLiteral("deployment.started"), {{QStringLiteral("n"), i}}));
            QVERIFY(m_bus->publish(published.last()).ok());
        }
        // The first subscriber acknowledges two of this run's events, then refuses.
        Recorder first(m_runId);
        std::atomic<int> accepted{0};
        auto sub = subscribe(QStringLiteral("deployment.>"), [&](const Event &e) {
            if (e.subject != m_runId)
                return true;  // an earlier run's event: acknowledge and move on
            first.add(e);
            return accepted.fetch_add(1) < 2;
        }, durable);
        QVERIFY(sub);
        QTRY_VERIFY_WITH_TIMEOUT(first.count() >= 3, WaitMs);
        sub.reset();
        QCOMPARE(first.ids().mid(0, 3), idsOf(published));
        QVERIFY(first.ids().mid(2).count(published[2].id) == first.count() - 2);  // only redeliveries of #3

        for (int i = 3; i < 5; ++i) {
            published.append(make(QStringLiteral("deployment.completed"), {{QStringLiteral("n"), i}}));
            QVERIFY(m_bus->publish(published.last()).ok());
        }
        Recorder second(m_runId);
        sub = subscribe(QStringLiteral("deployment.>"), second.handler(), durable);
        QVERIFY(sub);
        QTRY_COMPARE_WITH_TIMEOUT(second.count(), 3, WaitMs);
        QCOMPARE(second.ids(), idsOf(published.mid(2)));

        // Once more, with everything acknowledged: a new subscriber sees only what is new.
        sub.reset();
        const Event later = make(QStringLiteral("deployment.failed"));
        QVERIFY(m_bus->publish(later).ok());
        Recorder third(m_runId);
        sub = subscribe(QStringLiteral("deployment.>"), third.handler(), durable);
        QVERIFY(sub);
        QTRY_COMPARE_WITH_TIMEOUT(third.count(), 1, WaitMs);
        QCOMPARE(third.ids(), QStringList{later.id});
    }

    void testRefusedEventIsRedeliveredBeforeLaterOnes()
    {
        Recorder seen(m_runId);
        std::atomic<int> refusals{0};
        auto sub = subscribe(QStringLiteral("component.*"), [&](const Event &e) {
            if (e.subject != m_runId)
                return true;
            seen.add(e);
            return e.type != QLatin1String("component.generated") || refusals.fetch_add(1) >= 2;
        });
        QVERIFY(sub);
        const Event refused = make(QStringLiteral("component.generated"));
        const Event next = make(QStringLiteral("component.created"));
        QVERIFY(m_bus->publish(refused).ok());
        QVERIFY(m_bus->publish(next).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), 4, WaitMs);
        QCOMPARE(seen.ids(), (QStringList{refused.id, refused.id, refused.id, next.id}));
    }

    void testDestroyedSubscriptionStopsDelivering()
    {
        Recorder seen(m_runId);
        std::atomic<bool> inHandler{false};
        std::atomic<bool> sawOverlap{false};
        auto sub = subscribe(QStringLiteral("token.updated"), [&](const Event &e) {
            inHandler = true;
            if (e.subject == m_runId)
                seen.add(e);
            QThread::msleep(100);  // widen the window in which the destructor must wait
            inHandler = false;
            return true;
        });
        QVERIFY(sub);
        QVERIFY(m_bus->publish(make(QStringLiteral("token.updated"))).ok());
        QVERIFY(m_bus->publish(make(QStringLiteral("token.updated"))).ok());
        QTRY_VERIFY_WITH_TIMEOUT(seen.count() >= 1, WaitMs);
        sub.reset();
        sawOverlap = inHandler.load();
        QVERIFY(!sawOverlap);
        const int countAtDestroy = seen.count();

        // Another subscriber sees the next event; by then the old one would have, too.
        Recorder witness(m_runId);
        auto other = subscribe(QStringLiteral("token.updated"), witness.handler());
        QVERIFY(other);
        QVERIFY(m_bus->publish(make(QStringLiteral("token.updated"))).ok());
        QTRY_COMPARE_WITH_TIMEOUT(witness.count(), 1, WaitMs);
        QCOMPARE(seen.count(), countAtDestroy);
    }

    void testConcurrentPublishersAreEachDeliveredOnce()
    {
        constexpr int Threads = 4;
        constexpr int PerThread = 40;
        Recorder seen(m_runId);
        auto sub = subscribe(QStringLiteral("build.>"), seen.handler());
        QVERIFY(sub);
        std::atomic<int> failures{0};
        QList<QStringList> sentByThread(Threads);
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    const Event e = make(QStringLiteral("build.completed"), {{QStringLiteral("t"), t}, {QStringLiteral("i"), i}});
                    if (m_bus->publish(e).ok())
                        sentByThread[t].append(e.id);
                    else
                        ++failures;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), Threads * PerThread, WaitMs);
        const Event last = make(QStringLiteral("build.failed"));
        QVERIFY(m_bus->publish(last).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), Threads * PerThread + 1, WaitMs);
        const QStringList ids = seen.ids();
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // Each publisher's events arrive in the order it published them.
        for (int t = 0; t < Threads; ++t) {
            QStringList got;
            for (const Event &e : seen.events()) {
                if (e.data.value(QStringLiteral("t")).toInt(-1) == t)
                    got.append(e.id);
            }
            QCOMPARE(got, sentByThread[t]);
        }
    }
};

QTEST_GUILESS_MAIN(BusContractTest)
#include "bus_contract_test.moc"
