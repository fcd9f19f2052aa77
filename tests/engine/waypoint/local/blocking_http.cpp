// SPDX-License-Identifier: Apache-2.0
#include "blocking_http.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace helios::test {

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key == name.toLower())
            return value;
    return {};
}

HttpAnswer blockingRequest(const QByteArray &method, const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                           int timeoutMs)
{
    HttpAnswer answer;
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return answer;
    QByteArray request = method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\nHost: " +
                         url.host().toLatin1() + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n");
    QByteArray raw;
    while (!deadline.hasExpired()) {
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (!socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))) && socket.bytesAvailable() == 0)
            if (socket.state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
                break;
        raw += socket.readAll();
    }
    raw += socket.readAll();
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return answer;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return answer;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            answer.headers.append({lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed()});
    }
    answer.body = raw.mid(headEnd + 4);
    const QByteArray length = answer.header("content-length");
    if (method != "HEAD" && !length.isEmpty() && answer.body.size() != length.toLongLong())
        return HttpAnswer{}; // cut short: not an answer
    answer.status = statusLine[1].toInt();
    return answer;
}

} // namespace helios::test
