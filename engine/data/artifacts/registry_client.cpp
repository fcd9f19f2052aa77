// SPDX-License-Identifier: Apache-2.0
#include "registry_client.h"

#include "core/config.h"
#include "core/logging.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadStorage>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace helios::data {

namespace {

constexpr int MaxRedirects = 5;

// One manager per thread: a QNetworkAccessManager may only be used from the thread it
// lives in, and keeping it lets that thread reuse its keep-alive connections.
// QThreadStorage deletes it when its thread ends (for the main thread: with the app).
QNetworkAccessManager *threadManager()
{
    static QThreadStorage<QNetworkAccessManager *> managers;
    if (!managers.hasLocalData()) {
        auto *manager = new QNetworkAccessManager;
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        managers.setLocalData(manager);
    }
    return managers.localData();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString registryErrors(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QLatin1StringView("errors")).toArray();
    QStringList parts;
    for (const QJsonValue &value : errors) {
        const QJsonObject error = value.toObject();
        const QString code = error.value(QLatin1StringView("code")).toString();
        const QString message = error.value(QLatin1StringView("message")).toString();
        QString part = code.isEmpty() ? message : message.isEmpty() ? code : code + QStringLiteral(": ") + message;
        // The detail names what was missing or invalid (a digest, a tag); it is bounded
        // because it comes from the server.
        const QJsonValue detail = error.value(QLatin1StringView("detail"));
        QString detailText = detail.isString() ? detail.toString()
            : detail.isObject() ? QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact))
            : detail.isArray()  ? QString::fromUtf8(QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact))
                                : QString();
        if (!detailText.isEmpty())
            part += QStringLiteral(" (") + (detailText.size() > 200 ? detailText.left(200) + QStringLiteral("...") : detailText)
                + QLatin1Char(')');
        parts.append(part);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

QByteArray RegistryResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<RegistryClient> RegistryClient::create(const QString &url, int connectTimeoutMs)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1StringView("http") && parsed.scheme() != QLatin1StringView("https")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("registry URL must be an absolute http:// or https:// URL with a host"),
                         redactUrl(url));
    RegistryClient client;
    client.m_base = parsed.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                    | QUrl::StripTrailingSlash);
    client.m_redactedBase = redactUrl(url);
    if (!parsed.userName().isEmpty()) {
        const QString credentials = parsed.userName(QUrl::FullyDecoded) + QLatin1Char(':') + parsed.password(QUrl::FullyDecoded);
        client.m_authorization = QByteArrayLiteral("Basic ") + credentials.toUtf8().toBase64();
    }
    client.m_connectTimeoutMs = std::max(1, connectTimeoutMs);
    // A transfer may take much longer than a connect, but must not hang forever when
    // the server stops sending: this bounds the time without progress, not the total.
    client.m_transferTimeoutMs = std::max(10 * client.m_connectTimeoutMs, 5000);
    return client;
}

QUrl RegistryClient::apiUrl(const QString &path) const
{
    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/v2/") + path);
    return url;
}

QString RegistryClient::contextFor(const QByteArray &method, const QUrl &url)
{
    return QString::fromLatin1(method) + QLatin1Char(' ')
        + url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool RegistryClient::sameOrigin(const QUrl &url) const
{
    return url.scheme() == m_base.scheme() && url.host() == m_base.host()
        && url.port(url.scheme() == QLatin1StringView("https") ? 443 : 80)
        == m_base.port(m_base.scheme() == QLatin1StringView("https") ? 443 : 80);
}

Result<RegistryResponse> RegistryClient::send(const QByteArray &method, const QUrl &url, const RawHeaders &headers,
                                              const QByteArray &body) const
{
    const bool follow = method == "GET" || method == "HEAD";
    QUrl current = url;
    for (int hop = 0;; ++hop) {
        bool closedEarly = false;
        auto response = sendOnce(method, current, headers, body, &closedEarly);
        if (!response && closedEarly) {
            // A pooled keep-alive connection to a server that has since restarted: the
            // request never reached it, so sending it again on a fresh connection is safe.
            qCDebug(lcArtifacts) << "retrying on a new connection:" << response.error().context;
            response = sendOnce(method, current, headers, body, &closedEarly);
        }
        if (!response || !follow || !isRedirect(response->status))
            return response;
        const QByteArray location = response->header("Location");
        if (location.isEmpty() || hop >= MaxRedirects)
            return response;
        current = response->url.resolved(QUrl::fromEncoded(location));
    }
}

Result<RegistryResponse> RegistryClient::sendOnce(const QByteArray &method, const QUrl &url, const RawHeaders &headers,
                                                  const QByteArray &body, bool *closedEarly) const
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("helios/" HELIOS_VERSION));
    if (!m_authorization.isEmpty() && sameOrigin(url))
        request.setRawHeader(QByteArrayLiteral("Authorization"), m_authorization);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkAccessManager *manager = threadManager();
    std::unique_ptr<QNetworkReply> reply;
    if (method == "GET")
        reply.reset(manager->get(request));
    else if (method == "HEAD")
        reply.reset(manager->head(request));
    else
        reply.reset(manager->sendCustomRequest(request, method, body));

    QEventLoop loop;
    QTimer connectTimer;
    connectTimer.setSingleShot(true);
    bool connectTimedOut = false;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&connectTimer, &QTimer::timeout, &loop, [&] {
        connectTimedOut = true;
        reply->abort();
    });
    // Any sign of a live connection ends the connect phase; the transfer timeout of the
    // request takes over from there.
    const auto connected = [&connectTimer] { connectTimer.stop(); };
    QObject::connect(reply.get(), &QNetworkReply::requestSent, &loop, connected);
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, connected);
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &loop, connected);
    connectTimer.start(m_connectTimeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    connectTimer.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || status.toInt() == 0) {
        const QString context = contextFor(method, url);
        if (connectTimedOut)
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("registry did not accept a connection within %1 ms").arg(m_connectTimeoutMs),
                             context);
        QString message;
        switch (reply->error()) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            message = QStringLiteral("registry stopped answering for %1 ms").arg(m_transferTimeoutMs);
            break;
        case QNetworkReply::RemoteHostClosedError:
            *closedEarly = true;
            message = QStringLiteral("registry closed the connection: ") + reply->errorString();
            break;
        default:
            message = QStringLiteral("cannot reach registry: ") + reply->errorString();
            break;
        }
        // errorString() quotes the URL Qt was given, which never carries credentials.
        return makeError(ErrorCode::Unavailable, message, context);
    }

    RegistryResponse response;
    response.status = status.toInt();
    response.url = url;
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    return response;
}

Error RegistryClient::httpError(const QByteArray &method, const RegistryResponse &response) const
{
    ErrorCode code = ErrorCode::Internal;
    switch (response.status) {
    case 400: case 411: case 416: code = ErrorCode::InvalidArgument; break;
    case 401: code = ErrorCode::Unauthenticated; break;
    case 403: code = ErrorCode::PermissionDenied; break;
    case 404: code = ErrorCode::NotFound; break;
    case 405: code = ErrorCode::Unsupported; break;
    case 409: code = ErrorCode::Conflict; break;
    case 413: code = ErrorCode::TooLarge; break;
    case 429: code = ErrorCode::Unavailable; break;
    default:
        if (response.status >= 500)
            code = ErrorCode::Unavailable;
        break;
    }
    QString message = QStringLiteral("registry answered HTTP %1").arg(response.status);
    const QString details = registryErrors(response.body);
    if (!details.isEmpty())
        message += QStringLiteral(": ") + details;
    return makeError(code, message, contextFor(method, response.url));
}

} // namespace helios::data
