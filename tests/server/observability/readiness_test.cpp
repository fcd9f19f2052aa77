// SPDX-License-Identifier: Apache-2.0
#include "readiness.h"

#include "backend_under_test.h"
#include "fake_redis.h"

#include "core/config.h"
#include "engine.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace helios;
using helios::server::BackendProbe;
using helios::server::Readiness;
using helios::server::ReadinessReport;

namespace {

constexpr int WaitMs = 20000; // a bound for a hung test, not a performance expectation

// A ping that blocks until released: a back end that accepted the connection and then
// went silent.
class Gate {
public:
    Result<void> wait() {
        std::unique_lock lock(m_mutex);
        ++m_calls;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_open; });
        return {};
    }
    void open() {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    int calls() {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
    int m_calls = 0;
};

BackendProbe countingProbe(const QString &name, std::atomic<int> &calls) {
    return BackendProbe{name, QStringLiteral("test"), [&calls]() -> Result<void> {
                            ++calls;
                            return {};
                        }};
}

} // namespace

class ReadinessTest : public QObject {
    Q_OBJECT

    // Runs one check and waits for its report on this thread.
    std::optional<ReadinessReport> checkOnce(Readiness &readiness) {
        std::optional<ReadinessReport> report;
        readiness.check(this, [&report](const ReadinessReport &r) { report = r; });
        if (!QTest::qWaitFor([&report] { return report.has_value(); }, WaitMs))
            return std::nullopt;
        return report;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testEmbeddedEngineIsReady() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto engine = Engine::open(Config::embedded(dir.path()));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        Readiness readiness(**engine, Readiness::Options{});

        const auto report = checkOnce(readiness);
        QVERIFY2(report, "no readiness report arrived");
        QVERIFY(report->ready);
        QVERIFY(!report->cached);
        QCOMPARE(report->httpStatus(), 200);
        QStringList names;
        for (const auto &check : report->backends) {
            names << check.name;
            QVERIFY2(check.ok, qPrintable(check.name + u' ' + check.error));
            QVERIFY(!check.kind.isEmpty());
            QVERIFY(check.milliseconds >= 0);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("store"), QStringLiteral("cache"),
                                     QStringLiteral("bus"), QStringLiteral("artifacts")}));

        const QJsonObject json = QJsonDocument::fromJson(report->toJsonBytes()).object();
        QCOMPARE(json.value(QStringLiteral("ready")).toBool(false), true);
        const QJsonObject backends = json.value(QStringLiteral("backends")).toObject();
        QCOMPARE(backends.size(), 4);
        QCOMPARE(backends.value(QStringLiteral("store"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("sqlite"));
        QCOMPARE(backends.value(QStringLiteral("cache"))
                     .toObject()
                     .value(QStringLiteral("ok"))
                     .toBool(false),
                 true);
        QVERIFY(backends.value(QStringLiteral("bus"))
                    .toObject()
                    .value(QStringLiteral("ms"))
                    .isDouble());
    }

    void testDeadRedisMakesItNotReadyAndNamesTheCache() {
        // The engine starts against a Redis that answers; then the Redis goes away and
        // its address is dead. A dead address at start would already fail Engine::open.
        test::FakeRedis redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        const QString secret = QStringLiteral("s3cret-pw");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Config config = Config::embedded(dir.path());
        config.set(QString::fromLatin1(Config::RedisUrl),
                   QStringLiteral("redis://:%1@%2/0").arg(secret, redis.address()));
        config.set(QString::fromLatin1(Config::ConnectTimeoutMs), QStringLiteral("300"));
        auto engine = Engine::open(config);
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        redis.stop();

        Readiness readiness(**engine, Readiness::Options{std::chrono::milliseconds(WaitMs),
                                                         std::chrono::milliseconds(0)});
        QSignalSpy changed(&readiness, &Readiness::readinessChanged);
        const auto report = checkOnce(readiness);
        QVERIFY2(report, "no readiness report arrived");
        QVERIFY(!report->ready);
        QCOMPARE(report->httpStatus(), 503);
        QCOMPARE(report->failing(), QStringList{QStringLiteral("cache")});
        QCOMPARE(changed.size(), 1);

        const QByteArray body = report->toJsonBytes();
        QVERIFY2(!body.contains(secret.toUtf8()), body.constData());
        const QJsonObject cache = QJsonDocument::fromJson(body)
                                      .object()
                                      .value(QStringLiteral("backends"))
                                      .toObject()
                                      .value(QStringLiteral("cache"))
                                      .toObject();
        QCOMPARE(cache.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(cache.value(QStringLiteral("kind")).toString(), QStringLiteral("redis"));
        QVERIFY2(!cache.value(QStringLiteral("error")).toString().isEmpty(), body.constData());
    }

    void testCallbackNeverRunsInsideCheck() {
        std::atomic<int> calls{0};
        Readiness readiness(
            {countingProbe(QStringLiteral("a"), calls)},
            Readiness::Options{std::chrono::milliseconds(WaitMs), std::chrono::hours(1)});
        QVERIFY(checkOnce(readiness)); // now cached
        bool called = false;
        readiness.check(this, [&called](const ReadinessReport &) { called = true; });
        QVERIFY2(!called, "a cached report must still be delivered later, not re-entrantly");
        QTRY_VERIFY_WITH_TIMEOUT(called, WaitMs);
    }

    void testConcurrentChecksShareOnePingAndLaterOnesAreCached() {
        std::atomic<int> calls{0};
        Readiness readiness(
            {countingProbe(QStringLiteral("store"), calls)},
            Readiness::Options{std::chrono::milliseconds(WaitMs), std::chrono::hours(1)});
        QList<ReadinessReport> reports;
        for (int i = 0; i < 5; ++i)
            readiness.check(this, [&reports](const ReadinessReport &r) { reports.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 5, WaitMs);
        QCOMPARE(calls.load(), 1);
        for (const auto &r : std::as_const(reports)) {
            QVERIFY(r.ready);
            QVERIFY(!r.cached);
        }
        const auto later = checkOnce(readiness);
        QVERIFY(later);
        QVERIFY(later->cached);
        QVERIFY(later->toJson().value(QStringLiteral("cached")).toBool(false));
        QCOMPARE(calls.load(), 1);
    }

    void testHungBackendTimesOutAndIsNotPingedAgain() {
        Gate gate;
        std::atomic<int> calls{0};
        QList<BackendProbe> probes{countingProbe(QStringLiteral("store"), calls),
                                   BackendProbe{QStringLiteral("bus"), QStringLiteral("nats"),
                                                [&gate] { return gate.wait(); }}};
        {
            Readiness readiness(probes, Readiness::Options{std::chrono::milliseconds(200),
                                                           std::chrono::milliseconds(0)});
            const auto first = checkOnce(readiness);
            QVERIFY2(first, "a hung back end must not hold the report back");
            QVERIFY(!first->ready);
            QCOMPARE(first->failing(), QStringList{QStringLiteral("bus")});
            QVERIFY(first->backends.at(1).timedOut);
            QCOMPARE(first->toJson()
                         .value(QStringLiteral("backends"))
                         .toObject()
                         .value(QStringLiteral("bus"))
                         .toObject()
                         .value(QStringLiteral("timeout"))
                         .toBool(false),
                     true);

            const auto second = checkOnce(readiness);
            QVERIFY(second);
            QVERIFY(!second->ready);
            QVERIFY(second->backends.at(1).timedOut);
            QVERIFY2(second->backends.at(1).error.contains(QStringLiteral("previous")),
                     qPrintable(second->backends.at(1).error));
            QCOMPARE(gate.calls(), 1);
            QCOMPARE(calls.load(), 2);
            gate.open(); // lets the destructor's wait end
        }
        QCOMPARE(gate.calls(), 1);
    }

    void testBackendThatAnswersAgainIsPingedAgain() {
        Gate gate;
        QList<BackendProbe> probes{BackendProbe{QStringLiteral("cache"), QStringLiteral("redis"),
                                                [&gate] { return gate.wait(); }}};
        Readiness readiness(probes, Readiness::Options{std::chrono::milliseconds(200),
                                                       std::chrono::milliseconds(0)});
        const auto first = checkOnce(readiness);
        QVERIFY(first && !first->ready);
        gate.open();
        // The stuck ping returns; once its late answer is in, the next check pings again.
        bool ready = false;
        QDeadlineTimer deadline(WaitMs);
        while (!ready && !deadline.hasExpired()) {
            const auto report = checkOnce(readiness);
            QVERIFY(report);
            ready = report->ready;
            if (!ready)
                QTest::qWait(10); // the answer comes from a pool thread: give it time to arrive
        }
        QVERIFY(ready);
        QVERIFY(gate.calls() >= 2);
    }

    void testNoCallbackAfterTheContextIsGone() {
        std::atomic<int> calls{0};
        Readiness readiness(
            {countingProbe(QStringLiteral("store"), calls)},
            Readiness::Options{std::chrono::milliseconds(WaitMs), std::chrono::milliseconds(0)});
        bool orphanCalled = false;
        auto context = std::make_unique<QObject>();
        readiness.check(context.get(),
                        [&orphanCalled](const ReadinessReport &) { orphanCalled = true; });
        context.reset();
        QVERIFY(checkOnce(readiness)); // a later check completes, so the first round did too
        QCoreApplication::processEvents();
        QVERIFY(!orphanCalled);
    }

    void testRedactSecrets_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("a URL with user and password")
            << QStringLiteral("cannot reach postgresql://helios:hunter2@db:5432/helios")
            << QStringLiteral("hunter2");
        QTest::newRow("a URL with a password and no user")
            << QStringLiteral("redis://:hunter2@127.0.0.1:6379/0 refused")
            << QStringLiteral("hunter2");
        QTest::newRow("a password query parameter")
            << QStringLiteral("host=db password=hunter2 dbname=x") << QStringLiteral("hunter2");
    }
    void testRedactSecrets() {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString redacted = ReadinessReport::redactSecrets(text);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains(QStringLiteral("***")), qPrintable(redacted));
    }

    void testTextWithoutSecretsIsUnchanged() {
        const QString text =
            QStringLiteral("connect to 127.0.0.1:6379 refused (see https://example.org/x)");
        QCOMPARE(ReadinessReport::redactSecrets(text), text);
    }
};

QTEST_GUILESS_MAIN(ReadinessTest)
#include "readiness_test.moc"
