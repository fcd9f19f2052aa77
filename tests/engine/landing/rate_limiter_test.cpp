// SPDX-License-Identifier: Apache-2.0
// RateLimiter over the in-process Cache: which buckets a request draws from, and the
// "BURST/PER_SECOND" settings. The bucket arithmetic itself is in the Cache contract.
#include "cache/memory_cache.h"
#include "landing/rate_limiter.h"

#include <QTest>

using namespace helios;
using namespace helios::landing;

class RateLimiterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testParse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("burst");
        QTest::addColumn<double>("perSecond");
        QTest::newRow("a burst and a rate") << QStringLiteral("60/20") << true << 60.0 << 20.0;
        QTest::newRow("a fractional rate") << QStringLiteral("5/0.5") << true << 5.0 << 0.5;
        QTest::newRow("spaces around it are ignored")
            << QStringLiteral(" 10/1 ") << true << 10.0 << 1.0;
        QTest::newRow("off means no limit") << QStringLiteral("off") << true << 0.0 << 0.0;
        QTest::newRow("zero means no limit") << QStringLiteral("0") << true << 0.0 << 0.0;
        QTest::newRow("a missing rate is refused") << QStringLiteral("60") << false << 0.0 << 0.0;
        QTest::newRow("a missing burst is refused") << QStringLiteral("/20") << false << 0.0 << 0.0;
        QTest::newRow("a burst below one is refused")
            << QStringLiteral("0.5/20") << false << 0.0 << 0.0;
        QTest::newRow("a zero rate is refused") << QStringLiteral("60/0") << false << 0.0 << 0.0;
        QTest::newRow("a negative rate is refused")
            << QStringLiteral("60/-1") << false << 0.0 << 0.0;
        QTest::newRow("an infinite rate is refused")
            << QStringLiteral("60/inf") << false << 0.0 << 0.0;
        QTest::newRow("words are refused") << QStringLiteral("lots/often") << false << 0.0 << 0.0;
    }
    void testParse() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, burst);
        QFETCH(double, perSecond);
        const auto limit = RateLimit::parse(text);
        QCOMPARE(limit.ok(), valid);
        if (!valid) {
            QCOMPARE(limit.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QCOMPARE(limit->burst, burst);
        QCOMPARE(limit->perSecond, perSecond);
        QCOMPARE(limit->limited(), burst > 0);
    }

    void testTheIdentityBucketRefusesAfterItsBurst() {
        data::MemoryCache cache;
        RateLimiter limiter(cache, RateLimit{3, 0.01}, RateLimit{100, 0.01});
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.admit("ada", "10.0.0.1").value().allowed);
        const auto refused = limiter.admit("ada", "10.0.0.1");
        QVERIFY(refused.ok());
        QVERIFY(!refused->allowed);
        QVERIFY(refused->retryAfter > std::chrono::milliseconds(0));
        // Another identity from the same address has its own bucket.
        QVERIFY(limiter.admit("vera", "10.0.0.1").value().allowed);
    }

    void testTheAddressBucketCoversEveryone() {
        data::MemoryCache cache;
        RateLimiter limiter(cache, RateLimit{100, 0.01}, RateLimit{2, 0.01});
        QVERIFY(limiter.admit("ada", "10.0.0.2").value().allowed);
        QVERIFY(limiter.admit("", "10.0.0.2").value().allowed); // anonymous: the address only
        QVERIFY(!limiter.admit("vera", "10.0.0.2").value().allowed);
        // A refusal by the address does not cost vera's own bucket a token.
        QVERIFY(!cache.get("rl:id:vera").value().has_value());
        QVERIFY(limiter.admit("vera", "10.0.0.3").value().allowed);
        QVERIFY(cache.get("rl:id:vera").value().has_value());
        RateLimiter identityOnly(cache, RateLimit{2, 0.01}, RateLimit{0, 0});
        QVERIFY(identityOnly.admit("walt", "10.0.0.2").value().allowed);
        QVERIFY(identityOnly.admit("walt", "10.0.0.2").value().allowed);
        QVERIFY(!identityOnly.admit("walt", "10.0.0.2").value().allowed);
    }

    void testKeysAreNamedByKind() {
        data::MemoryCache cache;
        RateLimiter limiter(cache, RateLimit{5, 1}, RateLimit{5, 1});
        QVERIFY(limiter.admit("ada", "127.0.0.1").value().allowed);
        QVERIFY(cache.get("rl:id:ada").value().has_value());
        QVERIFY(cache.get("rl:ip:127.0.0.1").value().has_value());
    }

    void testNoLimitsAdmitEverything() {
        data::MemoryCache cache;
        RateLimiter limiter(cache, RateLimit{0, 0}, RateLimit{0, 0});
        for (int i = 0; i < 100; ++i)
            QVERIFY(limiter.admit("ada", "10.0.0.9").value().allowed);
        QCOMPARE(cache.entryCount(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(RateLimiterTest)
#include "rate_limiter_test.moc"
