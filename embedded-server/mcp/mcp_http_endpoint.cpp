// SPDX-License-Identifier: Apache-2.0
#include "mcp_http_endpoint.h"

#include "http_request.h"
#include "mcp_http_checks.h"

#include "core/logging.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QObject>
#include <QThreadPool>

namespace helios::server {

namespace {

using mcp::McpCaller;
using mcp::McpServer;
using mcp::McpSession;
using Clock = McpSessionTable::Clock;

// JSON-RPC and MCP error codes the transport answers with itself.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InternalError = -32603;
constexpr int HeaderMismatch = -32020;                 // 2026-07-28
constexpr int MissingRequiredClientCapability = -32021; // 2026-07-28
constexpr int UnsupportedProtocolVersion = -32022;     // 2026-07-28

// Revisions from 2026-07-28 on name themselves in every request and have no sessions.
// Revision names are dates, so they order as text.
bool isStatelessRevision(const QString &version)
{
    return !version.isEmpty() && version >= QLatin1StringView("2026-07-28");
}

// A JSON-RPC error response. `id` is echoed when the request had a usable one; the spec
// asks for none where it could not be read.
QByteArray errorResponse(const QJsonValue &id, int code, const QString &message, const QJsonValue &data = {})
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined())
        error.insert(QStringLiteral("data"), data);
    QJsonObject response{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("error"), error}};
    if (id.isString() || id.isDouble())
        response.insert(QStringLiteral("id"), id);
    return QJsonDocument(response).toJson(QJsonDocument::Compact);
}

void refuse(HttpResponder &responder, int status, const QJsonValue &id, int code, const QString &message,
            const QJsonValue &data = {})
{
    responder.send(status, QByteArrayLiteral("application/json"), errorResponse(id, code, message, data));
}

QJsonValue unsupportedVersionData(const QString &requested)
{
    return QJsonObject{{QStringLiteral("supported"), QJsonArray::fromStringList(McpServer::supportedVersions())},
                       {QStringLiteral("requested"), requested}};
}

enum class Mode {
    Opening,   // initialize without a session: the session exists once it succeeded
    InSession, // a 2025 request on its session
    Stateless, // 2026-07-28
};

// The HTTP status of a reply to a request: 200, except the errors 2026-07-28 gives a
// status of their own.
int replyStatus(Mode mode, const QJsonObject &reply)
{
    if (mode != Mode::Stateless || !reply.contains(QLatin1StringView("error")))
        return 200;
    switch (reply.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toInt()) {
    case MethodNotFound:
        return 404;
    case HeaderMismatch:
    case MissingRequiredClientCapability:
    case UnsupportedProtocolVersion:
        return 400;
    default:
        return 200;
    }
}

} // namespace

struct McpHttpEndpoint::Private {
    // A POST whose message is with a worker; kept on the server's thread.
    struct Pending {
        HttpResponder responder;
        McpReplyFormat format = McpReplyFormat::Json;
        Mode mode = Mode::Stateless;
        bool isRequest = false;
        QString subject;
    };

    Private(Engine &engine, const Options &options)
        : sessions(options.sessions)
    {
        if (!options.projectDir.isEmpty()) {
            McpServer::Options serverOptions = options.server;
            serverOptions.projectDir = options.projectDir;
            server = std::make_unique<McpServer>(engine, serverOptions);
            maxMessageBytes = serverOptions.maxMessageBytes;
        }
        pool.setMaxThreadCount(std::max(1, options.workers));
    }

    bool refuseUnconfigured(HttpResponder &responder) const
    {
        if (server)
            return false;
        refuse(responder, 503, {}, InternalError,
               QStringLiteral("the MCP endpoint has no project: set HELIOS_MCP_PROJECT to the project directory "
                              "and restart helios serve (or use `helios mcp --project DIR` over stdio)"));
        return true;
    }

    void dispatch(Pending pending, const QJsonObject &message, const McpSession &session, const McpCaller &caller);
    void complete(quint64 job, const McpSession &session, const std::optional<QJsonObject> &reply);

    std::unique_ptr<McpServer> server; // null: HELIOS_MCP_PROJECT unset
    qsizetype maxMessageBytes = 0;
    McpSessionTable sessions;
    QObject home; // on the server's thread: workers' answers are delivered through it
    QHash<quint64, Pending> waiting;
    quint64 lastJob = 0;
    QThreadPool pool; // last: destroyed (joined) first, while everything above still exists
};

void McpHttpEndpoint::Private::dispatch(Pending pending, const QJsonObject &message, const McpSession &session,
                                        const McpCaller &caller)
{
    const quint64 job = ++lastJob;
    waiting.insert(job, std::move(pending));
    pool.start([this, job, message, session, caller] {
        McpSession working = session;
        std::optional<QJsonObject> reply = server->handleMessage(message, working, caller);
        QMetaObject::invokeMethod(
            &home, [this, job, working, reply = std::move(reply)] { complete(job, working, reply); }, Qt::QueuedConnection);
    });
}

void McpHttpEndpoint::Private::complete(quint64 job, const McpSession &session, const std::optional<QJsonObject> &reply)
{
    const auto it = waiting.find(job);
    if (it == waiting.end())
        return;
    Pending pending = std::move(*it);
    waiting.erase(it);
    const Clock::time_point now = Clock::now();

    HttpHeaders headers;
    if (pending.mode == Mode::InSession) {
        sessions.finish(session.id, session, now);
    } else if (pending.mode == Mode::Opening && reply && reply->contains(QLatin1StringView("result"))) {
        if (!sessions.insert(session, pending.subject, now))
            return refuse(pending.responder, 503, reply->value(QLatin1StringView("id")), InternalError,
                          QStringLiteral("too many MCP sessions are busy; retry shortly"));
        headers.append({QByteArrayLiteral("mcp-session-id"), session.id.toLatin1()});
        qCDebug(lcServer).noquote() << "MCP session opened for" << pending.subject << QStringLiteral("(%1 open)").arg(sessions.size());
    }

    if (!reply) {
        if (pending.isRequest)
            return refuse(pending.responder, 500, {}, InternalError, QStringLiteral("the MCP server gave no answer"));
        return pending.responder.send(202, {}, {}, headers);
    }
    const QByteArray body = QJsonDocument(*reply).toJson(QJsonDocument::Compact);
    if (!pending.isRequest) // a notification or response it could not accept, or no message at all
        return pending.responder.send(400, QByteArrayLiteral("application/json"), body, headers);
    const int status = replyStatus(pending.mode, *reply);
    if (status == 200 && pending.format == McpReplyFormat::EventStream) {
        headers.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
        headers.append({QByteArrayLiteral("x-accel-buffering"), QByteArrayLiteral("no")});
        return pending.responder.send(200, QByteArrayLiteral("text/event-stream"), "event: message\ndata: " + body + "\n\n",
                                      headers);
    }
    pending.responder.send(status, QByteArrayLiteral("application/json"), body, headers);
}

McpHttpEndpoint::McpHttpEndpoint(Engine &engine, Options options)
    : d(std::make_unique<Private>(engine, options))
{
}

McpHttpEndpoint::~McpHttpEndpoint()
{
    d->pool.waitForDone();
}

int McpHttpEndpoint::sessionCount() const
{
    return d->sessions.size();
}

void McpHttpEndpoint::post(const HttpRequest &request, const landing::Identity &identity, HttpResponder responder)
{
    if (!originAllowed(request))
        return refuse(responder, 403, {}, InvalidRequest,
                      QStringLiteral("Origin %1 may not use this MCP endpoint: only this server's own origin or a loopback one")
                          .arg(QString::fromLatin1(request.header("origin"))));
    if (d->refuseUnconfigured(responder))
        return;
    if (const QByteArray type = request.header("content-type").toLower(); !type.startsWith("application/json"))
        return refuse(responder, 415, {}, InvalidRequest,
                      QStringLiteral("POST one JSON-RPC message as Content-Type: application/json, not \"%1\"")
                          .arg(QString::fromLatin1(type)));
    const std::optional<McpReplyFormat> format = mcpReplyFormat(request.header("accept"));
    if (!format)
        return refuse(responder, 406, {}, InvalidRequest,
                      QStringLiteral("Accept must allow application/json or text/event-stream"));
    if (request.body.size() > d->maxMessageBytes)
        return refuse(responder, 413, {}, InvalidRequest,
                      QStringLiteral("the message has %1 bytes; at most %2 are accepted").arg(request.body.size()).arg(d->maxMessageBytes));

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse(responder, 400, {}, ParseError,
                      QStringLiteral("Parse error at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return refuse(responder, 400, {}, InvalidRequest,
                      document.isArray() ? QStringLiteral("one JSON-RPC message per POST: batches are not supported")
                                         : QStringLiteral("a JSON-RPC message is a JSON object"));
    const QJsonObject message = document.object();
    const QJsonValue id = message.value(QLatin1StringView("id"));
    const QString method = message.value(QLatin1StringView("method")).toString();
    const McpCaller caller{identity.role, identity.subject};
    Private::Pending pending{std::move(responder), *format, Mode::Stateless,
                             message.contains(QLatin1StringView("method")) && message.contains(QLatin1StringView("id")),
                             identity.subject};

    const QString headerVersion = QString::fromLatin1(request.header("mcp-protocol-version"));
    const bool isInitialize = method == u"initialize";
    if (!isInitialize && (!mcpBodyProtocolVersion(message).isEmpty() || isStatelessRevision(headerVersion))) {
        if (const QString mismatch = mcpHeaderMismatch(request, message); !mismatch.isEmpty())
            return refuse(pending.responder, 400, id, HeaderMismatch, QStringLiteral("Header mismatch: ") + mismatch);
        return d->dispatch(std::move(pending), message, McpSession{}, caller);
    }

    if (!headerVersion.isEmpty() && !McpServer::supportedVersions().contains(headerVersion))
        return refuse(pending.responder, 400, id, UnsupportedProtocolVersion,
                      QStringLiteral("Unsupported protocol version \"%1\" in MCP-Protocol-Version").arg(headerVersion),
                      unsupportedVersionData(headerVersion));
    const Clock::time_point now = Clock::now();
    const QString sessionId = QString::fromLatin1(request.header("mcp-session-id"));
    if (sessionId.isEmpty()) {
        if (!isInitialize)
            return refuse(pending.responder, 400, id, InvalidRequest,
                          QStringLiteral("the Mcp-Session-Id header is missing: initialize opens a session and its "
                                         "response carries the id (or send 2026-07-28 requests, which need none)"));
        if (!d->sessions.makeRoom(now))
            return refuse(pending.responder, 503, id, InternalError, QStringLiteral("too many MCP sessions are busy; retry shortly"));
        pending.mode = Mode::Opening;
        McpSession session;
        session.id = McpSessionTable::newSessionId();
        return d->dispatch(std::move(pending), message, session, caller);
    }

    std::optional<McpSession> session = d->sessions.start(sessionId, identity.subject, now);
    if (!session)
        return refuse(pending.responder, 404, id, InvalidRequest,
                      QStringLiteral("no such MCP session (ended, expired or never opened): initialize a new one"));
    if (!headerVersion.isEmpty() && !session->protocolVersion.isEmpty() && headerVersion != session->protocolVersion) {
        d->sessions.finish(sessionId, *session, now);
        return refuse(pending.responder, 400, id, InvalidRequest,
                      QStringLiteral("MCP-Protocol-Version \"%1\" is not the session's negotiated \"%2\"")
                          .arg(headerVersion, session->protocolVersion));
    }
    pending.mode = Mode::InSession;
    d->dispatch(std::move(pending), message, *session, caller);
}

void McpHttpEndpoint::remove(const HttpRequest &request, const landing::Identity &identity, HttpResponder responder)
{
    if (!originAllowed(request))
        return refuse(responder, 403, {}, InvalidRequest,
                      QStringLiteral("Origin %1 may not use this MCP endpoint: only this server's own origin or a loopback one")
                          .arg(QString::fromLatin1(request.header("origin"))));
    if (d->refuseUnconfigured(responder))
        return;
    const QString sessionId = QString::fromLatin1(request.header("mcp-session-id"));
    if (sessionId.isEmpty())
        return refuse(responder, 400, {}, InvalidRequest, QStringLiteral("DELETE ends a session: send its Mcp-Session-Id header"));
    if (!d->sessions.remove(sessionId, identity.subject))
        return refuse(responder, 404, {}, InvalidRequest, QStringLiteral("no such MCP session (ended, expired or never opened)"));
    qCDebug(lcServer).noquote() << "MCP session ended by" << identity.subject << QStringLiteral("(%1 open)").arg(d->sessions.size());
    responder.send(204, {}, {});
}

} // namespace helios::server
