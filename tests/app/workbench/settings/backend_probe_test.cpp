// SPDX-License-Identifier: Apache-2.0
#include "backend_probe.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <thread>

using namespace helios::workbench;

namespace {

// A port on 127.0.0.1 that nothing listens on: bound once, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class BackendProbeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testEmptyUrlIsEmbedded_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("an empty DATABASE_URL is the embedded SQLite store") << QStringLiteral("DATABASE_URL");
        QTest::newRow("an empty REDIS_URL is the in-memory cache") << QStringLiteral("REDIS_URL");
        QTest::newRow("an empty NATS_URL is the in-process bus") << QStringLiteral("NATS_URL");
        QTest::newRow("an empty REGISTRY_URL is the image layout store") << QStringLiteral("REGISTRY_URL");
    }

    void testEmptyUrlIsEmbedded()
    {
        QFETCH(QString, key);
        const ProbeResult result = probeBackend(key, QStringLiteral("  "), 1000);
        QCOMPARE(result.outcome, ProbeResult::Outcome::Embedded);
        QVERIFY(result.error.isEmpty());
    }

    void testClosedPortFailsWithoutThePassword_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("urlPattern");
        QTest::newRow("PostgreSQL refuses") << QStringLiteral("DATABASE_URL")
                                            << QStringLiteral("postgresql://helios:s3cr%3Et@127.0.0.1:%1/helios");
        QTest::newRow("Redis refuses") << QStringLiteral("REDIS_URL")
                                       << QStringLiteral("redis://:s3cr%3Et@127.0.0.1:%1/0");
        QTest::newRow("NATS refuses") << QStringLiteral("NATS_URL")
                                      << QStringLiteral("nats://helios:s3cr%3Et@127.0.0.1:%1");
        QTest::newRow("the registry refuses") << QStringLiteral("REGISTRY_URL")
                                              << QStringLiteral("http://helios:s3cr%3Et@127.0.0.1:%1");
    }

    void testClosedPortFailsWithoutThePassword()
    {
        QFETCH(QString, key);
        QFETCH(QString, urlPattern);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const ProbeResult result = probeBackend(key, urlPattern.arg(port), 2000);
        QCOMPARE(result.outcome, ProbeResult::Outcome::Failed);
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(!result.error.contains(QLatin1StringView("s3cr")), qPrintable(result.error));
    }

    void testAnsweringRegistryIsReachable()
    {
        // The registry API's version check answered by a server on this thread while the
        // probe blocks on its own.
        QTcpServer registry;
        QVERIFY(registry.listen(QHostAddress::LocalHost));
        QObject::connect(&registry, &QTcpServer::newConnection, &registry, [&registry] {
            QTcpSocket *socket = registry.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Docker-Distribution-API-Version: registry/2.0\r\n"
                              "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            });
        });
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(registry.serverPort());
        ProbeResult result;
        std::atomic_bool done{false};
        std::thread probe([&] {
            result = probeBackend(QStringLiteral("REGISTRY_URL"), url, 3000);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        probe.join();
        QVERIFY2(result.outcome == ProbeResult::Outcome::Reachable, qPrintable(result.error));
        QVERIFY(result.latencyMs >= 0);
    }

    void testUnknownKeyIsRefused()
    {
        const ProbeResult result = probeBackend(QStringLiteral("HELIOS_AI_URL"), QStringLiteral("http://127.0.0.1:1"), 1000);
        QCOMPARE(result.outcome, ProbeResult::Outcome::Failed);
        QVERIFY(result.error.contains(QLatin1StringView("HELIOS_AI_URL")));
    }
};

QTEST_GUILESS_MAIN(BackendProbeTest)
#include "backend_probe_test.moc"
