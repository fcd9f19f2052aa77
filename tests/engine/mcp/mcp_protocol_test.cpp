// SPDX-License-Identifier: Apache-2.0
// The luminera server's JSON-RPC and MCP lifecycle for each revision it speaks
// (2025-06-18, 2025-11-25 with the initialize handshake; 2026-07-28 stateless), and its
// answers to malformed, unknown and unauthorised messages. The tools themselves are
// exercised in mcp_tools_test.cpp.
#include "mcp/mcp_server.h"

#include "backend_under_test.h"
#include "engine.h"
#include "mcp_test_client.h"

#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::test;

class McpProtocolTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void initializeAnswersTheClientsRevisionOrOurNewest_data();
    void initializeAnswersTheClientsRevisionOrOurNewest();
    void aSessionAnswersOnlyPingBeforeInitialize();
    void initializeTwiceIsRefused();
    void toolsListDescribesEveryTool();
    void statelessRequestsNeedNoHandshake();
    void anUnsupportedRevisionGetsTheSupportedList();
    void argumentErrorsFollowTheRevision_data();
    void argumentErrorsFollowTheRevision();
    void anUnknownToolIsAProtocolErrorInEveryRevision_data();
    void anUnknownToolIsAProtocolErrorInEveryRevision();
    void malformedMessagesGetJsonRpcErrors_data();
    void malformedMessagesGetJsonRpcErrors();
    void notificationsAndResponsesGetNoReply();
    void aViewerMayReadButNotWrite();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<mcp::McpServer> m_server;
};

void McpProtocolTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    auto engine = Engine::open(configFor(m_dir.filePath(QStringLiteral("data")), {}));
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);
    // An empty project: the protocol needs no components.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("project/src/components")));
    m_server = std::make_unique<mcp::McpServer>(*m_engine, mcp::McpServer::Options{m_dir.filePath(QStringLiteral("project"))});
}

void McpProtocolTest::initializeAnswersTheClientsRevisionOrOurNewest_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("answered");
    QTest::newRow("2025-06-18 is answered as asked") << QStringLiteral("2025-06-18") << QStringLiteral("2025-06-18");
    QTest::newRow("2025-11-25 is answered as asked") << QStringLiteral("2025-11-25") << QStringLiteral("2025-11-25");
    QTest::newRow("an older revision gets our newest handshake one") << QStringLiteral("2024-11-05") << QStringLiteral("2025-11-25");
    QTest::newRow("2026-07-28 has no handshake, so initialize offers 2025-11-25") << QStringLiteral("2026-07-28") << QStringLiteral("2025-11-25");
}

void McpProtocolTest::initializeAnswersTheClientsRevisionOrOurNewest()
{
    QFETCH(QString, requested);
    QFETCH(QString, answered);
    McpTestClient client(*m_server);
    const QJsonObject result = resultOf(client.initialize(requested));
    QCOMPARE(result.value(QLatin1StringView("protocolVersion")).toString(), answered);
    QCOMPARE(result.value(QLatin1StringView("serverInfo")).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("luminera"));
    QVERIFY(!result.value(QLatin1StringView("serverInfo")).toObject().value(QLatin1StringView("version")).toString().isEmpty());
    const QJsonObject tools = result.value(QLatin1StringView("capabilities")).toObject().value(QLatin1StringView("tools")).toObject();
    QCOMPARE(tools.value(QLatin1StringView("listChanged")), QJsonValue(false));
    QVERIFY(result.value(QLatin1StringView("instructions")).toString().contains(QStringLiteral("write_component")));
    QCOMPARE(client.session().protocolVersion, answered);
    QVERIFY(client.session().initialized);
}

void McpProtocolTest::aSessionAnswersOnlyPingBeforeInitialize()
{
    McpTestClient client(*m_server);
    const QJsonObject early = client.request(QStringLiteral("tools/list"));
    QCOMPARE(errorCode(early), int(-32600));
    QVERIFY2(errorMessage(early).contains(QStringLiteral("initialize")), qPrintable(errorMessage(early)));
    QVERIFY(!early.contains(QLatin1StringView("result")));
    QCOMPARE(errorCode(client.call(QStringLiteral("list_components"), {})), int(-32600));
    const QJsonObject ping = client.request(QStringLiteral("ping"));
    QVERIFY(ping.contains(QLatin1StringView("result")));
    QCOMPARE(resultOf(ping), QJsonObject());

    client.initialize(QStringLiteral("2025-11-25"));
    QCOMPARE(resultOf(client.request(QStringLiteral("tools/list"))).value(QLatin1StringView("tools")).toArray().size(), 7);
    QCOMPARE(resultOf(client.request(QStringLiteral("ping"))), QJsonObject());
    QCOMPARE(errorCode(client.request(QStringLiteral("resources/list"))), int(-32601));
}

void McpProtocolTest::initializeTwiceIsRefused()
{
    McpTestClient client(*m_server);
    QVERIFY(client.initialize(QStringLiteral("2025-06-18")).contains(QLatin1StringView("result")));
    QCOMPARE(errorCode(client.initialize(QStringLiteral("2025-11-25"))), int(-32600));
    QCOMPARE(client.session().protocolVersion, QStringLiteral("2025-06-18"));
    QCOMPARE(errorCode(client.request(QStringLiteral("initialize"), QJsonObject{{QStringLiteral("capabilities"), QJsonObject()}})), int(-32602));
}

void McpProtocolTest::toolsListDescribesEveryTool()
{
    McpTestClient client(*m_server);
    client.initialize(QStringLiteral("2025-06-18"));
    const QJsonArray tools = resultOf(client.request(QStringLiteral("tools/list"))).value(QLatin1StringView("tools")).toArray();
    QSet<QString> names;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        const QString name = tool.value(QLatin1StringView("name")).toString();
        names.insert(name);
        QVERIFY2(!tool.value(QLatin1StringView("title")).toString().isEmpty(), qPrintable(name));
        QVERIFY2(tool.value(QLatin1StringView("description")).toString().size() > 40, qPrintable(name));
        const QJsonObject input = tool.value(QLatin1StringView("inputSchema")).toObject();
        QCOMPARE(input.value(QLatin1StringView("type")).toString(), QStringLiteral("object"));
        QCOMPARE(input.value(QLatin1StringView("additionalProperties")), QJsonValue(false));
        QCOMPARE(tool.value(QLatin1StringView("outputSchema")).toObject().value(QLatin1StringView("type")).toString(), QStringLiteral("object"));
        const QJsonObject annotations = tool.value(QLatin1StringView("annotations")).toObject();
        for (const char *hint : {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"})
            QVERIFY2(annotations.value(QLatin1StringView(hint)).isBool(), hint);
        const bool reads = name == QLatin1StringView("list_components") || name == QLatin1StringView("read_component")
                           || name == QLatin1StringView("list_tokens") || name == QLatin1StringView("get_token");
        QCOMPARE(annotations.value(QLatin1StringView("readOnlyHint")).toBool(), reads);
    }
    QCOMPARE(names, (QSet<QString>{QStringLiteral("list_components"), QStringLiteral("read_component"), QStringLiteral("write_component"),
                                   QStringLiteral("list_tokens"), QStringLiteral("get_token"), QStringLiteral("generate_component"),
                                   QStringLiteral("build_project")}));
    const QJsonObject write = tools.at(2).toObject();
    QCOMPARE(write.value(QLatin1StringView("name")).toString(), QStringLiteral("write_component"));
    QCOMPARE(write.value(QLatin1StringView("annotations")).toObject().value(QLatin1StringView("destructiveHint")), QJsonValue(true));
    QCOMPARE(write.value(QLatin1StringView("annotations")).toObject().value(QLatin1StringView("idempotentHint")), QJsonValue(false));
    const QJsonObject nameSchema = write.value(QLatin1StringView("inputSchema")).toObject().value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("name")).toObject();
    QCOMPARE(nameSchema.value(QLatin1StringView("pattern")).toString(), QStringLiteral("^[A-Z][A-Za-z0-9]{0,63}$"));
}

void McpProtocolTest::statelessRequestsNeedNoHandshake()
{
    McpTestClient client(*m_server);
    const QJsonObject discover = resultOf(client.request(QStringLiteral("server/discover"), McpTestClient::stateless()));
    QCOMPARE(discover.value(QLatin1StringView("supportedVersions")).toArray(),
             QJsonArray::fromStringList(mcp::McpServer::supportedVersions()));
    QCOMPARE(mcp::McpServer::supportedVersions().first(), QStringLiteral("2026-07-28"));
    QCOMPARE(discover.value(QLatin1StringView("resultType")).toString(), QStringLiteral("complete"));
    QCOMPARE(discover.value(QLatin1StringView("serverInfo")).toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("luminera"));
    QVERIFY(discover.value(QLatin1StringView("capabilities")).toObject().contains(QLatin1StringView("tools")));
    QVERIFY(!discover.value(QLatin1StringView("instructions")).toString().isEmpty());
    // A client probing which era a stdio server speaks sends it without _meta.
    QCOMPARE(resultOf(McpTestClient(*m_server).request(QStringLiteral("server/discover"))).value(QLatin1StringView("resultType")).toString(),
             QStringLiteral("complete"));

    const QJsonObject list = resultOf(client.request(QStringLiteral("tools/list"), McpTestClient::stateless()));
    QCOMPARE(list.value(QLatin1StringView("tools")).toArray().size(), 7);
    QCOMPARE(list.value(QLatin1StringView("resultType")).toString(), QStringLiteral("complete"));
    const QJsonObject call = client.call(QStringLiteral("list_components"), {}, true);
    QVERIFY2(!isToolError(call), qPrintable(resultText(call)));
    QCOMPARE(resultOf(call).value(QLatin1StringView("resultType")).toString(), QStringLiteral("complete"));
    QCOMPARE(errorCode(client.request(QStringLiteral("ping"), McpTestClient::stateless())), int(-32601));
    // Nothing of this made the session a handshake session.
    QVERIFY(!client.session().initializeAnswered);
    QCOMPARE(errorCode(client.request(QStringLiteral("tools/list"))), int(-32600));
    // Client capabilities, when sent, are an object.
    QJsonObject badCapabilities = McpTestClient::stateless();
    QJsonObject meta = badCapabilities.value(QLatin1StringView("_meta")).toObject();
    meta.insert(QStringLiteral("io.modelcontextprotocol/clientCapabilities"), 5);
    badCapabilities.insert(QStringLiteral("_meta"), meta);
    QCOMPARE(errorCode(client.request(QStringLiteral("tools/list"), badCapabilities)), int(-32602));
}

void McpProtocolTest::anUnsupportedRevisionGetsTheSupportedList()
{
    McpTestClient client(*m_server);
    const QJsonObject reply = client.request(QStringLiteral("tools/list"), McpTestClient::stateless({}, QStringLiteral("2099-01-01")));
    QCOMPARE(errorCode(reply), int(-32022));
    const QJsonObject data = reply.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("data")).toObject();
    QCOMPARE(data.value(QLatin1StringView("supported")).toArray(), QJsonArray::fromStringList(mcp::McpServer::supportedVersions()));
    QCOMPARE(data.value(QLatin1StringView("requested")).toString(), QStringLiteral("2099-01-01"));
}

void McpProtocolTest::argumentErrorsFollowTheRevision_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("named");
    const QJsonObject missing;
    const QJsonObject mistyped{{QStringLiteral("name"), 42}};
    const QJsonObject unknown{{QStringLiteral("name"), QStringLiteral("Card")}, {QStringLiteral("extra"), true}};
    for (const QString &revision : mcp::McpServer::supportedVersions()) {
        QTest::addRow("%s: a missing argument", qPrintable(revision)) << revision << missing << QStringLiteral("name: missing");
        QTest::addRow("%s: a mistyped argument", qPrintable(revision)) << revision << mistyped << QStringLiteral("name: expected string");
        QTest::addRow("%s: an unknown argument", qPrintable(revision)) << revision << unknown << QStringLiteral("extra");
    }
}

void McpProtocolTest::argumentErrorsFollowTheRevision()
{
    QFETCH(QString, revision);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, named);
    McpTestClient client(*m_server);
    const bool stateless = revision == QLatin1StringView("2026-07-28");
    if (!stateless)
        client.initialize(revision);
    const QJsonObject reply = client.call(QStringLiteral("read_component"), arguments, stateless);
    if (revision == QLatin1StringView("2025-06-18")) {
        // A JSON-RPC error, as 2025-06-18 has it.
        QCOMPARE(errorCode(reply), int(-32602));
        QVERIFY2(errorMessage(reply).contains(named), qPrintable(errorMessage(reply)));
    } else {
        // A tool execution error the model can read (SEP-1303, 2025-11-25 on).
        QVERIFY(reply.contains(QLatin1StringView("result")));
        QVERIFY(isToolError(reply));
        QVERIFY2(resultText(reply).contains(named), qPrintable(resultText(reply)));
    }
    // The server keeps answering.
    QVERIFY(!isToolError(client.call(QStringLiteral("list_components"), {}, stateless)));
}

void McpProtocolTest::anUnknownToolIsAProtocolErrorInEveryRevision_data()
{
    QTest::addColumn<QString>("revision");
    for (const QString &revision : mcp::McpServer::supportedVersions())
        QTest::newRow(qPrintable(revision)) << revision;
}

void McpProtocolTest::anUnknownToolIsAProtocolErrorInEveryRevision()
{
    QFETCH(QString, revision);
    McpTestClient client(*m_server);
    const bool stateless = revision == QLatin1StringView("2026-07-28");
    if (!stateless)
        client.initialize(revision);
    const QJsonObject reply = client.call(QStringLiteral("delete_everything"), {}, stateless);
    QCOMPARE(errorCode(reply), int(-32602));
    QVERIFY2(errorMessage(reply).contains(QStringLiteral("delete_everything")), qPrintable(errorMessage(reply)));
    QVERIFY2(errorMessage(reply).contains(QStringLiteral("write_component")), qPrintable(errorMessage(reply)));
    const QJsonObject nameless = client.request(QStringLiteral("tools/call"), stateless ? McpTestClient::stateless() : QJsonObject());
    QCOMPARE(errorCode(nameless), int(-32602));
}

void McpProtocolTest::malformedMessagesGetJsonRpcErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QJsonValue>("id");
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("text that is not JSON is a parse error") << QByteArray("{\"jsonrpc\": \"2.0\", \"id\": 1,") << -32700 << null;
    QTest::newRow("a batch is refused") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"ping"}])") << -32600 << null;
    // Qt's parser takes only an object or an array at the top: a bare value is not JSON-RPC.
    QTest::newRow("a bare number is a parse error") << QByteArray("42") << -32700 << null;
    QTest::newRow("jsonrpc 1.0 is refused, echoing the id") << QByteArray(R"({"jsonrpc":"1.0","id":"a","method":"ping"})") << -32600 << QJsonValue(QStringLiteral("a"));
    QTest::newRow("a null id is refused") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})") << -32600 << null;
    QTest::newRow("an object id is refused") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"ping"})") << -32600 << null;
    QTest::newRow("positional params are refused") << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"ping","params":[1]})") << -32600 << QJsonValue(3);
    QTest::newRow("a method that is not a string is refused") << QByteArray(R"({"jsonrpc":"2.0","id":4,"method":5})") << -32600 << QJsonValue(4);
    QTest::newRow("an unknown method is not found") << QByteArray(R"({"jsonrpc":"2.0","id":"x","method":"tools/destroy"})") << -32601 << QJsonValue(QStringLiteral("x"));
    QTest::newRow("a message over the size limit is refused") << QByteArray(R"({"jsonrpc":"2.0","id":5,"method":"ping","params":{"pad":")") + QByteArray(2000, 'a') + QByteArray("\"}}") << -32600 << null;
}

void McpProtocolTest::malformedMessagesGetJsonRpcErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QJsonValue, id);
    mcp::McpServer::Options options{m_dir.filePath(QStringLiteral("project"))};
    options.maxMessageBytes = 1024;
    mcp::McpServer server(*m_engine, options);
    McpTestClient client(server);
    client.initialize(QStringLiteral("2025-11-25"));
    const QJsonObject reply = client.send(text);
    QCOMPARE(reply.value(QLatin1StringView("jsonrpc")).toString(), QStringLiteral("2.0"));
    QCOMPARE(errorCode(reply), code);
    QCOMPARE(reply.value(QLatin1StringView("id")), id);
    QVERIFY(!errorMessage(reply).isEmpty());
    // Still answering.
    QCOMPARE(resultOf(client.request(QStringLiteral("ping"))), QJsonObject());
}

void McpProtocolTest::notificationsAndResponsesGetNoReply()
{
    McpTestClient client(*m_server);
    client.initialize(QStringLiteral("2025-11-25"));
    QVERIFY(client.notify(QStringLiteral("notifications/cancelled")));
    QVERIFY(client.notify(QStringLiteral("notifications/whatever")));
    QVERIFY(client.send(R"({"jsonrpc":"2.0","id":99,"result":{}})").isEmpty());
    QVERIFY(client.send(R"({"jsonrpc":"2.0","id":98,"error":{"code":-1,"message":"x"}})").isEmpty());
    QCOMPARE(resultOf(client.request(QStringLiteral("ping"))), QJsonObject());
}

void McpProtocolTest::aViewerMayReadButNotWrite()
{
    McpTestClient viewer(*m_server, mcp::McpCaller{landing::Role::Viewer, QStringLiteral("vera")});
    viewer.initialize(QStringLiteral("2025-11-25"));
    QVERIFY(!isToolError(viewer.call(QStringLiteral("list_components"), {})));
    const QJsonObject build = viewer.call(QStringLiteral("build_project"), {});
    QVERIFY(isToolError(build));
    QVERIFY2(resultText(build).contains(QStringLiteral("developer")), qPrintable(resultText(build)));
    const QJsonObject generate = viewer.call(QStringLiteral("generate_component"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("a button")}});
    QVERIFY(isToolError(generate));
}

QTEST_GUILESS_MAIN(McpProtocolTest)
#include "mcp_protocol_test.moc"
