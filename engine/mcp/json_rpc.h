// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace helios::mcp::jsonrpc {

// JSON-RPC 2.0's error codes, and the one MCP 2026-07-28 adds for a revision the server
// does not speak.
enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    UnsupportedProtocolVersion = -32022,
};

// {"jsonrpc":"2.0","id":id,"result":result}
QJsonObject result(const QJsonValue &id, const QJsonObject &result);
// {"jsonrpc":"2.0","id":id,"error":{"code","message"[,"data"]}}; `id` is null when the
// request's id could not be read.
QJsonObject error(const QJsonValue &id, int code, const QString &message, const QJsonValue &data = {});

// What kind of message an object is, after the envelope was checked.
enum class Kind { Request, Notification, Response, Invalid };

struct Envelope {
    Kind kind = Kind::Invalid;
    QJsonValue id;          // a request's id (string or number); null otherwise
    QString method;
    QJsonObject params;     // empty when absent
    QString problem;        // why it is Invalid
};

// Checks "jsonrpc":"2.0", the id (a string or an integer; MCP forbids null), the method
// and that params, when present, is an object (MCP never uses positional params).
Envelope readEnvelope(const QJsonObject &message);

} // namespace helios::mcp::jsonrpc
