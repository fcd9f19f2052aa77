// SPDX-License-Identifier: Apache-2.0
#include "http_response_writer.h"

#include "http_text.h"

#include <QString>

#include <cstdio>
#include <ctime>

namespace helios::server::wire {

namespace {

bool isServerOwned(QByteArrayView name)
{
    return text::equalsIgnoreCase(name, "content-length") || text::equalsIgnoreCase(name, "transfer-encoding")
        || text::equalsIgnoreCase(name, "connection") || text::equalsIgnoreCase(name, "x-request-id");
}

bool isSafeHeaderText(QByteArrayView s)
{
    for (char c : s) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    const int len = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(n));
    out.append(digits, len);
}

// Escapes `s` as the inside of a JSON string. Bytes that are not valid UTF-8 (a path
// can decode to anything) become \u00XX so the log line stays valid JSON.
void appendJsonString(QByteArray &out, QByteArrayView s)
{
    bool highBytes = false;
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            highBytes = true;
            break;
        }
    }
    const bool validUtf8 = !highBytes || QString::fromUtf8(s).toUtf8() == s;
    out.append('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && !validUtf8)) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", u);
            out.append(esc, 6);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

QByteArray httpDate()
{
    // One thread serves a server; the cache is per thread so servers on other threads
    // never race on it.
    thread_local std::time_t cachedSecond = 0;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond || cached.isEmpty()) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[40];
        const size_t len = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        cached = QByteArray(buf, qsizetype(len));
        cachedSecond = now;
    }
    return cached;
}

bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

void appendHead(QByteArray &out, const Head &head)
{
    out.append("HTTP/1.1 ");
    appendNumber(out, head.status);
    out.append(' ');
    out.append(reasonPhrase(head.status));
    out.append("\r\nDate: ");
    out.append(httpDate());
    out.append("\r\n");
    if (!head.contentType.isEmpty() && head.framing != Framing::None) {
        out.append("Content-Type: ");
        out.append(head.contentType);
        out.append("\r\n");
    }
    switch (head.framing) {
    case Framing::Length:
        out.append("Content-Length: ");
        appendNumber(out, head.contentLength);
        out.append("\r\n");
        break;
    case Framing::Chunked:
        out.append("Transfer-Encoding: chunked\r\n");
        break;
    case Framing::UntilClose:
    case Framing::None:
        break;
    }
    out.append(head.keepAlive ? QByteArrayView("Connection: keep-alive\r\n") : QByteArrayView("Connection: close\r\n"));
    if (!head.requestId.isEmpty()) {
        out.append("X-Request-Id: ");
        out.append(head.requestId);
        out.append("\r\n");
    }
    if (head.extra) {
        for (const auto &[name, value] : *head.extra) {
            if (!text::isToken(name) || !isSafeHeaderText(value) || isServerOwned(name)
                || (!head.contentType.isEmpty() && text::equalsIgnoreCase(name, "content-type"))) {
                continue;
            }
            out.append(name);
            out.append(": ");
            out.append(value);
            out.append("\r\n");
        }
    }
    out.append("\r\n");
}

void appendChunk(QByteArray &out, QByteArrayView data)
{
    if (data.isEmpty())
        return; // an empty chunk would end the body
    char size[20];
    const int len = std::snprintf(size, sizeof size, "%llx\r\n", static_cast<unsigned long long>(data.size()));
    out.append(size, len);
    out.append(data);
    out.append("\r\n");
}

QByteArray errorBody(int status, QByteArrayView code, const QString &message)
{
    QByteArray out;
    out.reserve(64 + code.size() + message.size());
    out.append("{\"error\":{\"status\":");
    appendNumber(out, status);
    out.append(",\"code\":");
    appendJsonString(out, code);
    out.append(",\"message\":");
    appendJsonString(out, message.toUtf8());
    out.append("}}");
    return out;
}

qint64 declaredLength(const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers) {
        if (!text::equalsIgnoreCase(name, "content-length"))
            continue;
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        return ok && n >= 0 ? n : -1;
    }
    return -1;
}

void appendAccessLogLine(QByteArray &out, QByteArrayView method, QByteArrayView path, int status, qint64 bytes,
                         std::chrono::steady_clock::duration elapsed, QByteArrayView peer, QByteArrayView requestId)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char ts[40];
    const int tsLen = std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(millis));
    out.append("{\"ts\":\"");
    out.append(ts, tsLen);
    out.append("\",\"method\":");
    appendJsonString(out, method);
    out.append(",\"path\":");
    appendJsonString(out, path);
    out.append(",\"status\":");
    appendNumber(out, status);
    out.append(",\"bytes\":");
    appendNumber(out, bytes);
    char ms[32];
    const int msLen = std::snprintf(ms, sizeof ms, ",\"ms\":%.3f",
                                    std::chrono::duration<double, std::milli>(elapsed).count());
    out.append(ms, msLen);
    out.append(",\"peer\":");
    appendJsonString(out, peer);
    out.append(",\"id\":");
    appendJsonString(out, requestId);
    out.append("}\n");
}

} // namespace helios::server::wire
