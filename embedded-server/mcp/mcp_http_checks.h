// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace helios::server {

struct HttpRequest;

// The header checks of the Streamable HTTP transport that need no state.

// Whether the Origin header lets this request in (DNS-rebinding protection). No Origin
// (a non-browser client) passes. A client on this machine may come only from a loopback
// origin (localhost, 127.0.0.0/8, [::1]): a page that rebound its own name to 127.0.0.1
// sends that name as its Origin and is refused. A remote client must come from this
// server's own origin (scheme, host and port of the Host header); anonymous access, the
// case a rebinding attack could exploit without a token, exists only on loopback.
bool originAllowed(const HttpRequest &request);

// How a reply may be sent given the Accept header: JSON when application/json is
// acceptable (or Accept is absent), else an SSE stream of one event when
// text/event-stream is; nullopt when neither is (406).
enum class McpReplyFormat { Json, EventStream };
std::optional<McpReplyFormat> mcpReplyFormat(QByteArrayView accept);

// 2026-07-28 "Server Validation": for a message of that revision, the reason its
// MCP-Protocol-Version, Mcp-Method and Mcp-Name headers do not match its body (missing,
// different, or a malformed =?base64?...?= value), or empty when they match. Mcp-Method
// and Mcp-Name are required on requests; on a notification they are checked if sent.
QString mcpHeaderMismatch(const HttpRequest &request, const QJsonObject &message);

// params._meta["io.modelcontextprotocol/protocolVersion"], or empty: the revision a
// 2026-07-28-style message names in its body.
QString mcpBodyProtocolVersion(const QJsonObject &message);

} // namespace helios::server
