// SPDX-License-Identifier: Apache-2.0
#include "fake_kube_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace helios::test {

namespace {

// The three resources WAYPOINT applies: path pattern, apiVersion and kind they hold.
struct Resource {
    QRegularExpression path;
    QString apiVersion;
    QString kind;
};

const QList<Resource> &resources()
{
    static const QList<Resource> list = {
        {QRegularExpression(QStringLiteral("^/apis/apps/v1/namespaces/([^/]+)/deployments/([^/]+)$")),
         QStringLiteral("apps/v1"), QStringLiteral("Deployment")},
        {QRegularExpression(QStringLiteral("^/api/v1/namespaces/([^/]+)/services/([^/]+)$")), QStringLiteral("v1"),
         QStringLiteral("Service")},
        {QRegularExpression(QStringLiteral("^/apis/networking.k8s.io/v1/namespaces/([^/]+)/ingresses/([^/]+)$")),
         QStringLiteral("networking.k8s.io/v1"), QStringLiteral("Ingress")},
    };
    return list;
}

QString imageOf(const QJsonObject &deployment)
{
    const QJsonArray containers = deployment.value(QStringLiteral("spec"))
                                      .toObject()
                                      .value(QStringLiteral("template"))
                                      .toObject()
                                      .value(QStringLiteral("spec"))
                                      .toObject()
                                      .value(QStringLiteral("containers"))
                                      .toArray();
    return containers.first().toObject().value(QStringLiteral("image")).toString();
}

QJsonObject condition(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("status"), status},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message}};
}

void sendStatus(server::HttpResponder &responder, int code, const QString &reason, const QString &message)
{
    responder.send(code, "application/json", QJsonDocument(statusFailure(code, reason, message)).toJson());
}

} // namespace

QJsonObject statusFailure(int code, const QString &reason, const QString &message)
{
    return {{QStringLiteral("kind"), QStringLiteral("Status")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("metadata"), QJsonObject()},
            {QStringLiteral("status"), QStringLiteral("Failure")},
            {QStringLiteral("message"), message},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("code"), code}};
}

FakeKubeApi::FakeKubeApi(QByteArray token, QObject *parent)
    : QObject(parent)
    , m_token(std::move(token))
{
}

FakeKubeApi::~FakeKubeApi() = default;

bool FakeKubeApi::start(std::optional<QSslConfiguration> tls)
{
    server::HttpServer::Options options;
    options.accessLog = false;
    options.tls = tls;
    m_tls = tls.has_value();
    m_server = std::make_unique<server::HttpServer>(options);
    m_server->setHandler([this](const server::HttpRequest &request, server::HttpResponder responder) {
        handle(request, std::move(responder));
    });
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    if (!port.ok())
        qWarning("fake API server: %s", qPrintable(port.error().toString()));
    return port.ok();
}

QUrl FakeKubeApi::url() const
{
    // TLS clients check the name: the test certificate is for "localhost".
    return QUrl(QStringLiteral("%1://%2:%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"),
                         m_tls ? QStringLiteral("localhost") : QStringLiteral("127.0.0.1"))
                    .arg(m_server ? m_server->port() : 0));
}

QJsonObject FakeKubeApi::object(const QString &path) const
{
    return m_objects.value(path).object;
}

QStringList FakeKubeApi::appliedImages() const
{
    QStringList images;
    for (const server::HttpRequest &request : m_requests)
        if (request.method == "PATCH" && request.path.contains("/deployments/"))
            images += imageOf(QJsonDocument::fromJson(request.body).object());
    return images;
}

void FakeKubeApi::failNext(const QString &path, int code, const QString &reason, const QString &message)
{
    m_failures.insert(path, Failure{code, reason, message});
}

void FakeKubeApi::handle(const server::HttpRequest &request, server::HttpResponder responder)
{
    m_requests += request;
    if (request.header("authorization") != "Bearer " + m_token) {
        sendStatus(responder, 401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
        return;
    }
    const QString path = QString::fromUtf8(request.path);
    if (const auto failure = m_failures.find(path); failure != m_failures.end()) {
        const Failure f = *failure;
        m_failures.erase(failure);
        sendStatus(responder, f.code, f.reason, f.message);
        return;
    }
    if (request.method == "PATCH") {
        apply(request, responder);
    } else if (request.method == "GET" && path.contains(QStringLiteral("/deployments/"))) {
        getDeployment(path, responder);
    } else if (request.method == "DELETE") {
        remove(path, responder);
    } else {
        sendStatus(responder, 405, QStringLiteral("MethodNotAllowed"),
                   QStringLiteral("the server does not allow this method on the requested resource"));
    }
}

void FakeKubeApi::apply(const server::HttpRequest &request, server::HttpResponder &responder)
{
    const QString path = QString::fromUtf8(request.path);
    const Resource *resource = nullptr;
    QRegularExpressionMatch match;
    for (const Resource &r : resources())
        if ((match = r.path.match(path)).hasMatch()) {
            resource = &r;
            break;
        }
    if (!resource) {
        sendStatus(responder, 404, QStringLiteral("NotFound"),
                   QStringLiteral("the server could not find the requested resource"));
        return;
    }
    if (request.header("content-type") != "application/apply-patch+yaml") {
        sendStatus(responder, 415, QStringLiteral("UnsupportedMediaType"),
                   QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                                  "application/json-patch+json, application/merge-patch+json, "
                                  "application/apply-patch+yaml"));
        return;
    }
    if (request.queryValue("fieldManager").isEmpty()) {
        sendStatus(responder, 400, QStringLiteral("BadRequest"),
                   QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is "
                                  "required for apply patch"));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    if (body.value(QStringLiteral("apiVersion")).toString() != resource->apiVersion
        || body.value(QStringLiteral("kind")).toString() != resource->kind
        || metadata.value(QStringLiteral("namespace")).toString() != match.captured(1)
        || metadata.value(QStringLiteral("name")).toString() != match.captured(2)) {
        sendStatus(responder, 400, QStringLiteral("BadRequest"),
                   QStringLiteral("the object's apiVersion, kind, namespace or name does not match the request path"));
        return;
    }

    const bool created = !m_objects.contains(path);
    Stored &stored = m_objects[path];
    QJsonObject meta = metadata;
    int generation = 1;
    if (!created) {
        const QJsonObject old = stored.object.value(QStringLiteral("metadata")).toObject();
        generation = old.value(QStringLiteral("generation")).toInt();
        if (stored.object.value(QStringLiteral("spec")) != body.value(QStringLiteral("spec")))
            ++generation;
        meta.insert(QStringLiteral("uid"), old.value(QStringLiteral("uid")));
    } else {
        meta.insert(QStringLiteral("uid"), QStringLiteral("uid-%1").arg(m_objects.size()));
    }
    if (generation != stored.object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt())
        stored.pollsSinceChange = 0;
    meta.insert(QStringLiteral("generation"), generation);
    meta.insert(QStringLiteral("resourceVersion"), QString::number(m_requests.size()));
    stored.object = body;
    stored.object.insert(QStringLiteral("metadata"), meta);
    QJsonObject answer = stored.object;
    if (resource->kind == QLatin1StringView("Deployment")) {
        // The apply answers the status as it stands; it does not count as a poll.
        const int polls = stored.pollsSinceChange;
        answer = withStatus(stored);
        stored.pollsSinceChange = polls;
    }
    responder.send(created ? 201 : 200, "application/json", QJsonDocument(answer).toJson());
}

void FakeKubeApi::remove(const QString &path, server::HttpResponder &responder)
{
    if (!m_objects.remove(path)) {
        sendStatus(responder, 404, QStringLiteral("NotFound"), QStringLiteral("%1 not found").arg(path.section(u'/', -1)));
        return;
    }
    const QJsonObject status{{QStringLiteral("kind"), QStringLiteral("Status")},
                             {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("status"), QStringLiteral("Success")},
                             {QStringLiteral("details"), QJsonObject{{QStringLiteral("name"), path.section(u'/', -1)}}}};
    responder.send(200, "application/json", QJsonDocument(status).toJson());
}

void FakeKubeApi::getDeployment(const QString &path, server::HttpResponder &responder)
{
    const auto found = m_objects.find(path);
    if (found == m_objects.end()) {
        const QString name = path.section(u'/', -1);
        sendStatus(responder, 404, QStringLiteral("NotFound"),
                   QStringLiteral("deployments.apps \"%1\" not found").arg(name));
        return;
    }
    responder.send(200, "application/json", QJsonDocument(withStatus(*found)).toJson());
}

QJsonObject FakeKubeApi::withStatus(Stored &stored) const
{
    const int poll = stored.pollsSinceChange++;
    const QJsonObject &object = stored.object;
    const int generation = object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt();
    const int replicas = object.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(1);
    const QString name = object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    const QString replicaSet = QStringLiteral("%1-%2").arg(name).arg(generation * 7919 % 100000);
    const bool broken = !m_brokenMarker.isEmpty() && imageOf(object).contains(m_brokenMarker);
    const bool first = generation == 1;

    QJsonObject status;
    QJsonArray conditions;
    if (poll == 0) {
        // The controller has not seen the new spec yet: the status still describes the
        // previous generation (nothing, for a new Deployment).
        status = {{QStringLiteral("observedGeneration"), generation - 1},
                  {QStringLiteral("replicas"), first ? 0 : replicas},
                  {QStringLiteral("updatedReplicas"), first ? 0 : replicas},
                  {QStringLiteral("availableReplicas"), first ? 0 : replicas}};
    } else if (broken) {
        // One new pod that never becomes ready; the old ones keep serving (maxUnavailable 0).
        status = {{QStringLiteral("observedGeneration"), generation},
                  {QStringLiteral("replicas"), first ? 1 : replicas + 1},
                  {QStringLiteral("updatedReplicas"), 1},
                  {QStringLiteral("availableReplicas"), first ? 0 : replicas},
                  {QStringLiteral("unavailableReplicas"), 1}};
        conditions += condition(QStringLiteral("Progressing"), QStringLiteral("False"),
                                QStringLiteral("ProgressDeadlineExceeded"),
                                QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(replicaSet));
    } else if (poll < m_pollsToConverge) {
        const int updated = std::min(replicas, poll);
        status = {{QStringLiteral("observedGeneration"), generation},
                  {QStringLiteral("replicas"), first ? updated : replicas + 1},
                  {QStringLiteral("updatedReplicas"), updated},
                  {QStringLiteral("availableReplicas"), first ? std::max(0, updated - 1) : replicas}};
        conditions += condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                                QStringLiteral("ReplicaSetUpdated"),
                                QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(replicaSet));
    } else {
        status = {{QStringLiteral("observedGeneration"), generation},
                  {QStringLiteral("replicas"), replicas},
                  {QStringLiteral("updatedReplicas"), replicas},
                  {QStringLiteral("readyReplicas"), replicas},
                  {QStringLiteral("availableReplicas"), replicas}};
        conditions += condition(QStringLiteral("Available"), QStringLiteral("True"),
                                QStringLiteral("MinimumReplicasAvailable"),
                                QStringLiteral("Deployment has minimum availability."));
        conditions += condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                                QStringLiteral("NewReplicaSetAvailable"),
                                QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(replicaSet));
    }
    if (!conditions.isEmpty())
        status.insert(QStringLiteral("conditions"), conditions);
    QJsonObject answer = object;
    answer.insert(QStringLiteral("status"), status);
    return answer;
}

} // namespace helios::test
