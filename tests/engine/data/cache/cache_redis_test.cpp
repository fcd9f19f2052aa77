// SPDX-License-Identifier: Apache-2.0
// What only the Redis cache has to get right: Sentinel, servers that are down, restart or
// refuse the password, and URLs that make no sense.
#include "backend_under_test.h"
#include "cache/cache.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

Q_DECLARE_METATYPE(helios::ErrorCode)

using helios::Config;
using helios::ErrorCode;
using helios::data::Cache;

namespace {
const QString RedisUrlKey = QStringLiteral("REDIS_URL");
const QString SentinelUrlKey = QStringLiteral("REDIS_SENTINEL_URL");

// The test server's URL with its host and port replaced.
QString redisUrlAt(const QString &hostPort, const QString &password) {
    QUrl url(helios::test::serviceUrl(RedisUrlKey));
    const QUrl at(QStringLiteral("redis://") + hostPort);
    url.setHost(at.host());
    url.setPort(at.port());
    url.setPassword(password);
    return url.toString();
}

QString realPassword() {
    return QUrl(helios::test::serviceUrl(RedisUrlKey)).password();
}
} // namespace

class CacheRedisTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(helios::test::realBackend(),
                 "cache_redis_test needs HELIOS_TEST_BACKEND=real (run it through scripts/test)");
        m_prefix =
            "helios-test:" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + ':';
    }

    void cleanupTestCase() {
        auto cache = open({{RedisUrlKey, helios::test::serviceUrl(RedisUrlKey)}});
        if (cache.ok())
            QVERIFY((*cache)->removePrefix(m_prefix).ok());
    }

    void testSentinelLeadsToTheMaster() {
        // The data URL points nowhere: only the Sentinel can say where the master is. It
        // still supplies the password.
        const QString nowhere = redisUrlAt(helios::test::deadTcpAddress(), realPassword());
        auto viaSentinel = open(
            {{SentinelUrlKey, helios::test::serviceUrl(SentinelUrlKey)}, {RedisUrlKey, nowhere}});
        QVERIFY2(viaSentinel.ok(), qPrintable(errorText(viaSentinel)));
        Cache &cache = **viaSentinel;
        QCOMPARE(cache.kind(), QStringLiteral("redis"));
        QVERIFY(cache.location().contains(QLatin1StringView("helios")));
        QVERIFY(cache.set(m_prefix + "via-sentinel", "written through the sentinel's master").ok());
        QCOMPARE(cache.get(m_prefix + "via-sentinel")->value_or(QByteArray()),
                 QByteArray("written through the sentinel's master"));

        auto direct = open({{RedisUrlKey, helios::test::serviceUrl(RedisUrlKey)}});
        QVERIFY2(direct.ok(), qPrintable(errorText(direct)));
        QCOMPARE((*direct)->get(m_prefix + "via-sentinel")->value_or(QByteArray()),
                 QByteArray("written through the sentinel's master"));
    }

    void testServerDownAtStartIsUnavailable_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("sentinel");
        QTest::newRow("a Redis URL where nothing listens") << RedisUrlKey << false;
        QTest::newRow("a Sentinel URL where nothing listens") << SentinelUrlKey << true;
    }
    void testServerDownAtStartIsUnavailable() {
        QFETCH(QString, key);
        QFETCH(bool, sentinel);
        const QString dead = helios::test::deadTcpAddress();
        const QString url = sentinel ? QStringLiteral("redis://%1/helios").arg(dead)
                                     : redisUrlAt(dead, realPassword());
        QElapsedTimer timer;
        timer.start();
        auto cache = open({{key, url}});
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!cache.ok());
        QCOMPARE(cache.error().code, ErrorCode::Unavailable);
        QVERIFY2(cache.error().context.contains(dead), qPrintable(cache.error().toString()));
        QVERIFY2(!cache.error().toString().contains(realPassword()),
                 qPrintable(cache.error().toString()));
        // Within the connect timeout (3 s in tests), with room for a slow machine.
        QVERIFY2(elapsed < 3000 + 1500, qPrintable(QString::number(elapsed)));
    }

    void testRefusedCredentialsAreUnauthenticated_data() {
        QTest::addColumn<QString>("password");
        QTest::newRow("a wrong password is refused") << QStringLiteral("not-the-password-xyzzy");
        QTest::newRow("a missing password is refused") << QString();
    }
    void testRefusedCredentialsAreUnauthenticated() {
        QFETCH(QString, password);
        const QUrl real(helios::test::serviceUrl(RedisUrlKey));
        const QString hostPort = real.host() + QLatin1Char(':') + QString::number(real.port());
        auto cache = open({{RedisUrlKey, redisUrlAt(hostPort, password)}});
        QVERIFY(!cache.ok());
        QCOMPARE(cache.error().code, ErrorCode::Unauthenticated);
        const QString text = cache.error().toString();
        QVERIFY2(text.contains(QLatin1StringView("password"), Qt::CaseInsensitive),
                 qPrintable(text));
        if (!password.isEmpty())
            QVERIFY2(!text.contains(password), qPrintable(text));
        QVERIFY2(!text.contains(realPassword()), qPrintable(text));
    }

    void testMalformedUrl_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("url");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("a port that is not a number")
            << RedisUrlKey << QStringLiteral("redis://:sekrit@127.0.0.1:port/0")
            << ErrorCode::InvalidArgument;
        QTest::newRow("a database that is not a number")
            << RedisUrlKey << QStringLiteral("redis://:sekrit@127.0.0.1:1/zero")
            << ErrorCode::InvalidArgument;
        QTest::newRow("a scheme that is not redis")
            << RedisUrlKey << QStringLiteral("http://:sekrit@127.0.0.1:1/0")
            << ErrorCode::InvalidArgument;
        QTest::newRow("no host at all")
            << RedisUrlKey << QStringLiteral("redis://:sekrit@/0") << ErrorCode::InvalidArgument;
        QTest::newRow("a password given as the user name")
            << RedisUrlKey << QStringLiteral("redis://sekrit@127.0.0.1:1/0")
            << ErrorCode::InvalidArgument;
        QTest::newRow("TLS, which this build lacks")
            << RedisUrlKey << QStringLiteral("rediss://:sekrit@127.0.0.1:1/0")
            << ErrorCode::Unsupported;
        QTest::newRow("a Sentinel URL with an empty master name")
            << SentinelUrlKey << QStringLiteral("redis://:sekrit@127.0.0.1:1/?master=")
            << ErrorCode::InvalidArgument;
    }
    void testMalformedUrl() {
        QFETCH(QString, key);
        QFETCH(QString, url);
        QFETCH(ErrorCode, code);
        auto cache = open({{key, url}});
        QVERIFY(!cache.ok());
        QCOMPARE(int(cache.error().code), int(code));
        QVERIFY2(!cache.error().toString().contains(QLatin1StringView("sekrit")),
                 qPrintable(cache.error().toString()));
    }

    void testRestartKeepsAcknowledgedWritesAndReconnects() {
        auto opened = open({{RedisUrlKey, helios::test::serviceUrl(RedisUrlKey)}});
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        Cache &cache = **opened;
        auto viaSentinel = open({{SentinelUrlKey, helios::test::serviceUrl(SentinelUrlKey)},
                                 {RedisUrlKey, helios::test::serviceUrl(RedisUrlKey)}});
        QVERIFY2(viaSentinel.ok(), qPrintable(errorText(viaSentinel)));
        const QByteArray base = m_prefix + "restart/";
        constexpr int Keys = 200;
        for (int i = 0; i < Keys; ++i)
            QVERIFY(cache.set(base + QByteArray::number(i), "value " + QByteArray::number(i)).ok());
        QCOMPARE(cache.increment(base + "counter", 41).value(), qint64(41));

        QString message;
        QVERIFY2(helios::test::restartService(QStringLiteral("redis"), &message),
                 qPrintable(message));

        // The first call on the old object after the restart: a counter, the one command
        // that must not be resent blindly. It still goes through, on a fresh connection.
        const auto counter = cache.increment(base + "counter");
        QVERIFY2(counter.ok(), qPrintable(errorText(counter)));
        QCOMPARE(*counter, qint64(42));
        for (int i = 0; i < Keys; ++i) {
            const auto value = cache.get(base + QByteArray::number(i));
            QVERIFY2(value.ok(), qPrintable(errorText(value)));
            QCOMPARE(value->value_or(QByteArray()), "value " + QByteArray::number(i));
        }

        // A Sentinel-found master is looked up again on reconnect.
        const auto throughSentinel = (*viaSentinel)->get(base + "1");
        QVERIFY2(throughSentinel.ok(), qPrintable(errorText(throughSentinel)));
        QCOMPARE(throughSentinel->value_or(QByteArray()), QByteArray("value 1"));

        // And once more with a read first.
        QVERIFY2(helios::test::restartService(QStringLiteral("redis"), &message),
                 qPrintable(message));
        const auto value = cache.get(base + "0");
        QVERIFY2(value.ok(), qPrintable(errorText(value)));
        QCOMPARE(value->value_or(QByteArray()), QByteArray("value 0"));
        QVERIFY(cache.ping().ok());
    }

private:
    helios::Result<std::unique_ptr<Cache>>
    open(const QList<std::pair<QString, QString>> &settings) {
        Config config = Config::embedded(m_dir.path());
        config.set(QString::fromLatin1(Config::ConnectTimeoutMs), QStringLiteral("3000"));
        for (const auto &[key, value] : settings)
            config.set(key, value);
        return helios::data::openCache(config);
    }

    template <typename R> static QString errorText(const R &result) {
        return result.ok() ? QString() : result.error().toString();
    }

    QTemporaryDir m_dir;
    QByteArray m_prefix;
};

QTEST_GUILESS_MAIN(CacheRedisTest)
#include "cache_redis_test.moc"
