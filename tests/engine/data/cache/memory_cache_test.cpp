// SPDX-License-Identifier: Apache-2.0
// What only the in-process cache does: staying inside its byte budget.
#include "cache/memory_cache.h"

#include <QStandardPaths>
#include <QTest>

using helios::data::MemoryCache;
using namespace std::chrono_literals;

namespace {
constexpr qint64 ValueSize = 100;
// Keys are two bytes ("k1"), so every entry costs the same.
constexpr qint64 EntryCost = 2 + ValueSize + MemoryCache::EntryOverhead;
const QByteArray Value(ValueSize, 'v');
} // namespace

class MemoryCacheTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testEvictsTheLeastRecentlyUsedFirst_data() {
        QTest::addColumn<QByteArray>("touched");
        QTest::addColumn<QByteArray>("evicted");
        QTest::newRow("untouched, the oldest write goes") << QByteArray() << QByteArray("k1");
        QTest::newRow("a read makes the oldest write recent")
            << QByteArray("k1") << QByteArray("k2");
        QTest::newRow("an overwrite makes a key recent") << QByteArray("k2") << QByteArray("k1");
    }
    void testEvictsTheLeastRecentlyUsedFirst() {
        QFETCH(QByteArray, touched);
        QFETCH(QByteArray, evicted);
        MemoryCache cache(4 * EntryCost);
        for (const char *k : {"k1", "k2", "k3", "k4"})
            QVERIFY(cache.set(k, Value).ok());
        QCOMPARE(cache.usedBytes(), 4 * EntryCost);
        if (touched == "k1")
            QVERIFY(cache.get(touched)->has_value());
        else if (!touched.isEmpty())
            QVERIFY(cache.set(touched, Value).ok());
        QVERIFY(cache.set("k5", Value).ok());
        QCOMPARE(cache.entryCount(), qint64(4));
        QVERIFY(cache.usedBytes() <= 4 * EntryCost);
        for (const char *k : {"k1", "k2", "k3", "k4", "k5"})
            QCOMPARE(cache.get(k)->has_value(), QByteArray(k) != evicted);
    }

    void testExpiredEntriesAreEvictedBeforeLiveOnes() {
        MemoryCache cache(3 * EntryCost);
        QVERIFY(cache.set("k1", Value).ok());
        QVERIFY(cache.set("k2", Value).ok());
        QVERIFY(cache.set("k3", Value, 20ms).ok()); // the most recent, but expiring
        QTest::qWait(60);
        QVERIFY(cache.set("k4", Value).ok());
        QVERIFY(cache.get("k1")->has_value()); // the LRU entry survives: the expired one made room
        QVERIFY(cache.get("k2")->has_value());
        QVERIFY(!cache.get("k3")->has_value());
        QVERIFY(cache.get("k4")->has_value());
    }

    void testAValueLargerThanTheBudgetIsNotKept() {
        MemoryCache cache(3 * EntryCost);
        QVERIFY(cache.set("k1", Value).ok());
        QVERIFY(cache.set("k2", "old").ok());
        QVERIFY(cache.set("k2", QByteArray(4 * EntryCost, 'x')).ok());
        QVERIFY(!cache.get("k2")->has_value()); // neither the new nor the stale value
        QVERIFY(cache.get("k1")->has_value());  // and nothing else was pushed out
    }

    void testAccountingFollowsOverwritesRemovalsAndCounters() {
        MemoryCache cache;
        QVERIFY(cache.set("k1", Value).ok());
        QVERIFY(cache.set("k1", "ab").ok());
        QCOMPARE(cache.usedBytes(), 2 + 2 + MemoryCache::EntryOverhead);
        QCOMPARE(cache.increment("c", 100).value(), qint64(100));
        QCOMPARE(cache.usedBytes(), (2 + 2) + (1 + 3) + 2 * MemoryCache::EntryOverhead);
        QCOMPARE(cache.removePrefix("k").value(), qint64(1));
        QVERIFY(cache.remove("c").value());
        QCOMPARE(cache.usedBytes(), qint64(0));
        QCOMPARE(cache.entryCount(), qint64(0));
    }

    void testRemovePrefixDoesNotCountExpiredEntries() {
        MemoryCache cache;
        QVERIFY(cache.set("p/live", "x").ok());
        QVERIFY(cache.set("p/gone", "x", 10ms).ok());
        QTest::qWait(40);
        QCOMPARE(cache.removePrefix("p/").value(), qint64(1));
        QCOMPARE(cache.entryCount(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(MemoryCacheTest)
#include "memory_cache_test.moc"
