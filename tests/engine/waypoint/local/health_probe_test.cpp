// SPDX-License-Identifier: Apache-2.0
// The health probe against a loopback server on a thread of its own: the success
// threshold, retries past early failures, a server that never answers, a refused port,
// and the path joined under the deployment's own address.
#include "waypoint/health_probe.h"

#include "http_server.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <list>

using namespace helios;
using namespace helios::waypoint;

namespace {

// Answers 503 to the first `failures` requests and 200 after, or never answers at all.
class ScriptedServer {
public:
    ScriptedServer()
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_anchor,
            [this] {
                server::HttpServer::Options options;
                options.accessLog = false;
                m_server = new server::HttpServer(options);
                m_server->setHandler([this](const server::HttpRequest &request, server::HttpResponder responder) {
                    m_paths.append(request.path);
                    const int n = ++m_requests;
                    if (m_silent) {
                        m_unanswered.push_back(std::move(responder));
                        return;
                    }
                    responder.send(n <= m_failures ? 503 : 200, "text/plain", "x");
                });
                m_port = m_server->listen(QHostAddress::LocalHost, 0).value();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ScriptedServer()
    {
        QMetaObject::invokeMethod(
            &m_anchor,
            [this] {
                m_unanswered.clear();
                delete m_server;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    void script(int failures, bool silent)
    {
        m_failures = failures;
        m_silent = silent;
        m_requests = 0;
    }
    QUrl base(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    int requests() const { return m_requests; }
    QByteArray lastPath() const
    {
        QByteArray path;
        QMetaObject::invokeMethod(const_cast<QObject *>(&m_anchor), [&] { path = m_paths.value(m_paths.size() - 1); },
                                  Qt::BlockingQueuedConnection);
        return path;
    }

private:
    QThread m_thread;
    QObject m_anchor;
    server::HttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic_int m_failures{0};
    std::atomic_bool m_silent{false};
    std::atomic_int m_requests{0};
    QList<QByteArray> m_paths;
    std::list<server::HttpResponder> m_unanswered;
};

HealthCheck check(int attempts, int threshold, int timeoutMs = 2000)
{
    HealthCheck check;
    check.attempts = attempts;
    check.successThreshold = threshold;
    check.intervalMs = 10;
    check.timeoutMs = timeoutMs;
    return check;
}

} // namespace

class HealthProbeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void testThreshold_data();
    void testThreshold();
    void testServerThatNeverAnswersTimesOut();
    void testRefusedPortIsUnavailable();
    void testPathGoesUnderTheDeployment();
    void testCancelledProbeStops();

private:
    ScriptedServer m_server;
};

void HealthProbeTest::testThreshold_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<bool>("healthy");
    QTest::addColumn<int>("requests");

    QTest::newRow("a healthy server passes after the threshold") << 0 << 5 << 2 << true << 2;
    QTest::newRow("early failures are retried") << 2 << 5 << 2 << true << 4;
    QTest::newRow("failures until the last attempts leave too few") << 4 << 5 << 2 << false << 4;
    QTest::newRow("the threshold needs consecutive successes") << 3 << 4 << 2 << false << 3;
    QTest::newRow("one attempt, one success") << 0 << 1 << 1 << true << 1;
}

void HealthProbeTest::testThreshold()
{
    QFETCH(int, failures);
    QFETCH(int, attempts);
    QFETCH(int, threshold);
    QFETCH(bool, healthy);
    QFETCH(int, requests);
    m_server.script(failures, false);
    const Result<HealthResult> result = probeHealth(m_server.base(), check(attempts, threshold));
    QCOMPARE(result.ok(), healthy);
    QCOMPARE(m_server.requests(), requests);
    if (healthy) {
        QCOMPARE(result->successes, threshold);
        QCOMPARE(result->attempts, requests);
        QCOMPARE(result->lastStatus, 200);
    } else {
        QCOMPARE(result.error().code, ErrorCode::Unavailable);
        QVERIFY2(result.error().message.contains(QStringLiteral("503")), qPrintable(result.error().message));
    }
}

void HealthProbeTest::testServerThatNeverAnswersTimesOut()
{
    m_server.script(0, true);
    const Result<HealthResult> result = probeHealth(m_server.base(), check(2, 1, 300));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Unavailable);
    QVERIFY2(result.error().message.contains(QStringLiteral("no answer within 300 ms")), qPrintable(result.error().message));
    QCOMPARE(m_server.requests(), 2);
}

void HealthProbeTest::testRefusedPortIsUnavailable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const Result<HealthResult> result = probeHealth(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), check(3, 1));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Unavailable);
    QVERIFY2(result.error().message.contains(QStringLiteral("3 attempts")), qPrintable(result.error().message));
}

void HealthProbeTest::testPathGoesUnderTheDeployment()
{
    m_server.script(0, false);
    HealthCheck withPath = check(1, 1);
    withPath.path = QStringLiteral("/healthz.txt");
    QVERIFY(probeHealth(m_server.base(QStringLiteral("/deployments/abc/")), withPath).ok());
    QCOMPARE(m_server.lastPath(), QByteArray("/deployments/abc/healthz.txt"));
}

void HealthProbeTest::testCancelledProbeStops()
{
    m_server.script(0, false);
    const std::atomic_bool cancelled{true};
    const Result<HealthResult> result = probeHealth(m_server.base(), check(5, 2), &cancelled);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QStringLiteral("cancelled")));
    QCOMPARE(m_server.requests(), 0);
}

QTEST_GUILESS_MAIN(HealthProbeTest)
#include "health_probe_test.moc"
