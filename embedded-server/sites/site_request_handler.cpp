// SPDX-License-Identifier: Apache-2.0
#include "site_request_handler.h"

#include "core/ids.h"
#include "core/logging.h"
#include "waypoint/local_sites.h"

#include <QFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace helios::server {

namespace {

// Files up to this size are read and sent whole; a static site's pages, scripts and
// images are far below it.
constexpr qint64 kWholeFileLimit = 4 * 1024 * 1024;
constexpr qint64 kStreamPiece = 256 * 1024;

// Sends a large file a piece per turn of the server thread's event loop, so that other
// connections are served in between and at most one piece is read ahead of the socket.
// Owns itself; gone when the file is sent or the client is.
class FileStream : public QObject {
public:
    FileStream(std::unique_ptr<QFile> file, HttpResponder responder)
        : m_file(std::move(file)), m_responder(std::move(responder))
    {
    }

    void sendNextPiece()
    {
        const QByteArray piece = m_file->read(kStreamPiece);
        if (!piece.isEmpty())
            m_responder.write(piece);
        if (piece.isEmpty() || m_file->atEnd() || !m_responder.isOpen()) {
            // A short read (the file shrank, which an immutable deployment never does)
            // ends short of Content-Length: the connection closes rather than lie.
            m_responder.end();
            deleteLater();
            return;
        }
        QTimer::singleShot(0, this, [this] { sendNextPiece(); });
    }

private:
    std::unique_ptr<QFile> m_file;
    HttpResponder m_responder;
};

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.trimmed() == "*")
        return true;
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2); // weak comparison, as RFC 9110 asks for If-None-Match
        if (candidate == etag)
            return true;
    }
    return false;
}

void answerNotFound(const QString &path, HttpResponder &responder)
{
    const QByteArray page = QStringLiteral("<!doctype html>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n"
                                           "<h1>Not found</h1>\n<p>No deployment serves <code>%1</code>.</p>\n")
                                .arg(path.toHtmlEscaped())
                                .toUtf8();
    responder.send(404, "text/html; charset=utf-8", page, {{"Cache-Control", "no-cache"}});
}

} // namespace

void answerSiteRequest(const waypoint::LocalSites &sites, const HttpRequest &request, HttpResponder responder)
{
    if (request.method != "GET" && request.method != "HEAD") {
        responder.send(405, "text/plain; charset=utf-8", "Only GET and HEAD are served here.\n",
                       {{"Allow", "GET, HEAD"}});
        return;
    }
    const QString path = QString::fromUtf8(request.path);
    const waypoint::LocalSites::Resolved resolved = sites.resolve(path);
    if (resolved.status != 200) {
        answerNotFound(path, responder);
        return;
    }

    // A deployment never changes, so its own address may be cached for good; an
    // environment's address must be revalidated, as it switches between deployments.
    // The ETag names the deployment, so revalidating after a switch fetches the new one.
    const bool immutable = path.startsWith(QLatin1StringView("/deployments/"));
    const QByteArray etag = '"' + resolved.deploymentId.toUtf8() + '-' +
                            sha256Digest(resolved.filePath.toUtf8()).mid(7, 16).toLatin1() + '"';
    HttpHeaders headers{
        {"ETag", etag},
        {"Cache-Control", immutable ? QByteArrayLiteral("public, max-age=31536000, immutable") : QByteArrayLiteral("no-cache")},
        {"X-Helios-Deployment", resolved.deploymentId.toUtf8()},
        {"X-Content-Type-Options", "nosniff"},
    };
    if (etagMatches(request.header("if-none-match"), etag)) {
        responder.send(304, {}, {}, headers);
        return;
    }

    // Opened now: once open, the bytes are those of the deployment that resolved, even
    // if the environment switches or the deployment is pruned meanwhile.
    auto file = std::make_unique<QFile>(resolved.filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        qCWarning(lcServer) << "site file vanished between resolving and reading:" << resolved.filePath;
        answerNotFound(path, responder);
        return;
    }
    if (request.method == "HEAD") {
        headers.append({"Content-Type", resolved.contentType});
        headers.append({"Content-Length", QByteArray::number(file->size())});
        responder.begin(200, headers);
        responder.end();
        return;
    }
    if (file->size() <= kWholeFileLimit) {
        responder.send(200, resolved.contentType, file->readAll(), headers);
        return;
    }
    headers.append({"Content-Type", resolved.contentType});
    headers.append({"Content-Length", QByteArray::number(file->size())});
    responder.begin(200, headers);
    (new FileStream(std::move(file), std::move(responder)))->sendNextPiece();
}

} // namespace helios::server
