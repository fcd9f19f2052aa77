// SPDX-License-Identifier: Apache-2.0
#include "http_request_parser.h"

#include "http_text.h"

#include <QIODevice>

#include <cstring>

namespace helios::server {

namespace {

constexpr qsizetype kChunkLineLimit = 4096; // chunk size plus extensions

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits{})
{
}

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes.data(), bytes.size());
}

qint64 HttpRequestParser::readFrom(QIODevice &device)
{
    const qint64 available = device.bytesAvailable();
    if (available <= 0)
        return 0;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + qsizetype(available));
    const qint64 got = device.read(m_buffer.data() + old, available);
    m_buffer.resize(old + qsizetype(qMax<qint64>(got, 0)));
    return qMax<qint64>(got, 0);
}

QByteArrayView HttpRequestParser::rawHead() const
{
    return QByteArrayView(m_buffer).sliced(m_headStart, m_headEnd - m_headStart);
}

QByteArrayView HttpRequestParser::bytesAfterHead() const
{
    return QByteArrayView(m_buffer).sliced(m_headEnd);
}

bool HttpRequestParser::inRequest() const
{
    if (m_state != State::Head)
        return m_state != State::Failed;
    // Blank lines between requests are tolerated and do not start the request timer.
    for (qsizetype i = m_pos; i < m_buffer.size(); ++i) {
        if (m_buffer[i] != '\r' && m_buffer[i] != '\n')
            return true;
    }
    return false;
}

void HttpRequestParser::compact()
{
    if (m_pos == 0)
        return;
    if (m_pos >= m_buffer.size()) {
        m_buffer.resize(0); // keeps the capacity for the next request
    } else if (m_pos >= 16 * 1024 || m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
    } else {
        return;
    }
    m_scan -= m_pos;
    m_pos = 0;
    m_headStart = m_headEnd = 0;
    if (m_scan < 0)
        m_scan = 0;
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const char *code, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorCode = QByteArray(code);
    m_errorMessage = message;
    return Event::Error;
}

HttpRequestParser::Event HttpRequestParser::next()
{
    switch (m_state) {
    case State::Head:
        compact();
        return parseHead();
    case State::Body:
        if (!m_headersReported) {
            m_headersReported = true;
            return Event::HeadersComplete;
        }
        return parseBody();
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::Trailers:
        if (!m_headersReported) {
            m_headersReported = true;
            return Event::HeadersComplete;
        }
        return parseChunked();
    case State::Complete:
        if (!m_headersReported) {
            m_headersReported = true;
            return Event::HeadersComplete;
        }
        return Event::RequestComplete;
    case State::Failed:
        return Event::Error;
    }
    return Event::Error;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::Head;
    m_headersReported = false;
    m_scan = m_headStart = m_headEnd = m_pos;
    compact();
    return out;
}

HttpRequestParser::Event HttpRequestParser::parseHead()
{
    if (m_scan == m_pos) {
        // A new request: skip the blank lines some clients send between requests.
        while (m_pos < m_buffer.size() && (m_buffer[m_pos] == '\r' || m_buffer[m_pos] == '\n')) {
            if (m_buffer[m_pos] == '\r') {
                if (m_pos + 1 >= m_buffer.size())
                    return Event::NeedMore;
                if (m_buffer[m_pos + 1] != '\n')
                    return fail(400, "bad_request_line", QStringLiteral("stray CR before the request line"));
                m_pos += 2;
            } else {
                return fail(400, "bare_lf", QStringLiteral("line ended by LF without CR"));
            }
        }
        m_scan = m_headStart = m_pos;
        if (m_pos == m_buffer.size())
            return Event::NeedMore;
        // Fresh request state (the previous one was moved out by takeRequest()).
        m_contentLength = 0;
        m_chunked = m_expectContinue = m_webSocketUpgrade = m_http10 = false;
        m_hasContentLength = false;
        m_keepAlive = true;
        m_hostCount = 0;
        m_connectionClose = m_connectionKeepAlive = m_connectionUpgrade = false;
        m_upgradeWebSocket = m_transferEncodingSeen = false;
    }

    const char *data = m_buffer.constData();
    while (true) {
        const qsizetype size = m_buffer.size();
        const void *nl = m_scan < size ? std::memchr(data + m_scan, '\n', size_t(size - m_scan)) : nullptr;
        if (!nl) {
            if (size - m_headStart > m_limits.maxHeaderBytes)
                return fail(431, "headers_too_large", QStringLiteral("request line and headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
            return Event::NeedMore;
        }
        const qsizetype lf = static_cast<const char *>(nl) - data;
        if (lf + 1 - m_headStart > m_limits.maxHeaderBytes)
            return fail(431, "headers_too_large", QStringLiteral("request line and headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
        if (lf == m_scan || data[lf - 1] != '\r')
            return fail(400, "bare_lf", QStringLiteral("line ended by LF without CR"));
        const QByteArrayView line(data + m_scan, lf - 1 - m_scan);
        const bool first = m_scan == m_headStart;
        m_scan = lf + 1;
        if (first) {
            if (!parseRequestLine(line))
                return Event::Error;
            continue;
        }
        if (line.isEmpty())
            break;
        if (!parseHeaderLine(line))
            return Event::Error;
    }

    m_headEnd = m_scan;
    m_pos = m_scan;
    if (!checkHeaders())
        return Event::Error;
    m_headersReported = true;
    return Event::HeadersComplete;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 == sp1) {
        fail(400, "bad_request_line", QStringLiteral("request line is not METHOD SP TARGET SP VERSION"));
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!text::isToken(method)) {
        fail(400, "bad_method", QStringLiteral("method is not a token"));
        return false;
    }
    if (target.isEmpty()) {
        fail(400, "bad_request_line", QStringLiteral("empty request target"));
        return false;
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            fail(400, "bad_target", QStringLiteral("request target holds a space, control or non-ASCII byte"));
            return false;
        }
    }
    if (version == "HTTP/1.1") {
        m_http10 = false;
    } else if (version == "HTTP/1.0") {
        m_http10 = true;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' && version[5] <= '9'
               && version[6] == '.' && version[7] >= '0' && version[7] <= '9') {
        fail(505, "version_not_supported", QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
        return false;
    } else {
        fail(400, "bad_version", QStringLiteral("malformed HTTP version"));
        return false;
    }
    m_request.method = text::methodBytes(method);
    m_request.target = target.toByteArray();
    return decodeTarget();
}

bool HttpRequestParser::decodeTarget()
{
    const QByteArray &target = m_request.target;
    if (target.front() != '/') {
        fail(400, "bad_target", QStringLiteral("only origin-form targets (starting with '/') are served"));
        return false;
    }
    const qsizetype q = target.indexOf('?');
    const QByteArrayView rawPath = q < 0 ? QByteArrayView(target) : QByteArrayView(target).first(q);
    m_request.query = q < 0 ? QByteArray() : target.sliced(q + 1);
    if (!rawPath.contains('%')) {
        m_request.path = q < 0 ? target : rawPath.toByteArray(); // shares the target when it can
    } else {
        std::optional<QByteArray> decoded = text::percentDecode(rawPath, false);
        if (!decoded) {
            fail(400, "bad_percent_encoding", QStringLiteral("malformed percent-escape in the path"));
            return false;
        }
        if (decoded->contains('\0')) {
            fail(400, "bad_target", QStringLiteral("the path holds an encoded NUL"));
            return false;
        }
        m_request.path = std::move(*decoded);
    }
    // Routes may map paths to files or upstream URLs: no route ever sees a ".." segment,
    // encoded or not.
    if (text::hasDotDotSegment(m_request.path)) {
        fail(400, "bad_target", QStringLiteral("the path holds a '..' segment"));
        return false;
    }
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        fail(400, "obs_fold", QStringLiteral("folded header lines (obs-fold) are not accepted"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !text::isToken(line.first(colon))) {
        fail(400, "bad_header", QStringLiteral("header name is not a token followed by ':'"));
        return false;
    }
    const QByteArrayView value = text::trimmed(line.sliced(colon + 1));
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f) {
            fail(400, "bad_header", QStringLiteral("header value holds a control character"));
            return false;
        }
    }
    QByteArray name = text::lowerName(line.first(colon));
    // Only names whose meaning the parser owns are looked at here.
    switch (name.size()) {
    case 4:
        if (name == "host")
            ++m_hostCount;
        break;
    case 14:
        if (name == "content-length") {
            const qint64 length = text::parseContentLength(value);
            if (length < 0 || (m_hasContentLength && length != m_contentLength)) {
                fail(400, "bad_content_length", QStringLiteral("invalid or conflicting Content-Length"));
                return false;
            }
            m_hasContentLength = true;
            m_contentLength = length;
        }
        break;
    case 17:
        if (name == "transfer-encoding") {
            if (m_http10) {
                fail(400, "bad_transfer_encoding", QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
                return false;
            }
            if (m_transferEncodingSeen || value.isEmpty()) {
                fail(400, "bad_transfer_encoding", QStringLiteral("repeated or empty Transfer-Encoding"));
                return false;
            }
            m_transferEncodingSeen = true;
            if (!text::equalsIgnoreCase(value, "chunked")) {
                // Only plain "chunked" is decoded; gzip and friends are not implemented.
                fail(501, "unsupported_transfer_encoding", QStringLiteral("only the chunked transfer coding is supported"));
                return false;
            }
            m_chunked = true;
        }
        break;
    case 10:
        if (name == "connection") {
            m_connectionClose = m_connectionClose || text::listContains(value, "close");
            m_connectionKeepAlive = m_connectionKeepAlive || text::listContains(value, "keep-alive");
            m_connectionUpgrade = m_connectionUpgrade || text::listContains(value, "upgrade");
        }
        break;
    case 7:
        if (name == "upgrade")
            m_upgradeWebSocket = text::listContains(value, "websocket");
        break;
    case 6:
        if (name == "expect" && !m_http10) {
            if (!text::equalsIgnoreCase(value, "100-continue")) {
                fail(417, "expectation_failed", QStringLiteral("only 'Expect: 100-continue' is supported"));
                return false;
            }
            m_expectContinue = true;
        }
        break;
    default:
        break;
    }
    if (m_request.headers.isEmpty())
        m_request.headers.reserve(12);
    m_request.headers.emplaceBack(std::move(name), value.toByteArray());
    return true;
}

bool HttpRequestParser::checkHeaders()
{
    if (m_hostCount > 1 || (!m_http10 && m_hostCount == 0)) {
        fail(400, "bad_host", m_hostCount ? QStringLiteral("more than one Host header") : QStringLiteral("HTTP/1.1 request without Host"));
        return false;
    }
    if (m_chunked && m_hasContentLength) {
        fail(400, "bad_framing", QStringLiteral("both Content-Length and Transfer-Encoding"));
        return false;
    }
    if (m_hasContentLength && m_contentLength > m_limits.maxBodyBytes) {
        fail(413, "body_too_large", QStringLiteral("request body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_keepAlive = m_http10 ? (m_connectionKeepAlive && !m_connectionClose) : !m_connectionClose;
    m_webSocketUpgrade = m_upgradeWebSocket && m_connectionUpgrade && m_request.method == "GET" && !hasBody();
    m_expectContinue = m_expectContinue && hasBody();
    if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength > 0) {
        m_request.body.reserve(qsizetype(m_contentLength));
        m_state = State::Body;
    } else {
        m_state = State::Complete;
    }
    return true;
}

HttpRequestParser::Event HttpRequestParser::parseBody()
{
    const qsizetype take = qsizetype(qMin<qint64>(m_buffer.size() - m_pos, m_contentLength - m_request.body.size()));
    m_request.body.append(m_buffer.constData() + m_pos, take);
    m_pos += take;
    compact();
    if (m_request.body.size() < m_contentLength)
        return Event::NeedMore;
    m_state = State::Complete;
    return Event::RequestComplete;
}

HttpRequestParser::Line HttpRequestParser::nextLine(QByteArrayView &line, qsizetype limit)
{
    const qsizetype size = m_buffer.size();
    const void *nl = m_pos < size ? std::memchr(m_buffer.constData() + m_pos, '\n', size_t(size - m_pos)) : nullptr;
    if (!nl)
        return size - m_pos > limit ? Line::Bad : Line::NeedMore;
    const qsizetype lf = static_cast<const char *>(nl) - m_buffer.constData();
    if (lf == m_pos || m_buffer[lf - 1] != '\r' || lf - m_pos > limit)
        return Line::Bad;
    line = QByteArrayView(m_buffer).sliced(m_pos, lf - 1 - m_pos);
    m_pos = lf + 1;
    return Line::Found;
}

HttpRequestParser::Event HttpRequestParser::parseChunked()
{
    while (true) {
        switch (m_state) {
        case State::ChunkSize: {
            QByteArrayView line;
            const Line got = nextLine(line, kChunkLineLimit);
            if (got == Line::NeedMore)
                return Event::NeedMore;
            if (got == Line::Bad)
                return fail(400, "bad_chunk", QStringLiteral("malformed chunk size line"));
            qint64 size = 0;
            qsizetype i = 0;
            for (; i < line.size(); ++i) {
                const char c = text::lower(line[i]);
                const int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
                if (digit < 0)
                    break;
                if (i >= 15)
                    return fail(400, "bad_chunk", QStringLiteral("chunk size too long"));
                size = size * 16 + digit;
            }
            const QByteArrayView rest = text::trimmed(line.sliced(i));
            if (i == 0 || (!rest.isEmpty() && rest.front() != ';'))
                return fail(400, "bad_chunk", QStringLiteral("malformed chunk size line"));
            if (size == 0) {
                m_trailerBytes = 0;
                m_state = State::Trailers;
                break;
            }
            // The limit holds for the body as it accumulates, before the chunk is read.
            if (m_request.body.size() + size > m_limits.maxBodyBytes)
                return fail(413, "body_too_large", QStringLiteral("request body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
            m_contentLength = size;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qsizetype take = qsizetype(qMin<qint64>(m_buffer.size() - m_pos, m_contentLength));
            m_request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_contentLength -= take;
            if (m_contentLength > 0) {
                compact();
                return Event::NeedMore;
            }
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (m_buffer.size() - m_pos < 2)
                return Event::NeedMore;
            if (m_buffer[m_pos] != '\r' || m_buffer[m_pos + 1] != '\n')
                return fail(400, "bad_chunk", QStringLiteral("chunk data not followed by CRLF"));
            m_pos += 2;
            m_state = State::ChunkSize;
            break;
        case State::Trailers: {
            QByteArrayView line;
            const Line got = nextLine(line, qsizetype(m_limits.maxHeaderBytes) - m_trailerBytes);
            if (got == Line::NeedMore)
                return Event::NeedMore;
            if (got == Line::Bad)
                return fail(m_buffer.size() - m_pos > m_limits.maxHeaderBytes - m_trailerBytes ? 431 : 400,
                            "bad_trailer", QStringLiteral("malformed or oversized trailer section"));
            m_trailerBytes += line.size() + 2;
            if (!line.isEmpty())
                break; // trailers are read and dropped: nothing here acts on them
            m_state = State::Complete;
            return Event::RequestComplete;
        }
        default:
            return Event::Error;
        }
    }
}

} // namespace helios::server
