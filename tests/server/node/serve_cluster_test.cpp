// SPDX-License-Identifier: Apache-2.0
// Two `helios serve` processes on loopback over HTTPS with a test CA, sharing the real
// PostgreSQL and Redis that scripts/test starts: control (LANDING, the gateway) and
// compute (SLATE). LANDING proxies SLATE; the auth matrix, bad bodies, the shared rate
// limit, the event stream, the landing page in headless Chromium, and a graceful drain.
#include "serve_fixture.h"

#include "backend_under_test.h"
#include "test_config.h"

#include "core/config.h"
#include "engine.h"
#include "landing/user_directory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

using namespace helios;
using helios::test::Reply;

namespace {

const QByteArray kSecret = QByteArrayLiteral("a-test-secret-that-is-long-enough-for-hs256!");
const QString kAudience = QStringLiteral("helios-test");
constexpr int kIdentityBurst = 30;

QByteArray validFiles(const QString &colour)
{
    const QString content = QStringLiteral("{\"color\": {\"$type\": \"color\", \"brand\": {\"$value\": \"%1\"}}}").arg(colour);
    return QJsonDocument(QJsonObject{{QStringLiteral("files"),
                                      QJsonArray{QJsonObject{{QStringLiteral("fileName"), QStringLiteral("base.tokens.json")},
                                                             {QStringLiteral("content"), content}}}}})
        .toJson(QJsonDocument::Compact);
}

// An upstream that answers only when told: a request held in flight through the gateway.
class HeldUpstream : public QObject {
public:
    bool listen(const helios::test::TestPki &pki)
    {
        m_server.setSslConfiguration(pki.tls.server);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto received = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, received]() {
                    *received += socket->readAll();
                    if (!received->contains("\r\n\r\n"))
                        return;
                    // The gateway's health probes are answered; the request under test is held.
                    m_requestLines.append(received->left(received->indexOf("\r\n")));
                    if (received->startsWith("GET /api/spark/held "))
                        m_socket = socket;
                    else
                        socket->write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
                    received->clear();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    // "POST /mcp HTTP/1.1": the first line of each request received, in order.
    const QList<QByteArray> &requestLines() const { return m_requestLines; }
    bool holding() const { return m_socket != nullptr; }
    void release()
    {
        m_socket->write("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 8\r\nconnection: close\r\n\r\nreleased");
        m_socket->flush();
    }

private:
    QSslServer m_server;
    QTcpSocket *m_socket = nullptr;
    QList<QByteArray> m_requestLines;
};

} // namespace

class ServeClusterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void landingProxiesSlate();
    void authMatrixOnEveryRoute();
    void badBodiesChangeNothing();
    void rateLimitIsSharedByBothProcesses();
    void eventStreamPushesTokenUpdates();
    void landingForwardsMcpToSparksNode();
    void landingPageRendersInChromium();
    void sigtermLetsARequestInFlightFinish();

private:
    QString landing(const QString &path) const { return QStringLiteral("https://127.0.0.1:%1%2").arg(m_control->port(QStringLiteral("landing"))).arg(path); }
    QString slate(const QString &path) const { return QStringLiteral("https://127.0.0.1:%1%2").arg(m_compute->port(QStringLiteral("slate"))).arg(path); }
    QByteArray tokenFor(const QString &subject, qint64 expiresIn = 3600, const QString &audience = kAudience) const;
    QList<std::pair<QByteArray, QByteArray>> bearer(const QByteArray &token) const { return {{QByteArrayLiteral("authorization"), "Bearer " + token}}; }
    QProcessEnvironment environment(const QString &dataDir) const;

    QTemporaryDir m_dir;
    helios::test::TestPki m_pki;
    QString m_run; // makes subjects and set names unique to this run
    QString m_viewer, m_developer, m_admin, m_burst, m_writer;
    std::unique_ptr<helios::test::TestClient> m_client;
    std::unique_ptr<helios::test::ServeProcess> m_compute, m_control;
    HeldUpstream m_held;
};

QProcessEnvironment ServeClusterTest::environment(const QString &dataDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HELIOS_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("DATABASE_URL"), helios::test::serviceUrl(QStringLiteral("DATABASE_URL")));
    env.insert(QStringLiteral("REDIS_URL"), helios::test::serviceUrl(QStringLiteral("REDIS_URL")));
    env.insert(QStringLiteral("HELIOS_TLS_CERT"), m_pki.certPath);
    env.insert(QStringLiteral("HELIOS_TLS_KEY"), m_pki.keyPath);
    env.insert(QStringLiteral("HELIOS_TLS_CA"), m_pki.caPath);
    env.insert(QStringLiteral("HELIOS_JWT_SECRET"), QString::fromLatin1(kSecret));
    env.insert(QStringLiteral("HELIOS_JWT_AUDIENCE"), kAudience);
    // Slow refill: the rate-limit case counts what both processes let through.
    env.insert(QStringLiteral("HELIOS_RATE_LIMIT_IDENTITY"), QStringLiteral("%1/0.01").arg(kIdentityBurst));
    env.insert(QStringLiteral("HELIOS_RATE_LIMIT_ADDRESS"), QStringLiteral("off"));
    for (const QString &name : Config::subsystemNames())
        env.insert(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    env.insert(QStringLiteral("HELIOS_SITES_PORT"), QStringLiteral("0"));
    return env;
}

QByteArray ServeClusterTest::tokenFor(const QString &subject, qint64 expiresIn, const QString &audience) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return helios::test::hs256Token(kSecret, {{QStringLiteral("sub"), subject},
                                              {QStringLiteral("aud"), audience},
                                              {QStringLiteral("iat"), now},
                                              {QStringLiteral("exp"), now + expiresIn}});
}

void ServeClusterTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_pki.make(m_dir.path(), &error), qPrintable(error));
    m_run = QUuid::createUuid().toString(QUuid::Id128).left(10);
    m_viewer = QStringLiteral("viewer-") + m_run;
    m_developer = QStringLiteral("developer-") + m_run;
    m_admin = QStringLiteral("admin-") + m_run;
    m_burst = QStringLiteral("burst-") + m_run;
    m_writer = QStringLiteral("writer-") + m_run; // writes outside the matrix, own bucket

    // Users go into the shared PostgreSQL the way `helios users add` puts them there.
    Config config = Config::embedded(m_dir.path() + QStringLiteral("/users"));
    config.set(QStringLiteral("DATABASE_URL"), helios::test::serviceUrl(QStringLiteral("DATABASE_URL")));
    config.set(QStringLiteral("REDIS_URL"), helios::test::serviceUrl(QStringLiteral("REDIS_URL")));
    auto engine = Engine::open(config);
    QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().toString()));
    landing::UserDirectory users((*engine)->store(), (*engine)->cache());
    QVERIFY(users.add(m_viewer, landing::Role::Viewer));
    QVERIFY(users.add(m_developer, landing::Role::Developer));
    QVERIFY(users.add(m_admin, landing::Role::Admin));
    QVERIFY(users.add(m_burst, landing::Role::Viewer));
    QVERIFY(users.add(m_writer, landing::Role::Developer));

    QVERIFY(m_held.listen(m_pki));
    const QString binary = QStringLiteral(HELIOS_CLI_PATH);
    // The compute node trusts what the gateway host forwards (it was limited there); only
    // the host of this URL matters.
    QProcessEnvironment computeEnv = environment(m_dir.path() + QStringLiteral("/compute"));
    computeEnv.insert(QStringLiteral("HELIOS_LANDING_UPSTREAM"), QStringLiteral("https://127.0.0.1"));
    m_compute = std::make_unique<helios::test::ServeProcess>(binary, m_dir.path(), QStringLiteral("compute"));
    QVERIFY2(m_compute->start({QStringLiteral("--role"), QStringLiteral("compute")}, computeEnv, &error),
             qPrintable(error));
    QProcessEnvironment controlEnv = environment(m_dir.path() + QStringLiteral("/control"));
    controlEnv.insert(QStringLiteral("HELIOS_SLATE_UPSTREAM"),
                      QStringLiteral("https://127.0.0.1:%1").arg(m_compute->port(QStringLiteral("slate"))));
    controlEnv.insert(QStringLiteral("HELIOS_SPARK_UPSTREAM"), QStringLiteral("https://127.0.0.1:%1").arg(m_held.port()));
    controlEnv.insert(QStringLiteral("HELIOS_WAYPOINT_UPSTREAM"), QStringLiteral("https://") + helios::test::deadTcpAddress());
    m_control = std::make_unique<helios::test::ServeProcess>(binary, m_dir.path(), QStringLiteral("control"));
    QVERIFY2(m_control->start({QStringLiteral("--role"), QStringLiteral("control")}, controlEnv, &error), qPrintable(error));
    QVERIFY(m_control->port(QStringLiteral("landing")) > 0);
    QVERIFY(m_compute->port(QStringLiteral("slate")) > 0);
    m_client = std::make_unique<helios::test::TestClient>(m_pki.clientConfiguration());
}

void ServeClusterTest::landingProxiesSlate()
{
    const QString set = QStringLiteral("/api/slate/sets/proxied-") + m_run;
    const Reply put = m_client->send("PUT", landing(set), validFiles(QStringLiteral("#112233")),
                                     bearer(tokenFor(m_developer)) + QList<std::pair<QByteArray, QByteArray>>{{"x-request-id", "proxy-check-1"}});
    QCOMPARE(put.status, 201);
    QCOMPARE(put.headers.value("x-request-id"), QByteArrayLiteral("proxy-check-1"));
    QCOMPARE(put.json().value(QStringLiteral("set")).toObject().value(QStringLiteral("version")).toInt(), 1);

    const Reply viaLanding = m_client->send("GET", landing(set), {}, bearer(tokenFor(m_viewer)));
    const Reply direct = m_client->send("GET", slate(set), {}, bearer(tokenFor(m_viewer)));
    QCOMPARE(viaLanding.status, 200);
    QCOMPARE(direct.status, 200);
    QCOMPARE(viaLanding.json(), direct.json());
    QVERIFY(viaLanding.body.contains("#112233"));
    QVERIFY(!viaLanding.headers.value("etag").isEmpty());

    // Both nodes describe themselves on every port: health, readiness, metrics.
    for (const QString &url : {landing(QStringLiteral("/healthz")), slate(QStringLiteral("/healthz"))})
        QCOMPARE(m_client->send("GET", url).status, 200);
    const Reply ready = m_client->send("GET", slate(QStringLiteral("/readyz")));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json().value(QStringLiteral("ready")).toBool(), true);
    QVERIFY(!ready.body.contains("helios-test-pw")); // no secret in the per-backend detail
    const Reply metrics = m_client->send("GET", slate(QStringLiteral("/metrics")));
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("route=\"/api/slate/sets/{name}\""), metrics.body.left(2000).constData());
    QVERIFY(metrics.body.contains("helios_http_request_duration_seconds_bucket"));

    // An upstream that cannot be reached is a 502 with a JSON error body, not a hang.
    const Reply unreachable = m_client->send("GET", landing(QStringLiteral("/api/waypoint/releases")), {}, bearer(tokenFor(m_viewer)));
    QCOMPARE(unreachable.status, 502);
    QCOMPARE(unreachable.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("bad_gateway"));
}

void ServeClusterTest::authMatrixOnEveryRoute()
{
    // Every route the compute node documents, through the gateway.
    const Reply document = m_client->send("GET", slate(QStringLiteral("/openapi.json")));
    QCOMPARE(document.status, 200);
    const QJsonObject paths = document.json().value(QStringLiteral("paths")).toObject();
    const QString set = QStringLiteral("matrix-") + m_run;
    QVERIFY(m_client->send("PUT", slate(QStringLiteral("/api/slate/sets/") + set), validFiles(QStringLiteral("#000000")),
                           bearer(tokenFor(m_admin))).status / 100 == 2);

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<std::pair<QString, QByteArray>> refused{
        {QStringLiteral("no token"), {}},
        {QStringLiteral("bad signature"), helios::test::hs256Token("another-secret-of-the-same-length-as-the-real-one", {{QStringLiteral("sub"), m_admin}, {QStringLiteral("aud"), kAudience}, {QStringLiteral("exp"), now + 600}})},
        {QStringLiteral("alg none"), helios::test::unsignedToken({{QStringLiteral("sub"), m_admin}, {QStringLiteral("aud"), kAudience}, {QStringLiteral("exp"), now + 600}})},
        {QStringLiteral("expired"), tokenFor(m_admin, -3600)},
        {QStringLiteral("wrong audience"), tokenFor(m_admin, 600, QStringLiteral("someone-else"))},
    };
    const QList<std::pair<QString, int>> roles{{m_viewer, 1}, {m_developer, 2}, {m_admin, 3}};
    int checked = 0;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        // WAYPOINT's routes need a released project; waypoint_api_test covers their roles.
        if (!it.key().startsWith(u"/api/") || it.key().startsWith(u"/api/waypoint/"))
            continue;
        QString path = it.key();
        path.replace(QStringLiteral("{name}"), set).replace(QStringLiteral("{version}"), QStringLiteral("1")).replace(QStringLiteral("{format}"), QStringLiteral("css"));
        const QJsonObject operations = it.value().toObject();
        for (auto op = operations.begin(); op != operations.end(); ++op) {
            const QByteArray method = op.key().toUpper().toLatin1();
            const QString role = op.value().toObject().value(QStringLiteral("x-helios-role")).toString();
            const int needed = role == u"admin" ? 3 : role == u"developer" ? 2 : 1;
            const QByteArray body = method == "GET" ? QByteArray() : validFiles(QStringLiteral("#0000%1").arg(checked % 100, 2, 10, QLatin1Char('0')));
            for (const auto &[why, token] : refused) {
                const Reply r = m_client->send(method, landing(path), body, token.isEmpty() ? QList<std::pair<QByteArray, QByteArray>>{} : bearer(token));
                QVERIFY2(r.status == 401, qPrintable(QStringLiteral("%1 %2 with %3: %4 %5").arg(QString::fromLatin1(method), path, why).arg(r.status).arg(QString::fromUtf8(r.body))));
                QVERIFY(r.json().value(QStringLiteral("error")).isObject());
                QVERIFY(r.headers.value("www-authenticate").startsWith("Bearer"));
                ++checked;
            }
            for (const auto &[subject, level] : roles) {
                const Reply r = m_client->send(method, landing(path), body, bearer(tokenFor(subject)));
                if (level < needed)
                    QVERIFY2(r.status == 403, qPrintable(QStringLiteral("%1 %2 as %3: %4").arg(QString::fromLatin1(method), path, subject).arg(r.status)));
                else // the event stream answers a plain GET with 426: it was let through
                    QVERIFY2(r.status / 100 == 2 || (path == u"/api/events" && r.status == 426), qPrintable(QStringLiteral("%1 %2 as %3: %4 %5").arg(QString::fromLatin1(method), path, subject).arg(r.status).arg(QString::fromUtf8(r.body))));
                ++checked;
            }
        }
    }
    QVERIFY2(checked >= 50, qPrintable(QStringLiteral("only %1 checks").arg(checked)));
}

void ServeClusterTest::badBodiesChangeNothing()
{
    const QString set = QStringLiteral("/api/slate/sets/bodies-") + m_run;
    const auto developer = bearer(tokenFor(m_writer));
    QCOMPARE(m_client->send("PUT", landing(set), validFiles(QStringLiteral("#abcdef")), developer).status, 201);

    const QList<std::pair<QByteArray, int>> bad{
        {QByteArrayLiteral("{\"files\": [ {\"fileName\": "), 400},                          // malformed JSON
        {QByteArrayLiteral("{\"files\": 5}"), 400},                                        // wrong type
        {QByteArrayLiteral("{\"files\": [{\"fileName\": 7, \"content\": \"{}\"}]}"), 400}, // wrong type inside
        {QByteArrayLiteral("[1, 2]"), 400},                                                // not an object
        {validFiles(QStringLiteral("not-a-colour")), 422},                                 // tokens with errors
        {QByteArray(10 * 1024 * 1024, ' ') + "{}", 413},                                   // 10 MB
    };
    for (const auto &[body, status] : bad) {
        for (const QString &url : {landing(set), slate(set)}) {
            const Reply r = m_client->send("PUT", url, body, developer);
            QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1: %2 instead of %3: %4").arg(url).arg(r.status).arg(status).arg(QString::fromUtf8(r.body.left(300)))));
            QVERIFY2(r.json().value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")), r.body.left(300).constData());
        }
    }
    const Reply versions = m_client->send("GET", slate(set + QStringLiteral("/versions")), {}, bearer(tokenFor(m_viewer)));
    QCOMPARE(versions.status, 200);
    QCOMPARE(versions.json().value(QStringLiteral("versions")).toArray().size(), 1);
    QVERIFY(m_client->send("GET", slate(set), {}, bearer(tokenFor(m_viewer))).body.contains("#abcdef"));
}

void ServeClusterTest::rateLimitIsSharedByBothProcesses()
{
    // One identity, its requests alternating between the two processes: each alone would
    // let all of them through (each sees fewer than the burst), together they may not.
    const auto burst = bearer(tokenFor(m_burst));
    const int attempts = 2 * kIdentityBurst;
    int allowed = 0, limited = 0;
    for (int i = 0; i < attempts; ++i) {
        const QString url = i % 2 ? landing(QStringLiteral("/api/slate/sets")) : slate(QStringLiteral("/api/slate/sets"));
        const Reply r = m_client->send("GET", url, {}, burst);
        if (r.status == 200) {
            ++allowed;
        } else {
            QCOMPARE(r.status, 429);
            QVERIFY(r.headers.value("retry-after").toInt() >= 1);
            QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("status")).toInt(), 429);
            ++limited;
        }
    }
    // The slow refill may add a token while the loop runs, not more.
    QVERIFY2(allowed >= kIdentityBurst && allowed <= kIdentityBurst + 1, qPrintable(QString::number(allowed)));
    QCOMPARE(allowed + limited, attempts);
}

void ServeClusterTest::eventStreamPushesTokenUpdates()
{
    QWebSocket socket;
    socket.setSslConfiguration(m_pki.clientConfiguration());
    QStringList messages;
    connect(&socket, &QWebSocket::textMessageReceived, this, [&messages](const QString &m) { messages.append(m); });
    QUrl url(QStringLiteral("wss://127.0.0.1:%1/api/events").arg(m_compute->port(QStringLiteral("slate"))));
    url.setQuery(QStringLiteral("subject=token.*&access_token=") + QString::fromLatin1(tokenFor(m_viewer)));
    socket.open(url);
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::ConnectedState, 10000);

    const QString name = QStringLiteral("streamed-") + m_run;
    QCOMPARE(m_client->send("PUT", slate(QStringLiteral("/api/slate/sets/") + name), validFiles(QStringLiteral("#123456")),
                            bearer(tokenFor(m_writer))).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
    const QJsonObject event = QJsonDocument::fromJson(messages.first().toUtf8()).object();
    QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("token.updated"));
    QCOMPARE(event.value(QStringLiteral("subject")).toString(), name);

    QWebSocket refused;
    refused.setSslConfiguration(m_pki.clientConfiguration());
    refused.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/api/events").arg(m_compute->port(QStringLiteral("slate")))));
    QTRY_VERIFY_WITH_TIMEOUT(refused.state() == QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(refused.closeCode() != QWebSocketProtocol::CloseCodeNormal || refused.error() != QAbstractSocket::UnknownSocketError);
}

void ServeClusterTest::landingForwardsMcpToSparksNode()
{
    // The control node runs no SPARK: its LANDING port sends /mcp to HELIOS_SPARK_UPSTREAM
    // (the held upstream here, which answers anything but its held path with {}).
    const QByteArray ping = R"({"jsonrpc":"2.0","id":1,"method":"ping"})";
    const Reply reply = m_client->send("POST", landing(QStringLiteral("/mcp")), ping,
                                       bearer(tokenFor(m_viewer)) + QList<std::pair<QByteArray, QByteArray>>{{"accept", "application/json, text/event-stream"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArrayLiteral("{}"));
    QVERIFY2(m_held.requestLines().contains(QByteArrayLiteral("POST /mcp HTTP/1.1")),
             qPrintable(QString::fromLatin1(m_held.requestLines().join(" | "))));
}

void ServeClusterTest::landingPageRendersInChromium()
{
    const Reply page = m_client->send("GET", landing(QStringLiteral("/")), {}, bearer(tokenFor(m_viewer)));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(m_viewer.toUtf8()));
    QVERIFY(page.body.contains("data-subsystem=\"slate\" data-health=\"up\"") || page.body.contains("data-health=\"up\""));

    QProcess check;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECK_LANDING_SPKI"), QString::fromLatin1(m_pki.serverSpkiSha256Base64));
    env.insert(QStringLiteral("CHECK_LANDING_DOM_OUT"), m_dir.path() + QStringLiteral("/landing.dom.html"));
    check.setProcessEnvironment(env);
    check.start(QStringLiteral("sh"), {QStringLiteral(HELIOS_SOURCE_DIR "/tests/browser/check_landing.sh"), landing(QStringLiteral("/")),
                                       QStringLiteral("landing"), QStringLiteral("slate"), QStringLiteral("ignition"),
                                       QStringLiteral("spark"), QStringLiteral("ignis"), QStringLiteral("waypoint")});
    QVERIFY(check.waitForFinished(120000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
    QFile dom(m_dir.path() + QStringLiteral("/landing.dom.html"));
    QVERIFY(dom.open(QIODevice::ReadOnly));
    const QByteArray rendered = dom.readAll();
    // SLATE runs on the compute node and is reachable: the gateway shows it up.
    QTRY_VERIFY_WITH_TIMEOUT(m_client->send("GET", landing(QStringLiteral("/"))).body.contains("data-subsystem=\"slate\""), 10000);
    QVERIFY(rendered.contains("data-subsystem=\"waypoint\""));
}

void ServeClusterTest::sigtermLetsARequestInFlightFinish()
{
    // A request held by the upstream is in flight on the control node when SIGTERM comes.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(landing(QStringLiteral("/api/spark/held"))));
    request.setSslConfiguration(m_pki.clientConfiguration());
    request.setRawHeader("authorization", "Bearer " + tokenFor(m_viewer));
    QNetworkReply *inFlight = network.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(m_held.holding(), 10000);

    m_control->terminate();
    // New connections are refused once draining starts.
    QTRY_VERIFY_WITH_TIMEOUT(m_client->send("GET", landing(QStringLiteral("/healthz"))).status != 200, 10000);
    QVERIFY2(!inFlight->isFinished(), qPrintable(QStringLiteral("finished early: %1 %2 %3").arg(inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()).arg(inFlight->errorString(), QString::fromUtf8(inFlight->readAll() + m_control->output()))));

    m_held.release();
    QTRY_VERIFY_WITH_TIMEOUT(inFlight->isFinished(), 10000);
    QCOMPARE(inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(inFlight->readAll(), QByteArrayLiteral("released"));
    int exitCode = -1;
    QVERIFY(m_control->waitForExit(&exitCode));
    QCOMPARE(exitCode, 0);
    delete inFlight;
}

QTEST_GUILESS_MAIN(ServeClusterTest)
#include "serve_cluster_test.moc"
