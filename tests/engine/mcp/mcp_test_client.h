// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/mcp_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace helios::test {

// Talks to an McpServer in-process the way a transport does: JSON text in, JSON text out,
// one session per client.
class McpTestClient {
public:
    explicit McpTestClient(mcp::McpServer &server, mcp::McpCaller caller = {}) : m_server(server), m_caller(caller) {}

    // The reply to `text` parsed, or an empty object when none was due.
    QJsonObject send(const QByteArray &text)
    {
        const std::optional<QByteArray> reply = m_server.handle(text, m_session, m_caller);
        if (!reply)
            return {};
        m_lastReplyText = *reply;
        return QJsonDocument::fromJson(*reply).object();
    }

    QJsonObject request(const QString &method, const QJsonObject &params = {})
    {
        QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), ++m_nextId},
                            {QStringLiteral("method"), method}};
        if (!params.isEmpty())
            message.insert(QStringLiteral("params"), params);
        return send(QJsonDocument(message).toJson(QJsonDocument::Compact));
    }

    bool notify(const QString &method)
    {
        const QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("method"), method}};
        return send(QJsonDocument(message).toJson(QJsonDocument::Compact)).isEmpty();
    }

    // initialize with `version`, then notifications/initialized; returns initialize's reply.
    QJsonObject initialize(const QString &version)
    {
        const QJsonObject reply = request(QStringLiteral("initialize"),
                                          QJsonObject{{QStringLiteral("protocolVersion"), version},
                                                      {QStringLiteral("capabilities"), QJsonObject()},
                                                      {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("test")},
                                                                                                 {QStringLiteral("version"), QStringLiteral("1")}}}});
        notify(QStringLiteral("notifications/initialized"));
        return reply;
    }

    // params with the 2026-07-28 _meta added.
    static QJsonObject stateless(QJsonObject params = {}, const QString &version = QStringLiteral("2026-07-28"))
    {
        params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("io.modelcontextprotocol/protocolVersion"), version},
                                                           {QStringLiteral("io.modelcontextprotocol/clientCapabilities"), QJsonObject()}});
        return params;
    }

    // tools/call; `stateless` sends it as a 2026-07-28 request instead of in the session.
    QJsonObject call(const QString &tool, const QJsonObject &arguments, bool statelessRequest = false)
    {
        QJsonObject params{{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}};
        return request(QStringLiteral("tools/call"), statelessRequest ? stateless(params) : params);
    }

    const mcp::McpSession &session() const { return m_session; }
    const QByteArray &lastReplyText() const { return m_lastReplyText; }

private:
    mcp::McpServer &m_server;
    mcp::McpCaller m_caller;
    mcp::McpSession m_session;
    int m_nextId = 0;
    QByteArray m_lastReplyText;
};

inline int errorCode(const QJsonObject &reply) { return reply.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toInt(); }
inline QString errorMessage(const QJsonObject &reply)
{
    return reply.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString();
}
inline QJsonObject resultOf(const QJsonObject &reply) { return reply.value(QLatin1StringView("result")).toObject(); }
// The text of a tools/call result's first content block.
inline QString resultText(const QJsonObject &reply)
{
    return resultOf(reply).value(QLatin1StringView("content")).toArray().at(0).toObject().value(QLatin1StringView("text")).toString();
}
inline bool isToolError(const QJsonObject &reply) { return resultOf(reply).value(QLatin1StringView("isError")).toBool(); }
inline QJsonObject structured(const QJsonObject &reply) { return resultOf(reply).value(QLatin1StringView("structuredContent")).toObject(); }

} // namespace helios::test
