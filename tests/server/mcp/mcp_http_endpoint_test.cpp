// SPDX-License-Identifier: Apache-2.0
// Luminera MCP over Streamable HTTP through a real ServerNode (HTTPS on 127.0.0.1, HS256
// tokens of each role, a scaffolded react-library project): the 2025 session lifecycle
// (initialize -> Mcp-Session-Id -> tools/list -> a tool call -> DELETE), the refusals
// (no session 400, unknown session 404, bad Origin 403, no token 401, a viewer writing,
// an unsupported MCP-Protocol-Version 400, GET 405), and 2026-07-28 requests without a
// session whose headers must match their body.
#include "http_test_client.h"
#include "server_node.h"
#include "test_tls.h"

#include "core/config.h"
#include "engine.h"
#include "ignition/scaffolder.h"
#include "landing/token_minter.h"
#include "landing/user_directory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;

namespace {

const QByteArray kSecret = "mcp-http-endpoint-test-secret-of-at-least-32-bytes";
const QString kModern = QStringLiteral("2026-07-28");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

struct Reply {
    int status = 0; // 0: no answer in time
    QByteArray body;
    HttpTestClient::Response raw;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    int errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(); }
    QJsonObject result() const { return json().value(QStringLiteral("result")).toObject(); }
};

using Header = std::pair<QByteArray, QByteArray>;
using Headers = QList<Header>;

QJsonObject request(int id, const QString &method, const QJsonObject &params = {})
{
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    return message;
}

// A 2026-07-28 request: its revision and capabilities in params._meta.
QJsonObject modernRequest(int id, const QString &method, QJsonObject params = {})
{
    params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("io.modelcontextprotocol/protocolVersion"), kModern},
                                                       {QStringLiteral("io.modelcontextprotocol/clientCapabilities"), QJsonObject()}});
    return request(id, method, params);
}

QJsonObject toolCall(const QString &name, const QJsonObject &arguments)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}};
}

} // namespace

class McpHttpEndpointTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aSessionListsToolsAndCallsOne();
    void requestsWithoutASessionAreRefused();
    void anUnknownSessionIsNotFound();
    void anotherCallerCannotUseTheSession();
    void aForeignOriginIsForbidden();
    void aLoopbackOriginIsAllowed();
    void noTokenIsUnauthenticated();
    void aViewerMayReadButNotWrite();
    void anUnsupportedProtocolVersionIsRefused();
    void malformedBodiesGetJsonRpcErrors();
    void getHasNoStream();
    void deleteEndsTheSession();
    void modernRequestsNeedNoSession();
    void modernHeadersMustMatchTheBody();
    void modernUnknownMethodIsNotFound();
    void anEventStreamOnlyClientGetsOneEvent();
    void withoutAProjectTheEndpointSaysHowToSetOne();
    void cleanupTestCase();

private:
    Reply post(const QJsonObject &message, const QString &subject, Headers headers = {},
               const QByteArray &accept = "application/json, text/event-stream")
    {
        return send("POST", QJsonDocument(message).toJson(QJsonDocument::Compact), subject, headers, accept);
    }
    Reply send(const QByteArray &method, const QByteArray &body, const QString &subject, const Headers &headers,
               const QByteArray &accept = "application/json, text/event-stream")
    {
        HttpTestClient client(m_tls->clientConfiguration());
        if (!client.connectTo(m_port))
            return {};
        QByteArray head = method + " /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\nConnection: close\r\n";
        if (!subject.isEmpty())
            head += "Authorization: Bearer " + m_tokens.value(subject) + "\r\n";
        if (!accept.isEmpty())
            head += "Accept: " + accept + "\r\n";
        if (method == "POST")
            head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        for (const auto &[name, value] : headers)
            head += name + ": " + value + "\r\n";
        client.send(head + "\r\n" + body);
        const auto response = client.read(60000);
        if (!response)
            return {};
        return {response->status, response->body, *response};
    }

    // initialize + notifications/initialized for `subject`; the session id, or empty.
    QByteArray openSession(const QString &subject)
    {
        const Reply init = post(request(1, QStringLiteral("initialize"),
                                        {{QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")},
                                         {QStringLiteral("capabilities"), QJsonObject()},
                                         {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("qt-test")},
                                                                                    {QStringLiteral("version"), QStringLiteral("1")}}}}),
                                subject);
        if (init.status != 200)
            return {};
        const QByteArray id = init.raw.header("mcp-session-id");
        const Reply initialized = post({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                        {QStringLiteral("method"), QStringLiteral("notifications/initialized")}},
                                       subject, sessionHeaders(id));
        return initialized.status == 202 ? id : QByteArray();
    }
    static Headers sessionHeaders(const QByteArray &id)
    {
        return {{"Mcp-Session-Id", id}, {"MCP-Protocol-Version", "2025-11-25"}};
    }
    static Headers modernHeaders(const QByteArray &method, const QByteArray &name = {})
    {
        Headers headers{{"MCP-Protocol-Version", kModern.toLatin1()}, {"Mcp-Method", method}};
        if (!name.isEmpty())
            headers.append(Header{"Mcp-Name", name});
        return headers;
    }

    QTemporaryDir m_dir;
    std::optional<TestTls> m_tls;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<server::ServerNode> m_node;
    quint16 m_port = 0;
    QHash<QString, QByteArray> m_tokens;
    QString m_project;
};

void McpHttpEndpointTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_tls = TestTls::make();
    QVERIFY(m_tls);
    const QString certPath = m_dir.filePath(QStringLiteral("server.pem"));
    const QString keyPath = m_dir.filePath(QStringLiteral("server.key"));
    QVERIFY(writeFile(certPath, m_tls->server.localCertificate().toPem()));
    QVERIFY(writeFile(keyPath, m_tls->server.privateKey().toPem()));

    Config config = Config::embedded(m_dir.filePath(QStringLiteral("data")));
    for (const QString &name : Config::subsystemNames())
        config.set(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::SitesPort), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::JwtSecret), QString::fromLatin1(kSecret));
    config.set(QString::fromLatin1(Config::TlsCert), certPath);
    config.set(QString::fromLatin1(Config::TlsKey), keyPath);
    m_project = m_dir.filePath(QStringLiteral("ui"));
    config.set(QString::fromLatin1(Config::McpProject), m_project);
    auto engine = Engine::open(config);
    QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);

    ignition::Scaffolder scaffolder(*m_engine);
    auto created = scaffolder.create({QStringLiteral("react-library"), m_project,
                                      {{QStringLiteral("name"), QStringLiteral("mcp-http-ui")}, {QStringLiteral("component"), QStringLiteral("Sample")}},
                                      false});
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));

    landing::UserDirectory users(m_engine->store(), m_engine->cache());
    const QList<std::pair<QString, landing::Role>> people{
        {QStringLiteral("vic"), landing::Role::Viewer}, {QStringLiteral("dana"), landing::Role::Developer},
        {QStringLiteral("dev2"), landing::Role::Developer}};
    for (const auto &[subject, role] : people) {
        QVERIFY(users.add(subject, role));
        auto token = landing::mintHs256Token(kSecret, subject, std::chrono::hours(1));
        QVERIFY(token);
        m_tokens.insert(subject, *token);
    }

    auto node = server::ServerNode::start(*m_engine, {server::NodeRole::All, QHostAddress::LocalHost, false});
    QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
    m_node = std::move(*node);
    for (const server::ServerNode::Listener &listener : m_node->listeners())
        if (listener.subsystem == QLatin1String("spark"))
            m_port = listener.port;
    QVERIFY(m_port > 0);
}

void McpHttpEndpointTest::aSessionListsToolsAndCallsOne()
{
    const Reply init = post(request(1, QStringLiteral("initialize"),
                                    {{QStringLiteral("protocolVersion"), QStringLiteral("2025-06-18")},
                                     {QStringLiteral("capabilities"), QJsonObject()},
                                     {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("t")},
                                                                                {QStringLiteral("version"), QStringLiteral("1")}}}}),
                            QStringLiteral("dana"));
    QCOMPARE(init.status, 200);
    QCOMPARE(init.raw.header("content-type"), QByteArray("application/json"));
    QCOMPARE(init.result().value(QStringLiteral("protocolVersion")).toString(), QStringLiteral("2025-06-18"));
    QCOMPARE(init.result().value(QStringLiteral("serverInfo")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("luminera"));
    const QByteArray session = init.raw.header("mcp-session-id");
    QVERIFY(session.size() >= 32);
    for (char c : session)
        QVERIFY(c >= 0x21 && c <= 0x7e);

    const Headers headers{{"Mcp-Session-Id", session}, {"MCP-Protocol-Version", "2025-06-18"}};
    const Reply initialized = post({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                    {QStringLiteral("method"), QStringLiteral("notifications/initialized")}},
                                   QStringLiteral("dana"), headers);
    QCOMPARE(initialized.status, 202);
    QVERIFY(initialized.body.isEmpty());

    const Reply tools = post(request(2, QStringLiteral("tools/list")), QStringLiteral("dana"), headers);
    QCOMPARE(tools.status, 200);
    QStringList names;
    for (const QJsonValue &tool : tools.result().value(QStringLiteral("tools")).toArray()) {
        names << tool.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(tool.toObject().value(QStringLiteral("inputSchema")).isObject());
    }
    QVERIFY2(names.contains(QStringLiteral("read_component")) && names.contains(QStringLiteral("write_component")),
             qPrintable(names.join(u' ')));

    const Reply listed = post(request(3, QStringLiteral("tools/call"), toolCall(QStringLiteral("list_components"), {})),
                              QStringLiteral("dana"), headers);
    QCOMPARE(listed.status, 200);
    QVERIFY2(!listed.result().value(QStringLiteral("isError")).toBool(), listed.body.constData());
    QVERIFY2(listed.body.contains("Sample"), listed.body.constData());

    const Reply read = post(request(4, QStringLiteral("tools/call"),
                                    toolCall(QStringLiteral("read_component"), {{QStringLiteral("name"), QStringLiteral("Sample")}})),
                            QStringLiteral("dana"), headers);
    QCOMPARE(read.status, 200);
    QVERIFY2(!read.result().value(QStringLiteral("isError")).toBool(), read.body.constData());
    QVERIFY(read.result().value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("files")).toArray().size() > 0);
}

void McpHttpEndpointTest::requestsWithoutASessionAreRefused()
{
    const Reply reply = post(request(5, QStringLiteral("tools/list")), QStringLiteral("dana"),
                             {{"MCP-Protocol-Version", "2025-11-25"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), -32600);
    QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("Mcp-Session-Id")));
}

void McpHttpEndpointTest::anUnknownSessionIsNotFound()
{
    const Reply reply = post(request(6, QStringLiteral("tools/list")), QStringLiteral("dana"),
                             sessionHeaders(QByteArray(64, 'a')));
    QCOMPARE(reply.status, 404);
}

void McpHttpEndpointTest::anotherCallerCannotUseTheSession()
{
    const QByteArray session = openSession(QStringLiteral("dana"));
    QVERIFY(!session.isEmpty());
    QCOMPARE(post(request(7, QStringLiteral("tools/list")), QStringLiteral("dev2"), sessionHeaders(session)).status, 404);
    QCOMPARE(post(request(8, QStringLiteral("tools/list")), QStringLiteral("dana"), sessionHeaders(session)).status, 200);
}

void McpHttpEndpointTest::aForeignOriginIsForbidden()
{
    const QByteArray session = openSession(QStringLiteral("dana"));
    QVERIFY(!session.isEmpty());
    Headers headers = sessionHeaders(session);
    headers.append(Header{"Origin", "https://evil.example"});
    const Reply reply = post(request(9, QStringLiteral("tools/list")), QStringLiteral("dana"), headers);
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("evil.example")));
    // A page that rebound its own name to 127.0.0.1 sends that name as its Host too.
    headers.removeLast();
    headers.append(Header{"Origin", "http://rebound.example:" + QByteArray::number(m_port)});
    QCOMPARE(post(request(10, QStringLiteral("tools/list")), QStringLiteral("dana"), headers).status, 403);
    headers.removeLast();
    headers.append(Header{"Origin", "null"});
    QCOMPARE(post(request(11, QStringLiteral("tools/list")), QStringLiteral("dana"), headers).status, 403);
}

void McpHttpEndpointTest::aLoopbackOriginIsAllowed()
{
    const QByteArray session = openSession(QStringLiteral("dana"));
    QVERIFY(!session.isEmpty());
    for (const QByteArray &origin : {QByteArray("http://localhost:5173"), QByteArray("https://127.0.0.1:3000"), QByteArray("http://[::1]")}) {
        Headers headers = sessionHeaders(session);
        headers.append(Header{"Origin", origin});
        QCOMPARE(post(request(12, QStringLiteral("ping")), QStringLiteral("dana"), headers).status, 200);
    }
}

void McpHttpEndpointTest::noTokenIsUnauthenticated()
{
    const Reply reply = post(request(1, QStringLiteral("initialize"), {{QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")}}),
                             QString());
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.raw.header("www-authenticate").startsWith("Bearer"));
}

void McpHttpEndpointTest::aViewerMayReadButNotWrite()
{
    const QByteArray session = openSession(QStringLiteral("vic"));
    QVERIFY(!session.isEmpty());
    const Reply read = post(request(13, QStringLiteral("tools/call"),
                                    toolCall(QStringLiteral("read_component"), {{QStringLiteral("name"), QStringLiteral("Sample")}})),
                            QStringLiteral("vic"), sessionHeaders(session));
    QCOMPARE(read.status, 200);
    QVERIFY(!read.result().value(QStringLiteral("isError")).toBool());

    const QString before = QDir(m_project + QStringLiteral("/src/components")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u',');
    const QJsonObject arguments{{QStringLiteral("name"), QStringLiteral("Viewed")},
                                {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("index.ts")},
                                                                                 {QStringLiteral("content"), QStringLiteral("export {};\n")}}}}};
    const Reply write = post(request(14, QStringLiteral("tools/call"), toolCall(QStringLiteral("write_component"), arguments)),
                             QStringLiteral("vic"), sessionHeaders(session));
    QCOMPARE(write.status, 200);
    const bool refused = write.json().contains(QStringLiteral("error")) || write.result().value(QStringLiteral("isError")).toBool();
    QVERIFY2(refused, write.body.constData());
    QVERIFY2(write.body.contains("developer"), write.body.constData());
    QCOMPARE(QDir(m_project + QStringLiteral("/src/components")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u','), before);
}

void McpHttpEndpointTest::anUnsupportedProtocolVersionIsRefused()
{
    const QByteArray session = openSession(QStringLiteral("dana"));
    QVERIFY(!session.isEmpty());
    const Reply reply = post(request(15, QStringLiteral("tools/list")), QStringLiteral("dana"),
                             {{"Mcp-Session-Id", session}, {"MCP-Protocol-Version", "1999-01-01"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), -32022);
    QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("data")).toObject()
                .value(QStringLiteral("supported")).toArray().contains(QStringLiteral("2025-11-25")));
    // A supported revision that is not the one the session negotiated.
    QCOMPARE(post(request(16, QStringLiteral("tools/list")), QStringLiteral("dana"),
                  {{"Mcp-Session-Id", session}, {"MCP-Protocol-Version", "2025-06-18"}}).status, 400);
}

void McpHttpEndpointTest::malformedBodiesGetJsonRpcErrors()
{
    const Reply notJson = send("POST", "{\"jsonrpc\": ", QStringLiteral("dana"), {});
    QCOMPARE(notJson.status, 400);
    QCOMPARE(notJson.errorCode(), -32700);
    const Reply batch = send("POST", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", QStringLiteral("dana"), {});
    QCOMPARE(batch.status, 400);
    QCOMPARE(batch.errorCode(), -32600);
    const Reply notAccepted = post(request(17, QStringLiteral("ping")), QStringLiteral("dana"), {}, "text/html");
    QCOMPARE(notAccepted.status, 406);
}

void McpHttpEndpointTest::getHasNoStream()
{
    const Reply reply = send("GET", {}, QStringLiteral("dana"), {}, "text/event-stream");
    QCOMPARE(reply.status, 405);
    QVERIFY(reply.raw.header("allow").contains("POST"));
}

void McpHttpEndpointTest::deleteEndsTheSession()
{
    const QByteArray session = openSession(QStringLiteral("dana"));
    QVERIFY(!session.isEmpty());
    QCOMPARE(send("DELETE", {}, QStringLiteral("dev2"), {{"Mcp-Session-Id", session}}).status, 404); // not theirs
    QCOMPARE(send("DELETE", {}, QStringLiteral("dana"), {{"Mcp-Session-Id", session}}).status, 204);
    QCOMPARE(post(request(18, QStringLiteral("tools/list")), QStringLiteral("dana"), sessionHeaders(session)).status, 404);
    QCOMPARE(send("DELETE", {}, QStringLiteral("dana"), {{"Mcp-Session-Id", session}}).status, 404);
    QCOMPARE(send("DELETE", {}, QStringLiteral("dana"), {}).status, 400);
}

void McpHttpEndpointTest::modernRequestsNeedNoSession()
{
    const Reply discover = post(modernRequest(19, QStringLiteral("server/discover")), QStringLiteral("dana"),
                                modernHeaders("server/discover"));
    QCOMPARE(discover.status, 200);
    QVERIFY(discover.raw.header("mcp-session-id").isEmpty());
    QVERIFY(discover.result().value(QStringLiteral("supportedVersions")).toArray().contains(kModern));

    const Reply read = post(modernRequest(20, QStringLiteral("tools/call"),
                                          toolCall(QStringLiteral("read_component"), {{QStringLiteral("name"), QStringLiteral("Sample")}})),
                            QStringLiteral("dana"), modernHeaders("tools/call", "read_component"));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.result().value(QStringLiteral("resultType")).toString(), QStringLiteral("complete"));
    QVERIFY(!read.result().value(QStringLiteral("isError")).toBool());

    // A session id on a 2026-07-28 request is ignored, never echoed.
    Headers headers = modernHeaders("tools/list");
    headers.append(Header{"Mcp-Session-Id", QByteArray(64, 'b')});
    const Reply list = post(modernRequest(21, QStringLiteral("tools/list")), QStringLiteral("dana"), headers);
    QCOMPARE(list.status, 200);
    QVERIFY(list.raw.header("mcp-session-id").isEmpty());
    // The Mcp-Name header may carry its value base64-encoded.
    const Reply encoded = post(modernRequest(22, QStringLiteral("tools/call"),
                                             toolCall(QStringLiteral("read_component"), {{QStringLiteral("name"), QStringLiteral("Sample")}})),
                               QStringLiteral("dana"), modernHeaders("tools/call", "=?base64?" + QByteArray("read_component").toBase64() + "?="));
    QCOMPARE(encoded.status, 200);
}

void McpHttpEndpointTest::modernHeadersMustMatchTheBody()
{
    const QJsonObject call = modernRequest(23, QStringLiteral("tools/call"),
                                           toolCall(QStringLiteral("read_component"), {{QStringLiteral("name"), QStringLiteral("Sample")}}));
    const QList<std::pair<const char *, Headers>> rows{
        {"Mcp-Method names another method", modernHeaders("tools/list", "read_component")},
        {"Mcp-Name names another tool", modernHeaders("tools/call", "write_component")},
        {"Mcp-Name is missing", modernHeaders("tools/call")},
        {"Mcp-Method is missing", {{"MCP-Protocol-Version", kModern.toLatin1()}, {"Mcp-Name", "read_component"}}},
        {"MCP-Protocol-Version is missing", {{"Mcp-Method", "tools/call"}, {"Mcp-Name", "read_component"}}},
        {"MCP-Protocol-Version names another revision",
         {{"MCP-Protocol-Version", "2025-11-25"}, {"Mcp-Method", "tools/call"}, {"Mcp-Name", "read_component"}}},
    };
    for (const auto &[why, headers] : rows) {
        const Reply reply = post(call, QStringLiteral("dana"), headers);
        QVERIFY2(reply.status == 400, why);
        QVERIFY2(reply.errorCode() == -32020, qPrintable(QStringLiteral("%1: %2").arg(QLatin1StringView(why), QString::fromUtf8(reply.body))));
        QCOMPARE(reply.json().value(QStringLiteral("id")).toInt(), 23);
    }
}

void McpHttpEndpointTest::modernUnknownMethodIsNotFound()
{
    const Reply reply = post(modernRequest(24, QStringLiteral("no/such")), QStringLiteral("dana"), modernHeaders("no/such"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), -32601);
}

void McpHttpEndpointTest::anEventStreamOnlyClientGetsOneEvent()
{
    const Reply reply = post(modernRequest(25, QStringLiteral("tools/list")), QStringLiteral("dana"), modernHeaders("tools/list"),
                             "text/event-stream");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.raw.header("content-type"), QByteArray("text/event-stream"));
    QVERIFY(reply.body.startsWith("event: message\ndata: {"));
    QVERIFY(reply.body.endsWith("\n\n"));
    const QByteArray data = reply.body.sliced(qsizetype(strlen("event: message\ndata: "))).trimmed();
    QVERIFY(QJsonDocument::fromJson(data).object().value(QStringLiteral("result")).toObject().contains(QStringLiteral("tools")));
}

void McpHttpEndpointTest::withoutAProjectTheEndpointSaysHowToSetOne()
{
    QTemporaryDir dir;
    Config config = Config::embedded(dir.filePath(QStringLiteral("data")));
    for (const QString &name : Config::subsystemNames())
        config.set(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::SitesPort), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::JwtSecret), QString::fromLatin1(kSecret));
    config.set(QString::fromLatin1(Config::TlsCert), m_dir.filePath(QStringLiteral("server.pem")));
    config.set(QString::fromLatin1(Config::TlsKey), m_dir.filePath(QStringLiteral("server.key")));
    auto engine = Engine::open(config);
    QVERIFY(engine);
    QVERIFY(landing::UserDirectory((*engine)->store(), (*engine)->cache()).add(QStringLiteral("dana"), landing::Role::Developer));
    auto node = server::ServerNode::start(**engine, {server::NodeRole::Compute, QHostAddress::LocalHost, false});
    QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
    const quint16 configured = m_port;
    m_port = (*node)->listeners().constFirst().port;
    const Reply reply = post(request(1, QStringLiteral("ping")), QStringLiteral("dana"));
    m_port = configured;
    QCOMPARE(reply.status, 503);
    QVERIFY2(reply.body.contains("HELIOS_MCP_PROJECT"), reply.body.constData());

    // A project that is not a directory is a bad setting: the node does not start.
    config.set(QString::fromLatin1(Config::McpProject), dir.filePath(QStringLiteral("missing")));
    auto misconfigured = Engine::open(config);
    QVERIFY(misconfigured);
    auto refused = server::ServerNode::start(**misconfigured, {server::NodeRole::Compute, QHostAddress::LocalHost, false});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(refused.error().message.contains(QStringLiteral("HELIOS_MCP_PROJECT")));
}

void McpHttpEndpointTest::cleanupTestCase()
{
    m_node.reset();
    m_engine.reset();
}

QTEST_GUILESS_MAIN(McpHttpEndpointTest)
#include "mcp_http_endpoint_test.moc"
