// SPDX-License-Identifier: Apache-2.0
#include "mcp/json_rpc.h"

namespace helios::mcp::jsonrpc {

QJsonObject result(const QJsonValue &id, const QJsonObject &result)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("result"), result}};
}

QJsonObject error(const QJsonValue &id, int code, const QString &message, const QJsonValue &data)
{
    QJsonObject body{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined() && !data.isNull())
        body.insert(QStringLiteral("data"), data);
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id.isUndefined() ? QJsonValue(QJsonValue::Null) : id},
                       {QStringLiteral("error"), body}};
}

Envelope readEnvelope(const QJsonObject &message)
{
    Envelope envelope;
    envelope.id = QJsonValue(QJsonValue::Null);
    const QJsonValue id = message.value(QLatin1StringView("id"));
    const bool hasId = message.contains(QLatin1StringView("id"));
    // An id we can echo is echoed even when the rest is wrong, so the client can match it.
    const bool idUsable = id.isString() || (id.isDouble() && id.toDouble() == double(qint64(id.toDouble())));
    if (idUsable)
        envelope.id = id;

    if (message.value(QLatin1StringView("jsonrpc")).toString() != QLatin1StringView("2.0")) {
        envelope.problem = QStringLiteral("\"jsonrpc\" must be \"2.0\"");
        return envelope;
    }
    if (hasId && !idUsable) {
        envelope.problem = QStringLiteral("\"id\" must be a string or an integer (MCP does not allow null)");
        return envelope;
    }
    const QJsonValue method = message.value(QLatin1StringView("method"));
    if (method.isUndefined()) {
        if (hasId && (message.contains(QLatin1StringView("result")) || message.contains(QLatin1StringView("error")))) {
            envelope.kind = Kind::Response;
            return envelope;
        }
        envelope.problem = QStringLiteral("a request needs a \"method\"");
        return envelope;
    }
    if (!method.isString() || method.toString().isEmpty()) {
        envelope.problem = QStringLiteral("\"method\" must be a non-empty string");
        return envelope;
    }
    const QJsonValue params = message.value(QLatin1StringView("params"));
    if (!params.isUndefined() && !params.isObject()) {
        envelope.problem = QStringLiteral("\"params\" must be an object");
        return envelope;
    }
    envelope.method = method.toString();
    envelope.params = params.toObject();
    envelope.kind = hasId ? Kind::Request : Kind::Notification;
    return envelope;
}

} // namespace helios::mcp::jsonrpc
