// SPDX-License-Identifier: Apache-2.0
#include "mcp/mcp_server.h"

#include "engine.h"
#include "mcp/json_rpc.h"
#include "mcp/json_schema_check.h"
#include "mcp/mcp_logging.h"
#include "mcp/tool_registry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <exception>

namespace helios::mcp {

namespace {

const QString &statelessVersion()
{
    static const QString version = QStringLiteral("2026-07-28");
    return version;
}

// The newest revision that uses the initialize handshake: what initialize answers when
// the client asks for one we do not speak.
const QString &newestHandshakeVersion()
{
    static const QString version = QStringLiteral("2025-11-25");
    return version;
}

const QString &versionMetaKey()
{
    static const QString key = QStringLiteral("io.modelcontextprotocol/protocolVersion");
    return key;
}

const QString &capabilitiesMetaKey()
{
    static const QString key = QStringLiteral("io.modelcontextprotocol/clientCapabilities");
    return key;
}

QJsonObject serverInfo()
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("luminera")},
                       {QStringLiteral("title"), QStringLiteral("Luminera (Helios Workbench)")},
                       {QStringLiteral("version"), QStringLiteral(HELIOS_VERSION)}};
}

QJsonObject capabilities()
{
    return QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}}};
}

QString instructions(const QString &projectDir)
{
    return QStringLiteral(
               "Luminera works on one Helios project (%1): a React + TypeScript component library styled only with design "
               "tokens. list_components and read_component show src/components/<Name>/; list_tokens and get_token show the "
               "design tokens (use them in CSS as var(--<path with dashes>)). write_component validates files (esbuild, "
               "token lint, accessibility lint) before writing, records a version and builds; generate_component asks "
               "SPARK for a component; build_project runs a production build.")
        .arg(QFileInfo(projectDir).fileName());
}

// 2025-06-18 reports arguments that do not match inputSchema as JSON-RPC errors; from
// 2025-11-25 on (SEP-1303) they are tool execution errors the model can read and fix.
bool argumentErrorsAreToolErrors(const QString &version) { return version != QLatin1StringView("2025-06-18"); }

QJsonObject toolResultJson(const ToolResult &result)
{
    QJsonObject json{{QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                        {QStringLiteral("text"), result.text}}}},
                     {QStringLiteral("isError"), result.isError}};
    if (!result.structured.isEmpty())
        json.insert(QStringLiteral("structuredContent"), result.structured);
    return json;
}

} // namespace

struct McpServer::Private {
    Private(Engine &e, Options o) : engine(e), options(std::move(o))
    {
        projectDir = QFileInfo(options.projectDir).canonicalFilePath();
    }

    // The reply to one request of a revision with the initialize handshake.
    QJsonObject handshakeRequest(const jsonrpc::Envelope &request, McpSession &session, const McpCaller &caller);
    // The reply to one request that named 2026-07-28 in its _meta.
    QJsonObject statelessRequest(const jsonrpc::Envelope &request, const McpCaller &caller);
    QJsonObject initialize(const jsonrpc::Envelope &request, McpSession &session);
    QJsonObject discover(const QJsonValue &id);
    QJsonObject toolsList(const QJsonValue &id);
    QJsonObject toolsCall(const jsonrpc::Envelope &request, const QString &version, const McpCaller &caller);

    Engine &engine;
    Options options;
    QString projectDir;
    QMutex projectLock;
};

QJsonObject McpServer::Private::initialize(const jsonrpc::Envelope &request, McpSession &session)
{
    const QJsonValue requested = request.params.value(QLatin1StringView("protocolVersion"));
    if (!requested.isString())
        return jsonrpc::error(request.id, jsonrpc::InvalidParams, QStringLiteral("initialize needs params.protocolVersion (a string)"));
    if (session.initializeAnswered)
        return jsonrpc::error(request.id, jsonrpc::InvalidRequest,
                              QStringLiteral("this session is initialized already (protocol %1)").arg(session.protocolVersion));
    // The client's revision when we speak it with a handshake; else our newest such one,
    // and the client decides whether it can go on.
    const QString version = requested.toString();
    const bool handshake = McpServer::supportedVersions().contains(version) && version != statelessVersion();
    session.protocolVersion = handshake ? version : newestHandshakeVersion();
    session.initializeAnswered = true;
    session.clientInfo = request.params.value(QLatin1StringView("clientInfo")).toObject();
    qCInfo(lcMcp) << "initialize: protocol" << session.protocolVersion << "client"
                  << session.clientInfo.value(QLatin1StringView("name")).toString().left(80);
    return jsonrpc::result(request.id, QJsonObject{{QStringLiteral("protocolVersion"), session.protocolVersion},
                                                   {QStringLiteral("capabilities"), capabilities()},
                                                   {QStringLiteral("serverInfo"), serverInfo()},
                                                   {QStringLiteral("instructions"), instructions(projectDir)}});
}

QJsonObject McpServer::Private::discover(const QJsonValue &id)
{
    return jsonrpc::result(id, QJsonObject{{QStringLiteral("supportedVersions"), QJsonArray::fromStringList(McpServer::supportedVersions())},
                                           {QStringLiteral("capabilities"), capabilities()},
                                           {QStringLiteral("serverInfo"), serverInfo()},
                                           {QStringLiteral("instructions"), instructions(projectDir)},
                                           {QStringLiteral("_meta"), QJsonObject{{QStringLiteral("io.modelcontextprotocol/serverInfo"), serverInfo()}}},
                                           {QStringLiteral("resultType"), QStringLiteral("complete")}});
}

QJsonObject McpServer::Private::toolsList(const QJsonValue &id)
{
    QJsonArray tools;
    for (const McpTool &tool : mcpTools())
        tools.append(tool.definition());
    return jsonrpc::result(id, QJsonObject{{QStringLiteral("tools"), tools}});
}

QJsonObject McpServer::Private::toolsCall(const jsonrpc::Envelope &request, const QString &version, const McpCaller &caller)
{
    const QJsonValue nameValue = request.params.value(QLatin1StringView("name"));
    if (!nameValue.isString())
        return jsonrpc::error(request.id, jsonrpc::InvalidParams, QStringLiteral("tools/call needs params.name (a string)"));
    const QString name = nameValue.toString();
    const McpTool *tool = findMcpTool(name);
    if (!tool) {
        QStringList names;
        for (const McpTool &t : mcpTools())
            names << t.name;
        return jsonrpc::error(request.id, jsonrpc::InvalidParams,
                              QStringLiteral("unknown tool \"%1\"; the tools are: %2").arg(name.left(80), names.join(QStringLiteral(", "))));
    }
    const QJsonValue arguments = request.params.value(QLatin1StringView("arguments"));
    const QJsonValue checked = arguments.isUndefined() ? QJsonValue(QJsonObject()) : arguments;
    if (const QString problem = checkAgainstSchema(checked, tool->inputSchema); !problem.isEmpty()) {
        qCInfo(lcMcp) << "tools/call" << name << "refused: arguments do not match its inputSchema";
        const QString message = QStringLiteral("invalid arguments for %1: %2").arg(name, problem);
        if (argumentErrorsAreToolErrors(version))
            return jsonrpc::result(request.id, toolResultJson(toolError(message)));
        return jsonrpc::error(request.id, jsonrpc::InvalidParams, message);
    }
    if (tool->needsDeveloper && caller.role < landing::Role::Developer) {
        qCInfo(lcMcp) << "tools/call" << name << "refused: caller" << caller.subject << "is a" << landing::roleName(caller.role);
        return jsonrpc::result(request.id, toolResultJson(toolError(
                                               QStringLiteral("%1 changes the project and needs the developer role; %2 is a %3")
                                                   .arg(name, caller.subject, landing::roleName(caller.role)))));
    }
    if (projectDir.isEmpty())
        return jsonrpc::result(request.id, toolResultJson(toolError(
                                               QStringLiteral("the project directory %1 does not exist").arg(options.projectDir))));

    ToolContext context{engine, projectDir, options.maxFileBytes, options.maxTotalBytes, projectLock};
    ToolResult result;
    try {
        result = tool->run(context, checked.toObject());
    } catch (const std::exception &e) {
        qCWarning(lcMcp) << "tools/call" << name << "failed:" << e.what();
        return jsonrpc::error(request.id, jsonrpc::InternalError, QStringLiteral("%1 failed inside the server").arg(name));
    }
    qCInfo(lcMcp) << "tools/call" << name << (result.isError ? "returned a tool error" : "succeeded");
    return jsonrpc::result(request.id, toolResultJson(result));
}

QJsonObject McpServer::Private::handshakeRequest(const jsonrpc::Envelope &request, McpSession &session,
                                                 const McpCaller &caller)
{
    const QString &method = request.method;
    if (method == QLatin1StringView("initialize"))
        return initialize(request, session);
    if (method == QLatin1StringView("ping"))
        return jsonrpc::result(request.id, {}); // allowed at any time, even before initialize
    const bool known = method == QLatin1StringView("tools/list") || method == QLatin1StringView("tools/call");
    if (!known)
        return jsonrpc::error(request.id, jsonrpc::MethodNotFound, QStringLiteral("no method \"%1\"").arg(method.left(80)));
    if (!session.initializeAnswered)
        return jsonrpc::error(request.id, jsonrpc::InvalidRequest,
                              QStringLiteral("%1 before initialize: send initialize first (2025-06-18, 2025-11-25), or name "
                                             "the revision in params._meta[\"%2\"] (2026-07-28)")
                                  .arg(method, versionMetaKey()));
    if (method == QLatin1StringView("tools/list"))
        return toolsList(request.id);
    return toolsCall(request, session.protocolVersion, caller);
}

QJsonObject McpServer::Private::statelessRequest(const jsonrpc::Envelope &request, const McpCaller &caller)
{
    const QJsonObject meta = request.params.value(QLatin1StringView("_meta")).toObject();
    const QJsonValue clientCapabilities = meta.value(capabilitiesMetaKey());
    if (!clientCapabilities.isUndefined() && !clientCapabilities.isObject())
        return jsonrpc::error(request.id, jsonrpc::InvalidParams,
                              QStringLiteral("params._meta[\"%1\"] must be an object").arg(capabilitiesMetaKey()));
    QJsonObject reply;
    const QString &method = request.method;
    if (method == QLatin1StringView("server/discover"))
        return discover(request.id);
    if (method == QLatin1StringView("tools/list"))
        reply = toolsList(request.id);
    else if (method == QLatin1StringView("tools/call"))
        reply = toolsCall(request, statelessVersion(), caller);
    else // ping and initialize are not part of 2026-07-28
        return jsonrpc::error(request.id, jsonrpc::MethodNotFound,
                              QStringLiteral("no method \"%1\" in protocol %2").arg(method.left(80), statelessVersion()));
    if (reply.contains(QLatin1StringView("result"))) {
        QJsonObject result = reply.value(QLatin1StringView("result")).toObject();
        result.insert(QStringLiteral("resultType"), QStringLiteral("complete"));
        reply.insert(QStringLiteral("result"), result);
    }
    return reply;
}

const QStringList &McpServer::supportedVersions()
{
    static const QStringList versions{statelessVersion(), QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18")};
    return versions;
}

McpServer::McpServer(Engine &engine, Options options) : d(std::make_unique<Private>(engine, std::move(options))) {}

McpServer::~McpServer() = default;

std::optional<QByteArray> McpServer::handle(QByteArrayView text, McpSession &session, const McpCaller &caller)
{
    const auto serialise = [](const QJsonObject &reply) { return QJsonDocument(reply).toJson(QJsonDocument::Compact); };
    if (text.size() > d->options.maxMessageBytes)
        return serialise(jsonrpc::error({}, jsonrpc::InvalidRequest,
                                        QStringLiteral("the message has %1 bytes, more than the %2 allowed")
                                            .arg(text.size())
                                            .arg(d->options.maxMessageBytes)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return serialise(jsonrpc::error({}, jsonrpc::ParseError,
                                        QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)));
    if (document.isArray())
        return serialise(jsonrpc::error({}, jsonrpc::InvalidRequest,
                                        QStringLiteral("batches are not part of MCP since 2025-06-18: send one message at a time")));
    if (!document.isObject())
        return serialise(jsonrpc::error({}, jsonrpc::InvalidRequest, QStringLiteral("a message is a JSON object")));
    const std::optional<QJsonObject> reply = handleMessage(document.object(), session, caller);
    if (!reply)
        return std::nullopt;
    return serialise(*reply);
}

std::optional<QJsonObject> McpServer::handleMessage(const QJsonObject &message, McpSession &session, const McpCaller &caller)
{
    const jsonrpc::Envelope envelope = jsonrpc::readEnvelope(message);
    switch (envelope.kind) {
    case jsonrpc::Kind::Invalid:
        return jsonrpc::error(envelope.id, jsonrpc::InvalidRequest, QStringLiteral("invalid request: %1").arg(envelope.problem));
    case jsonrpc::Kind::Response:
        return std::nullopt; // the server sends no requests, so no response is awaited
    case jsonrpc::Kind::Notification:
        if (envelope.method == QLatin1StringView("notifications/initialized") && session.initializeAnswered)
            session.initialized = true;
        return std::nullopt;
    case jsonrpc::Kind::Request:
        break;
    }
    qCDebug(lcMcp) << "request" << envelope.method.left(80);
    if (envelope.method == QLatin1StringView("initialize"))
        return d->handshakeRequest(envelope, session, caller);

    const QJsonValue meta = envelope.params.value(QLatin1StringView("_meta"));
    const QJsonValue version = meta.toObject().value(versionMetaKey());
    if (version.isUndefined()) {
        // server/discover is how a client finds out what we speak: it needs no revision.
        if (envelope.method == QLatin1StringView("server/discover"))
            return d->discover(envelope.id);
        return d->handshakeRequest(envelope, session, caller);
    }
    if (!version.isString())
        return jsonrpc::error(envelope.id, jsonrpc::InvalidParams,
                              QStringLiteral("params._meta[\"%1\"] must be a string").arg(versionMetaKey()));
    if (version.toString() == statelessVersion())
        return d->statelessRequest(envelope, caller);
    if (supportedVersions().contains(version.toString()))
        return d->handshakeRequest(envelope, session, caller);
    return jsonrpc::error(envelope.id, jsonrpc::UnsupportedProtocolVersion,
                          QStringLiteral("unsupported protocol version \"%1\"").arg(version.toString().left(80)),
                          QJsonObject{{QStringLiteral("supported"), QJsonArray::fromStringList(supportedVersions())},
                                      {QStringLiteral("requested"), version.toString().left(80)}});
}

} // namespace helios::mcp
