// SPDX-License-Identifier: Apache-2.0
#include "reverse_proxy.h"

#include "core/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace helios::server {

namespace {

// Connection-level headers (RFC 9110 7.6.1) and the ones the network stack sets itself.
bool hopByHop(QByteArrayView name)
{
    static const QByteArrayList names{
        QByteArrayLiteral("connection"),        QByteArrayLiteral("keep-alive"),
        QByteArrayLiteral("proxy-authenticate"), QByteArrayLiteral("proxy-authorization"),
        QByteArrayLiteral("proxy-connection"),  QByteArrayLiteral("te"),
        QByteArrayLiteral("trailer"),           QByteArrayLiteral("transfer-encoding"),
        QByteArrayLiteral("upgrade"),           QByteArrayLiteral("host"),
        QByteArrayLiteral("content-length"),    QByteArrayLiteral("date")};
    for (const QByteArray &n : names) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ReverseProxy::ReverseProxy(QSslConfiguration tls, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_tls(std::move(tls))
    , m_timeout(timeout)
{
}

ReverseProxy::~ReverseProxy() = default;

void ReverseProxy::forward(const QUrl &upstream, const HttpRequest &request, HttpResponder responder)
{
    QUrl url = upstream;
    const qsizetype q = request.target.indexOf('?');
    url.setPath(url.path() + QString::fromUtf8(q < 0 ? request.target : request.target.left(q)),
                QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(QString::fromUtf8(request.target.mid(q + 1)), QUrl::TolerantMode);

    QNetworkRequest out(url);
    out.setSslConfiguration(m_tls);
    out.setTransferTimeout(int(m_timeout.count()));
    out.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    bool acceptEncoding = false;
    QByteArray forwardedFor;
    for (const auto &[name, value] : request.headers) {
        if (hopByHop(name))
            continue;
        if (name == "x-forwarded-for") {
            forwardedFor = value;
            continue;
        }
        acceptEncoding = acceptEncoding || name == "accept-encoding";
        out.setRawHeader(name, value);
    }
    // Without an explicit Accept-Encoding the network stack asks for gzip and inflates
    // the body itself, which would no longer match the upstream's headers.
    if (!acceptEncoding)
        out.setRawHeader(QByteArrayLiteral("accept-encoding"), QByteArrayLiteral("identity"));
    const QByteArray peer = request.peerAddress.toString().toLatin1();
    out.setRawHeader(QByteArrayLiteral("x-forwarded-for"), forwardedFor.isEmpty() ? peer : forwardedFor + ", " + peer);
    out.setRawHeader(QByteArrayLiteral("x-forwarded-proto"), request.secure ? QByteArrayLiteral("https") : QByteArrayLiteral("http"));
    out.setRawHeader(QByteArrayLiteral("x-request-id"), request.requestId);

    QNetworkReply *reply = m_network->sendCustomRequest(out, request.method, request.body);
    auto started = std::make_shared<bool>(false);
    auto start = [reply, responder, started]() mutable {
        if (*started)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        *started = true;
        HttpHeaders headers;
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            if (!hopByHop(name))
                headers.append({name.toLower(), value});
        }
        responder.begin(status.toInt(), headers);
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, start);
    connect(reply, &QNetworkReply::readyRead, this, [reply, responder, start]() mutable {
        start();
        responder.write(reply->readAll());
    });
    connect(reply, &QNetworkReply::finished, this, [reply, responder, started, start, url]() mutable {
        reply->deleteLater();
        start();
        if (*started) {
            const QByteArray rest = reply->readAll();
            if (!rest.isEmpty())
                responder.write(rest);
            responder.end();
            return;
        }
        const QNetworkReply::NetworkError error = reply->error();
        qCWarning(lcServer).noquote() << "upstream" << url.adjusted(QUrl::RemoveQuery).toString() << "failed:"
                                      << reply->errorString();
        if (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)
            responder.sendError(504, QByteArrayLiteral("upstream_timeout"), QStringLiteral("the upstream node did not answer in time"));
        else
            responder.sendError(502, QByteArrayLiteral("bad_gateway"),
                                QStringLiteral("the upstream node cannot be reached: %1").arg(reply->errorString()));
    });
}

} // namespace helios::server
