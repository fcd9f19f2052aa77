// SPDX-License-Identifier: Apache-2.0
#include "waypoint/kubernetes/kubernetes_client.h"

#include "kubernetes_http.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace helios::waypoint {

namespace {

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds RequestTimeout = 30s;
// Polls start fast (a small Deployment is often ready in a second) and slow down to
// what `kubectl rollout status` would cost the API server.
constexpr std::chrono::milliseconds FirstPollInterval = 100ms;
constexpr std::chrono::milliseconds MaxPollInterval = 2s;

// Namespaces and names as the API allows them (DNS-1123 subdomain): also what keeps
// them from changing the request path.
Result<void> checkName(const QString &what, const QString &value)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$"));
    if (!valid.match(value).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a valid Kubernetes %2 (lower case letters, digits, '-' and "
                                        "'.', at most 253 characters)")
                             .arg(value, what));
    return {};
}

QString deploymentPath(const QString &ns, const QString &name)
{
    return QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name);
}

bool succeeded(const KubernetesResponse &response)
{
    return response.status >= 200 && response.status < 300;
}

} // namespace

struct KubernetesClient::Private {
    explicit Private(KubernetesConnection connection)
        : http(std::move(connection))
    {
    }

    Result<QJsonObject> getDeployment(QNetworkAccessManager &manager, const QString &ns, const QString &name,
                                      std::chrono::milliseconds timeout) const
    {
        HELIOS_TRY(checkName(QStringLiteral("namespace"), ns));
        HELIOS_TRY(checkName(QStringLiteral("name"), name));
        const QString path = deploymentPath(ns, name);
        auto response = http.send(manager, "GET", path, {}, {}, {}, timeout);
        HELIOS_TRY(response);
        return objectOf("GET", path, *response);
    }

    Result<QJsonObject> objectOf(const QByteArray &method, const QString &path, const KubernetesResponse &response) const
    {
        if (!succeeded(response))
            return http.statusError(method, path, response);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
        if (!document.isObject())
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("the Kubernetes API server answered %1 with something other than a JSON "
                                            "object")
                                 .arg(response.status),
                             http.where(method, path));
        return document.object();
    }

    KubernetesHttp http;
};

KubernetesClient::KubernetesClient(KubernetesConnection connection)
    : d(std::make_unique<Private>(std::move(connection)))
{
}

KubernetesClient::~KubernetesClient() = default;

Result<QString> KubernetesClient::objectPath(const QJsonObject &object)
{
    const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    const QString ns = metadata.value(QStringLiteral("namespace")).toString();
    const QString name = metadata.value(QStringLiteral("name")).toString();
    HELIOS_TRY(checkName(QStringLiteral("namespace"), ns));
    HELIOS_TRY(checkName(QStringLiteral("name"), name));

    // The kinds WAYPOINT applies, with the API group and version each is served under.
    struct Known {
        QLatin1StringView kind, apiVersion, prefix, resource;
    };
    static constexpr Known known[] = {
        {QLatin1StringView("Deployment"), QLatin1StringView("apps/v1"), QLatin1StringView("/apis/apps/v1"),
         QLatin1StringView("deployments")},
        {QLatin1StringView("Service"), QLatin1StringView("v1"), QLatin1StringView("/api/v1"),
         QLatin1StringView("services")},
        {QLatin1StringView("Ingress"), QLatin1StringView("networking.k8s.io/v1"),
         QLatin1StringView("/apis/networking.k8s.io/v1"), QLatin1StringView("ingresses")},
    };
    for (const Known &k : known)
        if (kind == k.kind && apiVersion == k.apiVersion)
            return QStringLiteral("%1/namespaces/%2/%3/%4").arg(k.prefix, ns, k.resource, name);
    return makeError(ErrorCode::Unsupported,
                     QStringLiteral("cannot apply a %1 of %2: only apps/v1 Deployment, v1 Service and "
                                    "networking.k8s.io/v1 Ingress are known")
                         .arg(kind.isEmpty() ? QStringLiteral("(no kind)") : kind,
                              apiVersion.isEmpty() ? QStringLiteral("(no apiVersion)") : apiVersion));
}

Result<QJsonObject> KubernetesClient::apply(const QJsonObject &object)
{
    const auto path = objectPath(object);
    HELIOS_TRY(path);
    QNetworkAccessManager manager;
    // JSON is YAML, so the object goes as it is; force=true takes over fields another
    // manager (a kubectl edit) set, as a deploy tool must.
    auto response =
        d->http.send(manager, "PATCH", *path, QStringLiteral("fieldManager=helios&force=true"),
                     "application/apply-patch+yaml", QJsonDocument(object).toJson(QJsonDocument::Compact), RequestTimeout);
    HELIOS_TRY(response);
    return d->objectOf("PATCH", *path, *response);
}

Result<void> KubernetesClient::remove(const QJsonObject &object)
{
    const auto path = objectPath(object);
    HELIOS_TRY(path);
    QNetworkAccessManager manager;
    const auto response = d->http.send(manager, "DELETE", *path, QStringLiteral("propagationPolicy=Background"), {}, {},
                                       RequestTimeout);
    HELIOS_TRY(response);
    if (succeeded(*response) || response->status == 404)
        return {};
    return d->http.statusError("DELETE", *path, *response);
}

Result<QJsonObject> KubernetesClient::deployment(const QString &ns, const QString &name)
{
    QNetworkAccessManager manager;
    return d->getDeployment(manager, ns, name, RequestTimeout);
}

Result<QString> KubernetesClient::awaitRollout(const QString &ns, const QString &name,
                                               std::chrono::milliseconds timeout, const std::atomic_bool *cancelled)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    const auto isCancelled = [cancelled] { return cancelled && cancelled->load(); };
    QNetworkAccessManager manager;
    auto interval = FirstPollInterval;
    QString last = QStringLiteral("no status read yet");
    for (;;) {
        if (isCancelled())
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("waiting for deployment %1/%2 was cancelled (%3)").arg(ns, name, last));
        const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (remaining <= 0ms)
            return makeError(ErrorCode::Timeout,
                             QStringLiteral("deployment %1/%2 did not finish rolling out within %3 ms: %4")
                                 .arg(ns, name)
                                 .arg(timeout.count())
                                 .arg(last));
        auto object = d->getDeployment(manager, ns, name, std::min(remaining, RequestTimeout));
        if (object.ok()) {
            const RolloutStatus status = rolloutStatusOf(*object);
            if (status.done)
                return status.message;
            if (status.failed)
                return makeError(ErrorCode::Unavailable, status.message, d->http.where("GET", deploymentPath(ns, name)));
            last = status.message;
        } else if (object.error().code != ErrorCode::Unavailable && object.error().code != ErrorCode::Timeout) {
            return object.error(); // the cluster said no: asking again will not change that
        } else {
            last = object.error().message; // a hiccup of the API server: keep asking until the deadline
        }
        // Sleep in short slices so that a cancel is seen promptly; this thread has no
        // event loop to wait in.
        const auto wakeUp = std::min(Clock::now() + interval, deadline);
        while (Clock::now() < wakeUp && !isCancelled())
            QThread::msleep(20);
        interval = std::min(interval * 2, MaxPollInterval);
    }
}

} // namespace helios::waypoint
