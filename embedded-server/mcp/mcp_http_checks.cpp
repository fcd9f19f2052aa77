// SPDX-License-Identifier: Apache-2.0
#include "mcp_http_checks.h"

#include "http_request.h"

#include <QHostAddress>
#include <QUrl>

namespace helios::server {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int portOr(const QUrl &url, bool secure)
{
    return url.port(secure ? 443 : 80);
}

// Accept's media ranges: whether `type` ("application/json") is acceptable, by an exact
// range, "application/*" or "*/*", with a weight other than q=0.
bool accepts(QByteArrayView accept, QByteArrayView type)
{
    const QByteArray major = type.first(type.indexOf('/') + 1).toByteArray() + '*';
    for (const QByteArray &range : accept.toByteArray().split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray media = parts.first().trimmed().toLower();
        if (media != type && media != major && media != "*/*")
            continue;
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.sliced(2).toDouble() <= 0.0)
                refused = true;
        }
        if (!refused)
            return true;
    }
    return false;
}

// Mcp-Name and Mcp-Param-* values may come as "=?base64?<UTF-8 as base64>?=".
std::optional<QString> decodedHeaderValue(const QByteArray &value)
{
    static constexpr QByteArrayView prefix("=?base64?");
    static constexpr QByteArrayView suffix("?=");
    if (!value.startsWith(prefix) || !value.endsWith(suffix) || value.size() < prefix.size() + suffix.size())
        return QString::fromUtf8(value);
    const auto decoded = QByteArray::fromBase64Encoding(value.sliced(prefix.size(), value.size() - prefix.size() - suffix.size()),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

QString mismatch(QStringView header, const QString &sent, const QString &body)
{
    return QStringLiteral("the %1 header \"%2\" does not match the body's \"%3\"").arg(header, sent, body);
}

} // namespace

bool originAllowed(const HttpRequest &request)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return true;
    const QUrl url(QString::fromLatin1(origin), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return false; // "null" (sandboxed frames, file: pages) included
    if (isLoopbackHost(url.host()))
        return true;
    if (request.peerAddress.isLoopback())
        return false;
    const QUrl self(QStringLiteral("%1://%2").arg(request.secure ? u"https" : u"http", QString::fromLatin1(request.header("host"))));
    return self.isValid() && url.scheme() == self.scheme() && url.host().compare(self.host(), Qt::CaseInsensitive) == 0
        && portOr(url, url.scheme() == u"https") == portOr(self, request.secure);
}

std::optional<McpReplyFormat> mcpReplyFormat(QByteArrayView accept)
{
    if (accept.trimmed().isEmpty() || accepts(accept, "application/json"))
        return McpReplyFormat::Json;
    if (accepts(accept, "text/event-stream"))
        return McpReplyFormat::EventStream;
    return std::nullopt;
}

QString mcpBodyProtocolVersion(const QJsonObject &message)
{
    return message.value(QLatin1StringView("params"))
        .toObject()
        .value(QLatin1StringView("_meta"))
        .toObject()
        .value(QLatin1StringView("io.modelcontextprotocol/protocolVersion"))
        .toString();
}

QString mcpHeaderMismatch(const HttpRequest &request, const QJsonObject &message)
{
    const bool isRequest = message.contains(QLatin1StringView("id"));
    const QString version = QString::fromLatin1(request.header("mcp-protocol-version"));
    if (version.isEmpty())
        return QStringLiteral("the MCP-Protocol-Version header is missing");
    if (isRequest || !mcpBodyProtocolVersion(message).isEmpty()) {
        if (const QString body = mcpBodyProtocolVersion(message); body != version)
            return body.isEmpty() ? QStringLiteral("the MCP-Protocol-Version header is \"%1\" but params._meta names no "
                                                   "io.modelcontextprotocol/protocolVersion")
                                        .arg(version)
                                  : mismatch(u"MCP-Protocol-Version", version, body);
    }

    const QString method = message.value(QLatin1StringView("method")).toString();
    const QByteArray methodHeader = request.header("mcp-method");
    if (methodHeader.isEmpty() && isRequest)
        return QStringLiteral("the Mcp-Method header is missing");
    if (!methodHeader.isEmpty() && QString::fromUtf8(methodHeader) != method)
        return mismatch(u"Mcp-Method", QString::fromUtf8(methodHeader), method);

    const QJsonObject params = message.value(QLatin1StringView("params")).toObject();
    QString named;
    if (method == u"tools/call" || method == u"prompts/get")
        named = params.value(QLatin1StringView("name")).toString();
    else if (method == u"resources/read")
        named = params.value(QLatin1StringView("uri")).toString();
    else
        return {};
    const QByteArray nameHeader = request.header("mcp-name");
    if (nameHeader.isEmpty())
        return isRequest ? QStringLiteral("the Mcp-Name header is missing (required for %1)").arg(method) : QString();
    const std::optional<QString> sent = decodedHeaderValue(nameHeader);
    if (!sent)
        return QStringLiteral("the Mcp-Name header is not valid =?base64?...?= text");
    if (*sent != named)
        return mismatch(u"Mcp-Name", *sent, named);
    return {};
}

} // namespace helios::server
