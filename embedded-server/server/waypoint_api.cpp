// SPDX-License-Identifier: Apache-2.0
#include "waypoint_api.h"

#include "api_errors.h"
#include "router.h"
#include "waypoint_json.h"

#include "waypoint/waypoint_service.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace helios::server {

namespace {

using waypoint::Deployment;
using waypoint::DeployProgress;
using waypoint::WaypointService;
using Progress = std::function<void(const DeployProgress &)>;

// Deploys block for seconds (pulls, probes): they run on a pool, and their answer goes
// back to the server's thread, the only one a responder may be used on. Responders stay
// on that thread too, held by job number, so none is ever dropped on a worker.
class DeploymentJobs {
public:
    DeploymentJobs() { m_pool.setMaxThreadCount(4); }
    ~DeploymentJobs() { m_pool.waitForDone(); } // before m_home: answers still queued are dropped (500)

    // On the server thread.
    quint64 hold(HttpResponder responder)
    {
        m_waiting.insert(++m_lastJob, std::move(responder));
        return m_lastJob;
    }
    void run(std::function<void()> work) { m_pool.start(std::move(work)); }
    // From any thread: answers job `job` on the server thread, unless it was answered.
    void answer(quint64 job, std::function<void(HttpResponder &)> send)
    {
        QMetaObject::invokeMethod(
            &m_home,
            [this, job, send = std::move(send)] {
                auto it = m_waiting.find(job);
                if (it == m_waiting.end())
                    return;
                HttpResponder responder = std::move(*it);
                m_waiting.erase(it);
                send(responder);
            },
            Qt::QueuedConnection);
    }

private:
    QObject m_home; // lives on the thread that added the routes: the server's
    QHash<quint64, HttpResponder> m_waiting;
    quint64 m_lastJob = 0;
    QThreadPool m_pool;
};

QJsonObject accepted(const QString &deploymentId, const QString &status)
{
    return {{QStringLiteral("deploymentId"), deploymentId}, {QStringLiteral("status"), status}};
}

// Runs `work` (a service call given `progress`) on a worker and answers 202
// {deploymentId, status} as soon as the deployment is recorded (progress's "queued"
// call), or when `work` ends first: with its error, or the deployment's final status.
void startDeployment(const std::shared_ptr<DeploymentJobs> &sharedJobs, WaypointService &service, RequestContext &context,
                     std::function<Result<Deployment>(const Progress &)> work)
{
    // Not owned by the worker: the routes own the jobs, whose destructor waits for it.
    DeploymentJobs *jobs = sharedJobs.get();
    const quint64 job = jobs->hold(context.responder);
    jobs->run([jobs, &service, job, work = std::move(work)] {
        const Progress progress = [jobs, &service, job](const DeployProgress &step) {
            if (step.step != QLatin1StringView("queued"))
                return;
            const auto recorded = service.deployment(step.deploymentId);
            const QString status = recorded ? waypoint::deploymentStatusName(recorded->status) : QStringLiteral("running");
            jobs->answer(job, [id = step.deploymentId, status](HttpResponder &responder) {
                responder.sendJson(202, accepted(id, status));
            });
        };
        const Result<Deployment> ended = work(progress);
        jobs->answer(job, [ended](HttpResponder &responder) {
            if (!ended)
                return sendEngineError(responder, ended.error());
            responder.sendJson(202, accepted(ended->id, waypoint::deploymentStatusName(ended->status)));
        });
    });
}

// A body that may be absent ({}), or nullopt after answering 400/415.
std::optional<QJsonObject> optionalBody(RequestContext &context)
{
    if (context.request.body.trimmed().isEmpty())
        return QJsonObject();
    return jsonObjectBody(context);
}

bool refuseBadField(RequestContext &context, const QJsonObject &body, const QString &name, QJsonValue::Type type)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull() || value.type() == type)
        return false;
    context.responder.sendError(400, QByteArrayLiteral("invalid_body"),
                                QStringLiteral("\"%1\" must be a %2").arg(name, type == QJsonValue::Bool ? u"boolean" : u"string"));
    return true;
}

// The schemas the OpenAPI document shows, kept beside the code that reads the values.
QJsonObject response(const QString &description, const QJsonObject &schema = {})
{
    QJsonObject out{{QStringLiteral("description"), description}};
    if (!schema.isEmpty())
        out.insert(QStringLiteral("schema"), schema);
    return out;
}

QJsonObject listOf(const char *key, const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QLatin1StringView(key),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}}}}}};
}

QJsonObject acceptedSchema()
{
    const QJsonObject string{{QStringLiteral("type"), QStringLiteral("string")}};
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("deploymentId"), QStringLiteral("status")}},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("deploymentId"), string}, {QStringLiteral("status"), string}}}};
}

QJsonObject deployBodySchema(bool withVersion)
{
    QJsonObject properties{{QStringLiteral("approve"), QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}}};
    if (withVersion)
        properties.insert(QStringLiteral("version"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
}

QJsonObject writeResponses(const QString &accepted202)
{
    return {{QStringLiteral("202"), response(accepted202, acceptedSchema())},
            {QStringLiteral("400"), response(QStringLiteral("The body is malformed"))},
            {QStringLiteral("403"), response(QStringLiteral("The environment's gate does not let the caller's role do this"))},
            {QStringLiteral("404"), response(QStringLiteral("No such project, environment, release or deployment"))},
            {QStringLiteral("409"), response(QStringLiteral("A deployment to the environment is running"))}};
}

const QString kTag = QStringLiteral("waypoint");
const QString kProject = QStringLiteral("/api/waypoint/projects/{projectId}");

void addReads(Router &router, WaypointService &service)
{
    router.add({QByteArrayLiteral("GET"), kProject + QStringLiteral("/releases"), Access::Viewer,
                QStringLiteral("The project's releases, newest first"), kTag, {},
                {{QStringLiteral("200"), response(QStringLiteral("The releases"), listOf("releases", releaseSchema()))}}},
               [&service](RequestContext &context) {
                   const auto releases = service.releases(context.parameter(u"projectId"));
                   if (!releases)
                       return sendEngineError(context.responder, releases.error());
                   QJsonArray out;
                   for (const waypoint::Release &release : *releases)
                       out.append(releaseJson(release));
                   context.responder.sendJson(200, {{QStringLiteral("releases"), out}});
               });

    router.add({QByteArrayLiteral("GET"), kProject + QStringLiteral("/environments"), Access::Viewer,
                QStringLiteral("Each environment's policy, live version, address and health"), kTag, {},
                {{QStringLiteral("200"), response(QStringLiteral("The environments, in promotion order"),
                                                  listOf("environments", environmentSchema()))},
                 {QStringLiteral("404"), response(QStringLiteral("The project has no releases yet"))}}},
               [&service](RequestContext &context) {
                   const auto environments = service.environments(context.parameter(u"projectId"));
                   if (!environments)
                       return sendEngineError(context.responder, environments.error());
                   QJsonArray out;
                   for (const waypoint::EnvironmentState &environment : *environments)
                       out.append(environmentJson(environment));
                   context.responder.sendJson(200, {{QStringLiteral("environments"), out}});
               });

    router.add({QByteArrayLiteral("GET"), kProject + QStringLiteral("/history"), Access::Viewer,
                QStringLiteral("Deployments with their timed steps, newest first; query: environment"), kTag, {},
                {{QStringLiteral("200"), response(QStringLiteral("The deployments"), listOf("deployments", deploymentSchema()))}}},
               [&service](RequestContext &context) {
                   const auto history = service.history(context.parameter(u"projectId"),
                                                        QString::fromUtf8(context.request.queryValue("environment")));
                   if (!history)
                       return sendEngineError(context.responder, history.error());
                   QJsonArray out;
                   for (const Deployment &deployment : *history)
                       out.append(deploymentJson(deployment));
                   context.responder.sendJson(200, {{QStringLiteral("deployments"), out}});
               });

    router.add({QByteArrayLiteral("GET"), kProject + QStringLiteral("/deployments/{deploymentId}"), Access::Viewer,
                QStringLiteral("One deployment: status, approval, steps, addresses"), kTag, {},
                {{QStringLiteral("200"), response(QStringLiteral("The deployment"), deploymentSchema())},
                 {QStringLiteral("404"), response(QStringLiteral("No such deployment in the project"))}}},
               [&service](RequestContext &context) {
                   const QString id = context.parameter(u"deploymentId");
                   const auto deployment = service.deployment(id);
                   if (!deployment && deployment.error().code != ErrorCode::NotFound)
                       return sendEngineError(context.responder, deployment.error());
                   if (!deployment || deployment->projectId != context.parameter(u"projectId"))
                       return context.responder.sendError(404, QByteArrayLiteral("not_found"),
                                                          QStringLiteral("no deployment %1 in this project").arg(id));
                   context.responder.sendJson(200, deploymentJson(*deployment));
               });

    router.add({QByteArrayLiteral("GET"), kProject + QStringLiteral("/environments/{environment}/manifests"), Access::Viewer,
                QStringLiteral("The kubernetes target's Deployment, Service and Ingress for a release as YAML; "
                               "query: version (default: the latest)"),
                kTag, {},
                {{QStringLiteral("200"), response(QStringLiteral("A YAML stream of the three objects"),
                                                  {{QStringLiteral("type"), QStringLiteral("string")}})},
                 {QStringLiteral("404"), response(QStringLiteral("No such project, environment or release"))}},
                QByteArrayLiteral("application/yaml")},
               [&service](RequestContext &context) {
                   const auto yaml = service.kubernetesManifests(context.parameter(u"projectId"), context.parameter(u"environment"),
                                                                 QString::fromUtf8(context.request.queryValue("version")));
                   if (!yaml)
                       return sendEngineError(context.responder, yaml.error());
                   context.responder.send(200, QByteArrayLiteral("application/yaml"), *yaml);
               });
}

void addWrites(Router &router, WaypointService &service, const std::shared_ptr<DeploymentJobs> &jobs)
{
    router.add({QByteArrayLiteral("POST"), kProject + QStringLiteral("/environments/{environment}/deploy"), Access::Developer,
                QStringLiteral("Deploy a release (default: the latest) to the environment, or queue it for the "
                               "environment's approval; approve: true approves at once when the caller may"),
                kTag, deployBodySchema(true),
                writeResponses(QStringLiteral("Recorded: running, or awaiting_approval; GET deployments/{id} follows it"))},
               [&service, jobs](RequestContext &context) {
                   const auto body = optionalBody(context);
                   if (!body || refuseBadField(context, *body, QStringLiteral("version"), QJsonValue::String)
                       || refuseBadField(context, *body, QStringLiteral("approve"), QJsonValue::Bool))
                       return;
                   waypoint::DeployRequest request;
                   request.projectId = context.parameter(u"projectId");
                   request.environment = context.parameter(u"environment");
                   request.version = body->value(QStringLiteral("version")).toString();
                   request.approve = body->value(QStringLiteral("approve")).toBool();
                   startDeployment(jobs, service, context,
                                   [&service, request, actor = *context.identity](const Progress &progress) mutable {
                                       request.progress = progress;
                                       return service.deploy(request, actor);
                                   });
               });

    router.add({QByteArrayLiteral("POST"), kProject + QStringLiteral("/environments/{environment}/promote"), Access::Developer,
                QStringLiteral("Deploy what the environment promotes from runs now (staging <- dev, prod <- staging)"),
                kTag, deployBodySchema(false),
                writeResponses(QStringLiteral("Recorded: running, or awaiting_approval"))},
               [&service, jobs](RequestContext &context) {
                   const auto body = optionalBody(context);
                   if (!body || refuseBadField(context, *body, QStringLiteral("approve"), QJsonValue::Bool))
                       return;
                   waypoint::DeployRequest request;
                   request.projectId = context.parameter(u"projectId");
                   request.environment = context.parameter(u"environment");
                   request.approve = body->value(QStringLiteral("approve")).toBool();
                   startDeployment(jobs, service, context,
                                   [&service, request, actor = *context.identity](const Progress &progress) mutable {
                                       request.progress = progress;
                                       return service.promote(request, actor);
                                   });
               });

    router.add({QByteArrayLiteral("POST"), kProject + QStringLiteral("/deployments/{deploymentId}/approve"), Access::Developer,
                QStringLiteral("Approve a deployment awaiting approval and run it (prod: an admin)"), kTag, {},
                writeResponses(QStringLiteral("Approved and running"))},
               [&service, jobs](RequestContext &context) {
                   startDeployment(jobs, service, context,
                                   [&service, projectId = context.parameter(u"projectId"), id = context.parameter(u"deploymentId"),
                                    actor = *context.identity](const Progress &progress) -> Result<Deployment> {
                                       const auto waiting = service.deployment(id);
                                       if (waiting && waiting->projectId != projectId)
                                           return makeError(ErrorCode::NotFound, QStringLiteral("no deployment %1 in this project").arg(id));
                                       HELIOS_TRY(waiting);
                                       return service.approve(id, actor, progress);
                                   });
               });

    router.add({QByteArrayLiteral("POST"), kProject + QStringLiteral("/environments/{environment}/rollback"), Access::Developer,
                QStringLiteral("Put the environment back on its previous healthy release"), kTag, {},
                writeResponses(QStringLiteral("Rolled back (status rolled_back) or not (failed)"))},
               [&service, jobs](RequestContext &context) {
                   startDeployment(jobs, service, context,
                                   [&service, projectId = context.parameter(u"projectId"),
                                    environment = context.parameter(u"environment"),
                                    actor = *context.identity](const Progress &) {
                                       return service.rollback(projectId, environment, actor);
                                   });
               });
}

} // namespace

void addWaypointRoutes(Router &router, WaypointService &service)
{
    addReads(router, service);
    addWrites(router, service, std::make_shared<DeploymentJobs>());
}

} // namespace helios::server
