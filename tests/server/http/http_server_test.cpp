// SPDX-License-Identifier: Apache-2.0
// HttpServer over real TLS on 127.0.0.1, with a CA made for the run. No assertion is
// about time: timeouts are configured short, and every wait is bounded.
#include "http_server.h"
#include "http_test_client.h"
#include "test_tls.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using helios::server::HttpRequest;
using helios::server::HttpResponder;
using helios::server::HttpServer;
using namespace std::chrono_literals;

class HttpServerTest : public QObject {
    Q_OBJECT
private:
    std::optional<TestTls> m_tls;

    HttpServer::Options options() const
    {
        HttpServer::Options o;
        o.tls = m_tls->server;
        o.accessLog = false;
        return o;
    }
    // Starts `server` on 127.0.0.1 with a free port; 0 on failure.
    static quint16 start(HttpServer &server)
    {
        const auto port = server.listen(QHostAddress::LocalHost, 0);
        return port.ok() ? *port : 0;
    }
    static QByteArray get(const QByteArray &path, const QByteArray &extra = {})
    {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tls = TestTls::make();
        QVERIFY(m_tls.has_value());
    }

    void testKeepAliveReusesTheConnection()
    {
        HttpServer server(options());
        QList<QByteArray> seenIds;
        server.setHandler([&](const HttpRequest &r, HttpResponder responder) {
            seenIds.append(r.requestId);
            QVERIFY(r.secure);
            responder.send(200, "text/plain", "hello " + r.path);
        });
        const quint16 port = start(server);
        QVERIFY(port);

        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/one", "X-Request-Id: client-chosen-1\r\n"));
        auto first = client.read();
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QCOMPARE(first->body, QByteArray("hello /one"));
        QCOMPARE(first->header("connection"), QByteArray("keep-alive"));
        QCOMPARE(first->header("x-request-id"), QByteArray("client-chosen-1"));
        QVERIFY(first->header("date").endsWith("GMT"));

        client.send(get("/two", "X-Request-Id: not sane!\r\n"));
        auto second = client.read();
        QVERIFY(second);
        QCOMPARE(second->body, QByteArray("hello /two"));
        QVERIFY(client.isConnected()); // the same socket carried both
        QCOMPARE(seenIds.size(), 2);
        QVERIFY(!seenIds[1].isEmpty());
        QVERIFY(seenIds[1] != "not sane!");
        QCOMPARE(second->header("x-request-id"), seenIds[1]);
    }

    void testBodyOverTheLimitIs413WithoutDispatch_data()
    {
        QTest::addColumn<bool>("expectContinue");
        QTest::newRow("a plain oversized upload") << false;
        QTest::newRow("an oversized upload asking 100-continue gets no 100") << true;
    }
    void testBodyOverTheLimitIs413WithoutDispatch()
    {
        QFETCH(bool, expectContinue);
        HttpServer::Options o = options();
        o.maxBodyBytes = 1000;
        HttpServer server(o);
        int dispatched = 0;
        server.setHandler([&](const HttpRequest &, HttpResponder r) {
            ++dispatched;
            r.send(200, "text/plain", "ok");
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n"
                    + QByteArray(expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n"
                    + (expectContinue ? QByteArray() : QByteArray(5000, 'x')));
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("connection"), QByteArray("close"));
        const QJsonObject error = QJsonDocument::fromJson(response->body).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 413);
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("body_too_large"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(dispatched, 0);
    }

    void testExpectContinueWithinTheLimit()
    {
        HttpServer server(options());
        server.setHandler([](const HttpRequest &r, HttpResponder responder) { responder.send(200, "text/plain", r.body); });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send("PUT /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        auto interim = client.read();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client.send("abcde");
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("abcde"));
    }

    void testSlowHeadersGet408()
    {
        HttpServer::Options o = options();
        o.requestTimeout = 300ms;
        HttpServer server(o);
        int dispatched = 0;
        server.setHandler([&](const HttpRequest &, HttpResponder r) {
            ++dispatched;
            r.send(200, "text/plain", "ok");
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n"); // never finished
        auto response = client.read(10'000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(dispatched, 0);
    }

    void testIdleKeepAliveConnectionIsClosed()
    {
        HttpServer::Options o = options();
        o.idleTimeout = 300ms;
        HttpServer server(o);
        server.setHandler([](const HttpRequest &, HttpResponder r) { r.send(204, {}, {}); });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/"));
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 204);
        QVERIFY(response->header("content-length").isEmpty());
        QVERIFY(client.waitForDisconnected(10'000));
    }

    void testPipelinedResponsesKeepRequestOrder()
    {
        HttpServer server(options());
        // The first request is answered last, the last one at once.
        server.setHandler([&server](const HttpRequest &r, HttpResponder responder) {
            const int delay = r.path == "/1" ? 300 : r.path == "/2" ? 100 : 0;
            const QByteArray body = "answer" + r.path;
            if (delay == 0) {
                responder.send(200, "text/plain", body);
                return;
            }
            QTimer::singleShot(delay, &server, [responder, body]() mutable { responder.send(200, "text/plain", body); });
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/1") + get("/2") + get("/3"));
        for (const QByteArray expected : {"answer/1", "answer/2", "answer/3"}) {
            auto response = client.read();
            QVERIFY(response);
            QCOMPARE(response->body, expected);
        }
    }

    void testStreamedResponseIsChunked()
    {
        HttpServer server(options());
        server.setHandler([&server](const HttpRequest &, HttpResponder responder) {
            responder.begin(200, {{"content-type", "text/plain"}});
            responder.write("first,");
            auto count = std::make_shared<int>(0);
            auto *timer = new QTimer(&server);
            QObject::connect(timer, &QTimer::timeout, timer, [responder, count, timer]() mutable {
                if (++*count <= 3) {
                    responder.write("part" + QByteArray::number(*count) + ",");
                    return;
                }
                responder.end();
                timer->deleteLater();
            });
            timer->start(20);
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/stream"));
        auto response = client.read();
        QVERIFY(response);
        QVERIFY(response->chunked);
        QCOMPARE(response->header("content-type"), QByteArray("text/plain"));
        QCOMPARE(response->body, QByteArray("first,part1,part2,part3,"));
        // The connection stays usable after a chunked response.
        client.send(get("/stream"));
        QVERIFY(client.read());
    }

    void testLargeBodyArrivesWhole()
    {
        // Larger than the socket's read buffer, so reading must resume after it fills.
        HttpServer::Options o = options();
        o.maxBodyBytes = 4 << 20;
        HttpServer server(o);
        server.setHandler([](const HttpRequest &r, HttpResponder responder) {
            responder.send(200, "text/plain", QByteArray::number(r.body.size()) + ":" + QByteArray::number(r.body.count('z')));
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        const QByteArray body(3 << 20, 'z');
        client.send("POST /big HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\n\r\n" + body);
        auto response = client.read(30'000);
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray::number(body.size()) + ":" + QByteArray::number(body.size()));
    }

    void testStreamedResponseWithContentLength()
    {
        HttpServer server(options());
        server.setHandler([](const HttpRequest &r, HttpResponder responder) {
            responder.begin(200, {{"Content-Length", "10"}});
            responder.write("01234");
            responder.write(r.path == "/short" ? QByteArray() : QByteArray("56789"));
            responder.end();
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/full"));
        auto response = client.read();
        QVERIFY(response);
        QVERIFY(!response->chunked);
        QCOMPARE(response->header("content-length"), QByteArray("10"));
        QCOMPARE(response->body, QByteArray("0123456789"));
        // A handler that ends short of its length gets the connection closed, so the
        // client is not left waiting for bytes that never come.
        client.send(get("/short"));
        QVERIFY(client.waitForDisconnected());
    }

    void testClientThatDoesNotReadStopsTheReading()
    {
        // Back-pressure: big answers pile up while the client reads nothing, so the
        // server must stop taking requests off the wire instead of buffering them all.
        // 48 MiB of answers is more than loopback's socket buffers hold.
        HttpServer server(options());
        int dispatched = 0;
        const QByteArray big(1024 * 1024, 'b');
        server.setHandler([&](const HttpRequest &, HttpResponder r) {
            ++dispatched;
            r.send(200, "application/octet-stream", big);
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        QByteArray requests;
        for (int i = 0; i < 48; ++i)
            requests += get("/big");
        client.socket().setReadBufferSize(64 * 1024); // this client reads slowly
        client.send(requests);
        QTRY_VERIFY_WITH_TIMEOUT(dispatched > 0, 5000);
        QTest::qWait(300); // give an unbounded server the chance to read everything
        QVERIFY2(dispatched < 48, qPrintable(QString::number(dispatched)));
        client.socket().setReadBufferSize(0);
        for (int i = 0; i < 48; ++i) {
            auto response = client.read(30'000);
            QVERIFY(response);
            QCOMPARE(response->body.size(), big.size());
        }
        QCOMPARE(dispatched, 48);
    }

    void testHttp10StreamEndsWithTheConnection()
    {
        // HTTP/1.0 has no chunked coding: a stream without a length is delimited by the
        // close, and the server must not claim keep-alive.
        HttpServer server(options());
        server.setHandler([](const HttpRequest &, HttpResponder responder) {
            responder.begin(200, {{"content-type", "text/plain"}});
            responder.write("old ");
            responder.write("client");
            responder.end();
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send("GET /legacy HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(client.waitForDisconnected());
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(!response->chunked);
        QCOMPARE(response->header("connection"), QByteArray("close"));
        QCOMPARE(response->body, QByteArray("old client"));
    }

    void testDroppedResponderAnswers500()
    {
        HttpServer server(options());
        server.setHandler([](const HttpRequest &, HttpResponder) {});
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/forgotten"));
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 500);
        QVERIFY(response->body.contains("\"unanswered\""));
    }

    void testResponderOutlivesItsClient()
    {
        HttpServer server(options());
        HttpResponder kept;
        server.setHandler([&](const HttpRequest &, HttpResponder r) { kept = std::move(r); });
        const quint16 port = start(server);
        QVERIFY(port);
        {
            HttpTestClient client(m_tls->clientConfiguration());
            QVERIFY(client.connectTo(port));
            client.send(get("/long"));
            QTRY_VERIFY_WITH_TIMEOUT(kept.isOpen(), 5000);
            client.socket().abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!kept.isOpen(), 5000);
        kept.send(200, "text/plain", "too late"); // a no-op, not a crash
        QVERIFY(!kept.isOpen());
        QCOMPARE(server.requestsInFlight(), 0);
    }

    void testMalformedRequestIs400AndNeverDispatched()
    {
        HttpServer server(options());
        int dispatched = 0;
        server.setHandler([&](const HttpRequest &, HttpResponder r) {
            ++dispatched;
            r.send(200, "text/plain", "ok");
        });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/ok") + get("/static/%2e%2e/secret"));
        auto ok = client.read();
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        auto bad = client.read();
        QVERIFY(bad);
        QCOMPARE(bad->status, 400);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(dispatched, 1);
    }

    void testDrainFinishesInFlightAndRefusesNewConnections()
    {
        HttpServer server(options());
        int dispatched = 0;
        server.setHandler([&](const HttpRequest &, HttpResponder responder) {
            ++dispatched;
            QTimer::singleShot(300, &server, [responder]() mutable { responder.send(200, "text/plain", "finished"); });
        });
        const quint16 port = start(server);
        QVERIFY(port);
        QSignalSpy drained(&server, &HttpServer::drained);

        HttpTestClient busy(m_tls->clientConfiguration());
        QVERIFY(busy.connectTo(port));
        HttpTestClient idle(m_tls->clientConfiguration());
        QVERIFY(idle.connectTo(port));
        busy.send(get("/work"));
        QTRY_COMPARE_WITH_TIMEOUT(server.requestsInFlight(), 1, 5000);

        server.drain(10s);
        QVERIFY(idle.waitForDisconnected()); // idle connections go at once
        QTcpSocket late;
        QSignalSpy refused(&late, &QAbstractSocket::errorOccurred);
        late.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 5000);
        QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(drained.count(), 0); // the request in flight is still owed its answer

        auto response = busy.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("finished"));
        QCOMPARE(response->header("connection"), QByteArray("close"));
        QTRY_COMPARE_WITH_TIMEOUT(drained.count(), 1, 5000);
        QCOMPARE(dispatched, 1);
        QVERIFY(busy.waitForDisconnected());
    }

    void testDrainDeadlineClosesStuckConnections()
    {
        HttpServer server(options());
        HttpResponder neverAnswered;
        server.setHandler([&](const HttpRequest &, HttpResponder r) { neverAnswered = std::move(r); });
        const quint16 port = start(server);
        QVERIFY(port);
        QSignalSpy drained(&server, &HttpServer::drained);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/stuck"));
        QTRY_VERIFY_WITH_TIMEOUT(neverAnswered.isOpen(), 5000);
        server.drain(200ms);
        QTRY_COMPARE_WITH_TIMEOUT(drained.count(), 1, 5000);
        QVERIFY(!neverAnswered.isOpen());
        QVERIFY(client.waitForDisconnected());
    }

    void testAccessLogLeavesSecretsOut()
    {
        HttpServer::Options o = options();
        o.accessLog = true;
        HttpServer server(o);
        QList<QByteArray> lines;
        server.setAccessLogSink([&](QByteArrayView line) { lines.append(line.toByteArray()); });
        server.setHandler([](const HttpRequest &, HttpResponder r) { r.send(201, "text/plain", "12345"); });
        const quint16 port = start(server);
        QVERIFY(port);
        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/api/things?token=hunter2", "Authorization: Bearer sup3rsecret\r\nX-Request-Id: log-1\r\n"));
        QVERIFY(client.read());
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 1, 5000);
        QVERIFY(lines.front().endsWith('\n'));
        QVERIFY(!lines.front().contains("hunter2"));
        QVERIFY(!lines.front().contains("sup3rsecret"));
        QJsonParseError error;
        const QJsonObject entry = QJsonDocument::fromJson(lines.front(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(entry.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(entry.value(QStringLiteral("path")).toString(), QStringLiteral("/api/things"));
        QCOMPARE(entry.value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(entry.value(QStringLiteral("bytes")).toInt(), 5);
        QCOMPARE(entry.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), QStringLiteral("log-1"));
        QVERIFY(entry.contains(QStringLiteral("ts")));
        QVERIFY(entry.value(QStringLiteral("ms")).isDouble());
    }

    void testFailedHandshakeDoesNotHurtTheServer()
    {
        HttpServer::Options o = options();
        o.requestTimeout = 500ms; // also bounds the TLS handshake
        HttpServer server(o);
        server.setHandler([](const HttpRequest &, HttpResponder r) { r.send(200, "text/plain", "fine"); });
        const quint16 port = start(server);
        QVERIFY(port);

        QTcpSocket plain; // speaks HTTP to a TLS port
        plain.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::ConnectedState, 5000);
        plain.write(get("/"));
        QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 10'000);

        QTcpSocket silent; // connects and never says anything
        silent.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 10'000);

        HttpTestClient client(m_tls->clientConfiguration());
        QVERIFY(client.connectTo(port));
        client.send(get("/"));
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("fine"));
    }

    void testWebSocketUpgradeIsHandedOver()
    {
        HttpServer server(options());
        QWebSocketServer sockets(QStringLiteral("helios-test"), QWebSocketServer::NonSecureMode);
        QList<QByteArray> upgradedPaths;
        server.setUpgradeHandler([&](const HttpRequest &r, QTcpSocket *socket) {
            if (r.path != "/events")
                return false;
            upgradedPaths.append(r.path);
            sockets.handleConnection(socket);
            return true;
        });
        server.setHandler([](const HttpRequest &r, HttpResponder responder) {
            responder.sendError(404, "not_found", QString::fromUtf8(r.path));
        });
        std::vector<std::unique_ptr<QWebSocket>> accepted;
        connect(&sockets, &QWebSocketServer::newConnection, this, [&] {
            while (sockets.hasPendingConnections()) {
                QWebSocket *ws = sockets.nextPendingConnection();
                accepted.emplace_back(ws);
                connect(ws, &QWebSocket::textMessageReceived, ws, [ws](const QString &m) { ws->sendTextMessage(u"echo:" + m); });
            }
        });
        const quint16 port = start(server);
        QVERIFY(port);

        QWebSocket client;
        client.setSslConfiguration(m_tls->clientConfiguration());
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &m) { received.append(m); });
        connect(&client, &QWebSocket::connected, this, [&] { client.sendTextMessage(QStringLiteral("hi")); });
        client.open(QUrl(QStringLiteral("wss://localhost:%1/events").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(received, QStringList{QStringLiteral("echo:hi")}, 10'000);
        QCOMPARE(upgradedPaths, QList<QByteArray>{"/events"});
        client.close();

        // A refused upgrade is answered as an ordinary request.
        HttpTestClient plain(m_tls->clientConfiguration());
        QVERIFY(plain.connectTo(port));
        plain.send(get("/elsewhere", "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                     "Sec-WebSocket-Version: 13\r\n"));
        auto response = plain.read();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QVERIFY(response->body.contains("/elsewhere"));
    }
};

QTEST_GUILESS_MAIN(HttpServerTest)
#include "http_server_test.moc"
