// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "landing/identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace helios {
class Engine;
}

namespace helios::mcp {

// What one client connection has negotiated. A stdio stream has one; Streamable HTTP has
// one per Mcp-Session-Id (2025 revisions) and a fresh one per request (2026-07-28, which is
// stateless: every request names its version in _meta).
struct McpSession {
    QString id;                    // HTTP: the Mcp-Session-Id issued at initialize; stdio: empty
    QString protocolVersion;       // negotiated at initialize (2025-06-18, 2025-11-25)
    bool initializeAnswered = false;
    bool initialized = false;      // notifications/initialized received
    QJsonObject clientInfo;
};

// Who calls, and what they may do: write_component, generate_component and build_project
// need at least the developer role. stdio runs as the local user (admin).
struct McpCaller {
    landing::Role role = landing::Role::Admin;
    QString subject = QStringLiteral("local");
};

// The `luminera` Model Context Protocol server: JSON-RPC 2.0 over any transport.
// Revisions: 2025-06-18 and 2025-11-25 (initialize -> notifications/initialized, then ping,
// tools/list, tools/call) and 2026-07-28 (no handshake; server/discover; every request
// carries io.modelcontextprotocol/protocolVersion and clientCapabilities in params._meta;
// every result has resultType). Tools work on one project directory.
// Thread-safe: transports may call handle() from several threads (each with its own
// session object); a tool call may take seconds (generate, build).
class McpServer {
public:
    struct Options {
        QString projectDir;                 // the project the tools read and write
        qsizetype maxFileBytes = 1 << 20;   // per file in write_component
        qsizetype maxTotalBytes = 4 << 20;  // all files of one write_component together
        qsizetype maxMessageBytes = 8 << 20; // a larger message is refused before parsing
    };

    static const QStringList &supportedVersions(); // newest first

    McpServer(Engine &engine, Options options);
    ~McpServer();

    // One JSON text (a request, notification or response) in; the reply to write back, or
    // nullopt when none is due (notifications, responses). Malformed JSON, a batch, a
    // non-object or an oversized message gets the JSON-RPC error the spec asks for (-32700,
    // -32600); an unknown method -32601; bad params -32602. Never throws, never crashes.
    std::optional<QByteArray> handle(QByteArrayView text, McpSession &session, const McpCaller &caller);

    // The same for an already parsed message (the HTTP transport reads headers first).
    std::optional<QJsonObject> handleMessage(const QJsonObject &message, McpSession &session,
                                             const McpCaller &caller);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::mcp
