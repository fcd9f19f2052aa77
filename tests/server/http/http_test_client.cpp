// SPDX-License-Identifier: Apache-2.0
#include "http_test_client.h"

#include <QTest>

HttpTestClient::HttpTestClient(const QSslConfiguration &config)
{
    m_socket.setSslConfiguration(config);
    // The server certificate names localhost; we connect to 127.0.0.1.
    m_socket.setPeerVerifyName(QStringLiteral("localhost"));
    // No readyRead handler: bytes are taken only inside read(), so a test can play a
    // client that stops reading.
}

QByteArray HttpTestClient::Response::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k == name)
            return v;
    }
    return {};
}

bool HttpTestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor([this] { return m_socket.isEncrypted(); }, timeoutMs);
}

void HttpTestClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

const QByteArray &HttpTestClient::buffered()
{
    m_buffer += m_socket.readAll();
    return m_buffer;
}

std::optional<HttpTestClient::Response> HttpTestClient::read(int timeoutMs)
{
    std::optional<Response> r;
    (void)QTest::qWaitFor([&] {
        m_buffer += m_socket.readAll();
        r = tryParse();
        return r.has_value();
    }, timeoutMs);
    return r;
}

bool HttpTestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

std::optional<HttpTestClient::Response> HttpTestClient::tryParse()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    Response r;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.front().trimmed().split(' ');
    if (statusLine.size() < 2)
        return std::nullopt;
    r.status = statusLine[1].toInt();
    qint64 length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
        if (name == "transfer-encoding" && value == "chunked")
            r.chunked = true;
    }
    qsizetype pos = headEnd + 4;
    if (r.status < 200 || r.status == 204 || r.status == 304) {
        length = 0;
    }
    if (r.chunked) {
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return std::nullopt;
            bool ok = false;
            const qint64 size = m_buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok)
                return std::nullopt;
            if (size == 0) {
                if (m_buffer.size() < lineEnd + 4)
                    return std::nullopt;
                pos = lineEnd + 4;
                break;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return std::nullopt;
            r.body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    } else if (length >= 0) {
        if (m_buffer.size() < pos + length)
            return std::nullopt;
        r.body = m_buffer.mid(pos, length);
        pos += length;
    } else {
        // Delimited by the close.
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            return std::nullopt;
        r.body = m_buffer.mid(pos);
        pos = m_buffer.size();
    }
    m_buffer.remove(0, pos);
    return r;
}
