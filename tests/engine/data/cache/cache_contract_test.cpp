// SPDX-License-Identifier: Apache-2.0
// The Cache contract: what every back end (in-process LRU, Redis) must do alike.
#include "backend_under_test.h"
#include "cache/cache.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using helios::ErrorCode;
using helios::data::Cache;
using namespace std::chrono_literals;

class CacheContractTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_config = helios::test::configFor(m_dir.path(), {QStringLiteral("REDIS_URL")});
        auto cache = helios::data::openCache(m_config);
        QVERIFY2(cache.ok(), qPrintable(cache.ok() ? QString() : cache.error().toString()));
        m_cache = std::move(cache).value();
        // Runs against a shared server must not see each other's keys.
        m_prefix =
            "helios-test:" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + ':';
    }

    void cleanupTestCase() {
        if (m_cache)
            QVERIFY(m_cache->removePrefix(m_prefix).ok());
    }

    void testKindMatchesTheBackendUnderTest() {
        QCOMPARE(m_cache->kind(),
                 helios::test::realBackend() ? QStringLiteral("redis") : QStringLiteral("memory"));
        QVERIFY(!m_cache->location().contains(QLatin1StringView("helios-test-pw")));
        QVERIFY(m_cache->ping().ok());
    }

    void testGetOfAMissingKeyIsAMissNotAnError() {
        const auto value = m_cache->get(key("never-set"));
        QVERIFY2(value.ok(), qPrintable(errorText(value)));
        QVERIFY(!value->has_value());
    }

    void testSetThenGet_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QByteArray large(1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < large.size(); ++i)
            large[i] = char((i * 131 + i / 7) & 0xff);
        QTest::newRow("a short text value comes back unchanged")
            << QByteArray("text") << QByteArray("hello");
        QTest::newRow("a value with NUL bytes comes back whole")
            << QByteArray("nul") << QByteArray("a\0b\0\0c", 6);
        QTest::newRow("an empty value is a hit, not a miss")
            << QByteArray("empty") << QByteArray("");
        QTest::newRow("a key with NUL bytes works") << QByteArray("k\0ey", 4) << QByteArray("v");
        QTest::newRow("a 1 MB binary value comes back whole") << QByteArray("large") << large;
    }
    void testSetThenGet() {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QVERIFY(m_cache->set(key(name), value).ok());
        const auto got = m_cache->get(key(name));
        QVERIFY2(got.ok(), qPrintable(errorText(got)));
        QVERIFY(got->has_value());
        QCOMPARE(got->value().size(), value.size());
        QVERIFY(got->value() == value);
    }

    void testOverwriteReplacesTheValue() {
        QVERIFY(m_cache->set(key("overwrite"), "first").ok());
        QVERIFY(m_cache->set(key("overwrite"), "second, longer").ok());
        QCOMPARE(m_cache->get(key("overwrite"))->value_or(QByteArray()),
                 QByteArray("second, longer"));
    }

    void testOverwriteWithoutTtlKeepsTheKey() {
        QVERIFY(m_cache->set(key("ttl-cleared"), "short-lived", 50ms).ok());
        QVERIFY(m_cache->set(key("ttl-cleared"), "forever").ok());
        QTest::qWait(200);
        QCOMPARE(m_cache->get(key("ttl-cleared"))->value_or(QByteArray()), QByteArray("forever"));
    }

    void testTtlExpiresTheKey() {
        QVERIFY(m_cache->set(key("expiring"), "soon gone", 50ms).ok());
        QVERIFY(m_cache->set(key("lasting"), "stays").ok());
        QTRY_VERIFY_WITH_TIMEOUT(!m_cache->get(key("expiring"))->has_value(), 5000);
        QCOMPARE(m_cache->get(key("lasting"))->value_or(QByteArray()), QByteArray("stays"));
    }

    void testNegativeTtlIsRejected() {
        const auto set = m_cache->set(key("negative"), "x", Cache::Ttl(-5));
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, ErrorCode::InvalidArgument);
    }

    void testRemove() {
        QVERIFY(m_cache->set(key("removed"), "x").ok());
        auto removed = m_cache->remove(key("removed"));
        QVERIFY2(removed.ok(), qPrintable(errorText(removed)));
        QVERIFY(*removed);
        QVERIFY(!m_cache->get(key("removed"))->has_value());
        removed = m_cache->remove(key("removed"));
        QVERIFY(removed.ok());
        QVERIFY(!*removed);
    }

    void testRemovePrefix_data() {
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<QList<QByteArray>>("others");
        // `others` would match if the prefix were taken as a glob pattern or compared loosely.
        QTest::newRow("a plain prefix removes only its keys")
            << QByteArray("plain/") << QList<QByteArray>{"plainX1", "plain", "xplain/1"};
        QTest::newRow("glob characters in the prefix are taken literally")
            << QByteArray("a*[b]") << QList<QByteArray>{"a-zzb1", "ab]1", "a*[b", "a*b]1"};
        QTest::newRow("a question mark and a backslash are taken literally")
            << QByteArray("q?\\x") << QList<QByteArray>{"qZ\\x1", "q?x1", "q?\\"};
    }
    void testRemovePrefix() {
        QFETCH(QByteArray, prefix);
        QFETCH(QList<QByteArray>, others);
        const QByteArray base = key("rp-" + QByteArray::number(++m_round) + '/');
        const QList<QByteArray> matching{prefix, prefix + "1", prefix + "2/deeper",
                                         prefix + QByteArray("\0z", 2)};
        for (const QByteArray &k : matching)
            QVERIFY(m_cache->set(base + k, "m").ok());
        for (const QByteArray &k : others)
            QVERIFY(m_cache->set(base + k, "o").ok());
        const auto removed = m_cache->removePrefix(base + prefix);
        QVERIFY2(removed.ok(), qPrintable(errorText(removed)));
        QCOMPARE(*removed, qint64(matching.size()));
        for (const QByteArray &k : matching)
            QVERIFY2(!m_cache->get(base + k)->has_value(), k.constData());
        for (const QByteArray &k : others)
            QVERIFY2(m_cache->get(base + k)->has_value(), k.constData());
    }

    void testRemovePrefixOfManyKeys() {
        // More than one SCAN page (COUNT 500) on Redis. Writes to the test server fsync,
        // so this stays modest.
        constexpr int Keys = 700;
        const QByteArray base = key("many/");
        for (int i = 0; i < Keys; ++i)
            QVERIFY(m_cache->set(base + QByteArray::number(i), "v").ok());
        const auto removed = m_cache->removePrefix(base);
        QVERIFY2(removed.ok(), qPrintable(errorText(removed)));
        QCOMPARE(*removed, qint64(Keys));
        QVERIFY(!m_cache->get(base + "7")->has_value());
    }

    void testIncrement_data() {
        QTest::addColumn<QList<qint64>>("deltas");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("a missing counter starts from the delta") << QList<qint64>{5} << qint64(5);
        QTest::newRow("a negative delta goes below zero") << QList<qint64>{3, -10} << qint64(-7);
        QTest::newRow("repeated increments add up") << QList<qint64>{1, 1, 1} << qint64(3);
        QTest::newRow("large values do not lose precision")
            << QList<qint64>{Q_INT64_C(4000000000000), Q_INT64_C(1)} << Q_INT64_C(4000000000001);
    }
    void testIncrement() {
        QFETCH(QList<qint64>, deltas);
        QFETCH(qint64, expected);
        const QByteArray counter = key("counter-" + QByteArray::number(++m_round));
        qint64 last = 0;
        for (qint64 delta : deltas) {
            const auto value = m_cache->increment(counter, delta);
            QVERIFY2(value.ok(), qPrintable(errorText(value)));
            last = *value;
        }
        QCOMPARE(last, expected);
        QCOMPARE(m_cache->get(counter)->value_or(QByteArray()), QByteArray::number(expected));
    }

    void testIncrementOfTextIsAnInvalidArgument() {
        QVERIFY(m_cache->set(key("not-a-number"), "abc").ok());
        const auto value = m_cache->increment(key("not-a-number"));
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, ErrorCode::InvalidArgument);
    }

    void testConcurrentIncrementsSumExactly() {
        constexpr int Threads = 8;
        constexpr int PerThread = 100;
        const QByteArray counter = key("concurrent");
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    // Odd threads use a ttl'd increment so both code paths race.
                    const auto r =
                        m_cache->increment(counter, 1, t % 2 ? Cache::Ttl(1h) : Cache::NoExpiry);
                    if (!r.ok())
                        ++failures;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(m_cache->get(counter)->value_or(QByteArray()),
                 QByteArray::number(Threads * PerThread));
    }

    void testCounterTtlIsSetOnCreationOnly() {
        // Created with a short ttl: later increments with a long ttl do not extend it.
        const QByteArray shortLived = key("ttl-counter-short");
        QCOMPARE(m_cache->increment(shortLived, 1, 100ms).value(), qint64(1));
        QCOMPARE(m_cache->increment(shortLived, 1, 1h).value(), qint64(2));
        QTRY_VERIFY_WITH_TIMEOUT(!m_cache->get(shortLived)->has_value(), 5000);
        // Once expired it is a new counter again.
        QCOMPARE(m_cache->increment(shortLived, 7).value(), qint64(7));

        // Created without a ttl: a later ttl'd increment does not add one.
        const QByteArray lasting = key("ttl-counter-lasting");
        QCOMPARE(m_cache->increment(lasting, 1).value(), qint64(1));
        QCOMPARE(m_cache->increment(lasting, 1, 50ms).value(), qint64(2));
        QTest::qWait(300);
        QCOMPARE(m_cache->get(lasting)->value_or(QByteArray()), QByteArray("2"));
    }

    // Token buckets (Cache::takeToken). Small numbers, slow refill rates where a test
    // counts tokens, so that the time the test itself takes cannot add one.
    void testTokenBucketAllowsItsBurstThenRefuses() {
        const QByteArray bucket = key("bucket-burst");
        for (int i = 0; i < 3; ++i) {
            const auto taken = m_cache->takeToken(bucket, 3, 0.5);
            QVERIFY2(taken.ok(), qPrintable(errorText(taken)));
            QVERIFY2(taken->allowed, qPrintable(QStringLiteral("token %1 of 3").arg(i + 1)));
            QCOMPARE(taken->retryAfter, 0ms);
        }
        const auto refused = m_cache->takeToken(bucket, 3, 0.5);
        QVERIFY2(refused.ok(), qPrintable(errorText(refused)));
        QVERIFY(!refused->allowed);
        QVERIFY(refused->remaining < 1);
        // Until one token is back at 0.5 per second: more than nothing, at most 2 s.
        QVERIFY(refused->retryAfter > 0ms);
        QVERIFY2(refused->retryAfter <= 2000ms, qPrintable(QString::number(refused->retryAfter.count())));
    }

    void testTokenBucketRefillsAfterWaiting() {
        const QByteArray bucket = key("bucket-refill");
        QVERIFY(m_cache->takeToken(bucket, 1, 20).value().allowed);
        const auto refused = m_cache->takeToken(bucket, 1, 20);
        QVERIFY2(refused.ok(), qPrintable(errorText(refused)));
        if (!refused->allowed) // (a very slow run may already have refilled it)
            QVERIFY(refused->retryAfter > 0ms);
        // Not QTRY_VERIFY: it evaluates its expression once more at the end, and every
        // evaluation here takes a token.
        QDeadlineTimer deadline(5000);
        bool allowed = false;
        while (!(allowed = m_cache->takeToken(bucket, 1, 20).value().allowed) && !deadline.hasExpired())
            QTest::qWait(20);
        QVERIFY(allowed);
    }

    void testTokenBucketKeyExpiresOnceFullAgain() {
        const QByteArray bucket = key("bucket-expiry");
        QVERIFY(m_cache->takeToken(bucket, 2, 50).value().allowed);
        const auto state = m_cache->get(bucket);
        QVERIFY2(state.ok(), qPrintable(errorText(state)));
        QVERIFY(state->has_value());
        QVERIFY(state->value().startsWith("tb1 "));
        QTRY_VERIFY_WITH_TIMEOUT(!m_cache->get(bucket).value().has_value(), 5000);
    }

    void testTokenBucketOnAKeyHoldingSomethingElseIsAnInvalidArgument() {
        QVERIFY(m_cache->set(key("bucket-text"), "not a bucket").ok());
        const auto taken = m_cache->takeToken(key("bucket-text"), 5, 1);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(m_cache->get(key("bucket-text"))->value_or(QByteArray()), QByteArray("not a bucket"));
    }

    void testTokenBucketRefusesBadParameters_data() {
        QTest::addColumn<double>("burst");
        QTest::addColumn<double>("perSecond");
        QTest::newRow("a burst of zero") << 0.0 << 1.0;
        QTest::newRow("a burst below one token") << 0.5 << 1.0;
        QTest::newRow("a refill rate of zero") << 5.0 << 0.0;
        QTest::newRow("a negative refill rate") << 5.0 << -1.0;
        QTest::newRow("an infinite refill rate") << 5.0 << qInf();
        QTest::newRow("a burst that is not a number") << qQNaN() << 1.0;
    }
    void testTokenBucketRefusesBadParameters() {
        QFETCH(double, burst);
        QFETCH(double, perSecond);
        const auto taken = m_cache->takeToken(key("bucket-bad"), burst, perSecond);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!m_cache->get(key("bucket-bad"))->has_value());
    }

    void testConcurrentTakesNeverExceedTheBurst() {
        constexpr int Threads = 8;
        constexpr int PerThread = 10;
        constexpr int Burst = 20;
        const QByteArray bucket = key("bucket-concurrent");
        std::atomic<int> allowed{0};
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < PerThread; ++i) {
                    // One token per 1000 s: none comes back while the test runs.
                    const auto taken = m_cache->takeToken(bucket, Burst, 0.001);
                    if (!taken.ok())
                        ++failures;
                    else if (taken->allowed)
                        ++allowed;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(allowed.load(), Burst);
    }

    void testTwoCacheInstancesShareOneBucket() {
        if (!helios::test::realBackend())
            QSKIP("the in-process cache belongs to one Cache instance; sharing is a Redis property");
        auto other = helios::data::openCache(m_config);
        QVERIFY2(other.ok(), qPrintable(errorText(other)));
        const QByteArray bucket = key("bucket-shared");
        QVERIFY(m_cache->takeToken(bucket, 3, 0.01).value().allowed);
        QVERIFY((*other)->takeToken(bucket, 3, 0.01).value().allowed);
        QVERIFY(m_cache->takeToken(bucket, 3, 0.01).value().allowed);
        // Three taken between the two: neither may take a fourth.
        QVERIFY(!(*other)->takeToken(bucket, 3, 0.01).value().allowed);
        QVERIFY(!m_cache->takeToken(bucket, 3, 0.01).value().allowed);
    }

private:
    QByteArray key(const QByteArray &name) const { return m_prefix + name; }

    template <typename R> static QString errorText(const R &result) {
        return result.ok() ? QString() : result.error().toString();
    }

    QTemporaryDir m_dir;
    helios::Config m_config;
    std::unique_ptr<Cache> m_cache;
    QByteArray m_prefix;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(CacheContractTest)
#include "cache_contract_test.moc"
