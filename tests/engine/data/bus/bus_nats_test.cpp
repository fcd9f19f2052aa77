// SPDX-License-Identifier: Apache-2.0
// NatsBus against a real nats-server only: connection failures and a server restart in
// the middle of publishing. Registered once, as an integration test.
#include "backend_under_test.h"
#include "bus/bus.h"
#include "core/config.h"
#include "core/ids.h"

#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <nats/nats.h>

#include <atomic>
#include <mutex>
#include <thread>

using helios::ErrorCode;
using helios::data::Bus;
using helios::data::Event;

namespace {
constexpr int WaitMs = 30000;
}

class BusNatsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    helios::Config configWithUrl(const QString &url)
    {
        helios::Config config = helios::test::configFor(m_dir.path(), {});
        config.set(QString::fromLatin1(helios::Config::NatsUrl), url);
        return config;
    }
    std::unique_ptr<Bus> openReal()
    {
        auto bus = helios::data::openBus(helios::test::configFor(m_dir.path(), {QStringLiteral("NATS_URL")}));
        if (!bus.ok())
            qWarning("%s", qPrintable(bus.error().toString()));
        return bus.ok() ? std::move(*bus) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(helios::test::realBackend());
    }

    void testServerDownAtStartIsUnavailablePromptly()
    {
        const QString url = QStringLiteral("nats://helios:some-secret@") + helios::test::deadTcpAddress();
        QElapsedTimer timer;
        timer.start();
        const auto bus = helios::data::openBus(configWithUrl(url));
        QVERIFY(!bus.ok());
        QCOMPARE(bus.error().code, ErrorCode::Unavailable);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!bus.error().toString().contains(QStringLiteral("some-secret")));
        QVERIFY2(bus.error().context.contains(helios::test::deadTcpAddress().section(QLatin1Char(':'), 0, 0)),
                 qPrintable(bus.error().toString()));
    }

    void testWrongPasswordIsAClearErrorWithoutThePassword()
    {
        QUrl url(helios::test::serviceUrl(QStringLiteral("NATS_URL")));
        url.setPassword(QStringLiteral("wrong-pw-7781"));
        const auto bus = helios::data::openBus(configWithUrl(url.toString()));
        QVERIFY(!bus.ok());
        QCOMPARE(bus.error().code, ErrorCode::Unauthenticated);
        QVERIFY2(!bus.error().toString().contains(QStringLiteral("wrong-pw-7781")), qPrintable(bus.error().toString()));
        QVERIFY2(bus.error().context.contains(QStringLiteral("127.0.0.1")), qPrintable(bus.error().toString()));
    }

    void testMalformedUrlsAreRejected_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("a URL without a host") << QStringLiteral("nats://");
        QTest::newRow("a URL with a port that is not a number") << QStringLiteral("nats://127.0.0.1:port");
        QTest::newRow("a URL of another scheme") << QStringLiteral("http://127.0.0.1:24222");
        QTest::newRow("a URL with a path") << QStringLiteral("nats://127.0.0.1:24222/streams");
    }
    void testMalformedUrlsAreRejected()
    {
        QFETCH(QString, url);
        const auto bus = helios::data::openBus(configWithUrl(url));
        QVERIFY(!bus.ok());
        QCOMPARE(bus.error().code, ErrorCode::InvalidArgument);
    }

    void testMalformedPayloadDoesNotBlockTheStream()
    {
        auto bus = openReal();
        QVERIFY(bus);
        const QString runId = helios::newId();
        std::mutex mutex;
        QStringList seen;
        Bus::SubscribeOptions options;
        options.pattern = QStringLiteral("build.failed");
        auto sub = bus->subscribe(options, [&](const Event &e) {
            std::lock_guard lock(mutex);
            if (e.subject == runId)
                seen.append(e.id);
            return true;
        });
        QVERIFY(sub.ok());
        // Publish junk straight through cnats, as a foreign producer might.
        natsConnection *nc = nullptr;
        QCOMPARE(natsConnection_ConnectTo(&nc, helios::test::serviceUrl(QStringLiteral("NATS_URL")).toUtf8().constData()),
                 NATS_OK);
        jsCtx *js = nullptr;
        QCOMPARE(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
        const QByteArray junk("{not an event");
        QCOMPARE(js_Publish(nullptr, js, "build.failed", junk.constData(), int(junk.size()), nullptr, nullptr), NATS_OK);
        jsCtx_Destroy(js);
        natsConnection_Destroy(nc);
        const Event good = Event::make(QStringLiteral("build.failed"), QStringLiteral("/helios/test"), runId);
        QVERIFY(bus->publish(good).ok());
        QTRY_COMPARE_WITH_TIMEOUT([&] { std::lock_guard lock(mutex); return seen; }(), QStringList{good.id}, WaitMs);
    }

    void testEphemeralSubscriptionKeepsWorkingAfterARestart()
    {
        auto bus = openReal();
        QVERIFY(bus);
        const QString runId = helios::newId();
        std::mutex mutex;
        QStringList seen;
        Bus::SubscribeOptions options;
        options.pattern = QStringLiteral("token.updated");
        auto sub = bus->subscribe(options, [&](const Event &e) {
            std::lock_guard lock(mutex);
            if (e.subject == runId)
                seen.append(e.id);
            return true;
        });
        QVERIFY(sub.ok());
        QString error;
        QVERIFY2(helios::test::restartService(QStringLiteral("nats"), &error), qPrintable(error));
        const Event e = Event::make(QStringLiteral("token.updated"), QStringLiteral("/helios/test"), runId);
        const auto published = bus->publish(e);
        QVERIFY2(published.ok(), published.ok() ? "" : qPrintable(published.error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT([&] { std::lock_guard lock(mutex); return seen; }(), QStringList{e.id}, WaitMs);
    }

    void testServerRestartWhilePublishingLosesAndRepeatsNothing()
    {
        auto bus = openReal();
        QVERIFY(bus);
        const QString runId = helios::newId();
        const QString durable = QStringLiteral("restart-") + runId.left(8);
        std::mutex mutex;
        QStringList received;
        const auto handler = [&](const Event &e) {
            if (e.subject == runId) {
                std::lock_guard lock(mutex);
                received.append(e.id);
            }
            return true;
        };
        const auto receivedNow = [&] {
            std::lock_guard lock(mutex);
            return received;
        };
        Bus::SubscribeOptions options;
        options.pattern = QStringLiteral("deployment.*");
        options.durable = durable;
        auto sub = bus->subscribe(options, handler);
        QVERIFY2(sub.ok(), sub.ok() ? "" : qPrintable(sub.error().toString()));

        constexpr int Total = 200;
        std::atomic<int> published{0};
        QStringList acknowledged;  // written by the publisher thread, read after join
        QStringList failed;
        std::thread publisher([&] {
            for (int i = 0; i < Total; ++i) {
                const Event e = Event::make(QStringLiteral("deployment.started"), QStringLiteral("/helios/test"),
                                            runId, {{QStringLiteral("n"), i}});
                const auto r = bus->publish(e);
                (r.ok() ? acknowledged : failed).append(e.id);
                if (!r.ok())
                    qWarning("publish failed: %s", qPrintable(r.error().toString()));
                ++published;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(published.load() >= 30, WaitMs);
        QString error;
        const bool restarted = helios::test::restartService(QStringLiteral("nats"), &error);
        const int publishedAtRestart = published.load();
        publisher.join();
        qInfo("restarted after %d of %d publishes", publishedAtRestart, Total);
        QVERIFY2(publishedAtRestart < Total, "the restart should fall in the middle of publishing");
        QVERIFY2(restarted, qPrintable(error));
        QVERIFY2(acknowledged.size() >= Total - 5, qPrintable(QString::number(acknowledged.size())));

        // The same subscription reconnected by itself and got every stored event once.
        QTRY_VERIFY_WITH_TIMEOUT(receivedNow().size() >= acknowledged.size(), WaitMs);
        const Event marker = Event::make(QStringLiteral("deployment.completed"), QStringLiteral("/helios/test"), runId);
        QVERIFY(bus->publish(marker).ok());
        QTRY_VERIFY_WITH_TIMEOUT(receivedNow().contains(marker.id), WaitMs);
        const QStringList got = receivedNow();
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()).size(), got.size());
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(got.contains(id), qPrintable(id));
        for (const QString &id : got)
            QVERIFY(acknowledged.contains(id) || failed.contains(id) || id == marker.id);
        QVERIFY(bus->ping().ok());

        // The durable kept its position through the restart: a new subscriber of it gets
        // exactly what was published after the old one ended.
        sub->reset();
        QStringList later;
        for (int i = 0; i < 3; ++i) {
            const Event e = Event::make(QStringLiteral("deployment.failed"), QStringLiteral("/helios/test"), runId);
            QVERIFY(bus->publish(e).ok());
            later.append(e.id);
        }
        {
            std::lock_guard lock(mutex);
            received.clear();
        }
        auto again = bus->subscribe(options, handler);
        QVERIFY(again.ok());
        QTRY_COMPARE_WITH_TIMEOUT(receivedNow().size(), 3, WaitMs);
        QCOMPARE(receivedNow(), later);
    }
};

QTEST_GUILESS_MAIN(BusNatsTest)
#include "bus_nats_test.moc"
