// SPDX-License-Identifier: Apache-2.0
#include "kubernetes_http.h"

#include "core/config.h"
#include "core/logging.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#include <algorithm>
#include <memory>

namespace helios::waypoint {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 401: return ErrorCode::Unauthenticated;
    case 403: return ErrorCode::PermissionDenied;
    case 404: return ErrorCode::NotFound;
    case 409: return ErrorCode::Conflict;
    case 422: return ErrorCode::InvalidArgument;
    default: return ErrorCode::Unavailable;
    }
}

} // namespace

KubernetesHttp::KubernetesHttp(KubernetesConnection connection)
    : m_connection(std::move(connection))
{
}

Result<void> KubernetesHttp::check() const
{
    const QUrl &api = m_connection.apiServer;
    const QString shown = redactUrl(api.toString());
    if (!api.isValid() || api.host().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("HELIOS_KUBE_API \"%1\" is not an absolute URL with a host").arg(shown));
    if (api.scheme() == QLatin1StringView("http")) {
        if (!isLoopbackHost(api.host()))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("HELIOS_KUBE_API \"%1\" must be https:// (plain http:// is accepted for "
                                            "loopback addresses only: the bearer token would travel in clear)")
                                 .arg(shown));
    } else if (api.scheme() != QLatin1StringView("https")) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("HELIOS_KUBE_API \"%1\" must be an https:// URL").arg(shown));
    }
    if (!m_connection.caFile.isEmpty()) {
        if (!QFileInfo(m_connection.caFile).isReadable())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("HELIOS_KUBE_CA names %1, which cannot be read").arg(m_connection.caFile));
        if (QSslCertificate::fromPath(m_connection.caFile, QSsl::Pem).isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("HELIOS_KUBE_CA names %1, which holds no PEM certificate")
                                 .arg(m_connection.caFile));
    }
    return {};
}

QString KubernetesHttp::where(const QByteArray &method, const QString &path) const
{
    QUrl url = m_connection.apiServer;
    url.setUserInfo({});
    url.setPath(path);
    url.setQuery(QString());
    return QString::fromLatin1(method) + u' ' + url.toString();
}

QString KubernetesHttp::scrubbed(QString text) const
{
    if (!m_connection.token.isEmpty())
        text.replace(m_connection.token, QStringLiteral("[token]"));
    return text;
}

Result<KubernetesResponse> KubernetesHttp::send(QNetworkAccessManager &manager, const QByteArray &method,
                                                const QString &path, const QString &query,
                                                const QByteArray &contentType, const QByteArray &body,
                                                std::chrono::milliseconds timeout) const
{
    HELIOS_TRY(check());
    QUrl url = m_connection.apiServer;
    url.setPath(path);
    url.setQuery(query);

    QNetworkRequest request(url);
    request.setTransferTimeout(int(std::max<qint64>(1, timeout.count())));
    // A redirect could carry the bearer token to another host: the API server does not
    // redirect these requests, so one is an error, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "helios-waypoint");
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_connection.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    if (url.scheme() == QLatin1StringView("https") && !m_connection.caFile.isEmpty()) {
        // The cluster's own CA, as a kubeconfig's certificate-authority: it replaces the
        // system's CAs rather than adding to them.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_connection.caFile, QSsl::Pem));
        request.setSslConfiguration(tls);
    }

    std::unique_ptr<QNetworkReply> reply(
        body.isNull() && method == "GET" ? manager.get(request) : manager.sendCustomRequest(request, method, body));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return makeError(ErrorCode::Timeout,
                             QStringLiteral("the Kubernetes API server did not answer within %1 ms").arg(timeout.count()),
                             where(method, path));
        return makeError(ErrorCode::Unavailable,
                         scrubbed(QStringLiteral("cannot reach the Kubernetes API server: %1").arg(reply->errorString())),
                         where(method, path));
    }
    qCDebug(lcWaypoint) << "kubernetes" << method << path << status;
    return KubernetesResponse{status, reply->readAll()};
}

Error KubernetesHttp::statusError(const QByteArray &method, const QString &path,
                                  const KubernetesResponse &response) const
{
    // Failures come as a meta/v1 Status: {"kind":"Status","status":"Failure","message",
    // "reason","code"}. Anything else (a proxy's HTML page) is quoted briefly.
    const QJsonObject status = QJsonDocument::fromJson(response.body).object();
    QString detail;
    if (status.value(QStringLiteral("kind")).toString() == QLatin1StringView("Status")) {
        const QString reason = status.value(QStringLiteral("reason")).toString();
        const QString message = status.value(QStringLiteral("message")).toString();
        detail = reason.isEmpty() ? message : message.isEmpty() ? reason : reason + QStringLiteral(": ") + message;
    } else {
        detail = QString::fromUtf8(response.body.left(200)).simplified();
    }
    QString text = QStringLiteral("the Kubernetes API server answered %1 to %2 %3")
                       .arg(response.status)
                       .arg(QString::fromLatin1(method), path);
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return makeError(codeForStatus(response.status), scrubbed(text), where(method, path));
}

} // namespace helios::waypoint
