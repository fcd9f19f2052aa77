// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_responder.h"
#include "mcp_session_table.h"

#include "landing/identity.h"
#include "mcp/mcp_server.h"

#include <QString>

#include <memory>

namespace helios {
class Engine;
}

namespace helios::server {

struct HttpRequest;

// The `luminera` MCP server's Streamable HTTP transport: what POST and DELETE on the MCP
// endpoint (/mcp) do, once the gateway has authenticated the caller (same bearer tokens
// as the REST API; the caller's role becomes McpCaller::role).
//
// Revisions 2025-06-18 and 2025-11-25: initialize opens a session, its Mcp-Session-Id
// comes back on the initialize response and is required afterwards (400 without, 404
// for an unknown, ended or expired one, or another caller's); MCP-Protocol-Version, when
// sent, must be supported and the session's (400); DELETE ends the session. Revision
// 2026-07-28 (a request whose params._meta names its revision, or whose
// MCP-Protocol-Version header is that revision or newer): no session, a fresh McpSession
// per request; MCP-Protocol-Version, Mcp-Method and Mcp-Name must match the body (400,
// HeaderMismatch -32020); an unknown method answers 404, an unsupported revision 400.
// Every POST: Origin checked (403), Content-Type application/json (415), Accept allowing
// application/json (answered as JSON) or text/event-stream (one SSE event) (406), one
// JSON-RPC message (400 with the JSON-RPC error); a notification or response that is
// accepted answers 202 with no body. No server-initiated stream: GET is not served (405
// from the router).
//
// McpServer::handleMessage runs on a worker pool, never on the server's thread: tool calls
// (generate, build) take seconds. Lives on the server's thread, like the responders it
// keeps until a worker's answer comes back.
class McpHttpEndpoint {
public:
    struct Options {
        // The project the tools work on; empty: every request answers 503 saying how to set
        // it (HELIOS_MCP_PROJECT).
        QString projectDir;
        McpSessionTable::Limits sessions;
        int workers = 4; // tool calls in parallel; more wait in the pool's queue
        mcp::McpServer::Options server; // projectDir is taken from above
    };

    McpHttpEndpoint(Engine &engine, Options options);
    // Waits for tool calls in flight; their answers are dropped (the clients see 500 or a
    // closed connection, as for any request cut off by shutdown).
    ~McpHttpEndpoint();

    void post(const HttpRequest &request, const landing::Identity &identity, HttpResponder responder);
    void remove(const HttpRequest &request, const landing::Identity &identity, HttpResponder responder);

    int sessionCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
