// SPDX-License-Identifier: Apache-2.0
#include "waypoint/deployment_history.h"

#include "core/ids.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace helios::waypoint {

namespace {

QString compact(const QJsonArray &array) { return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)); }
QString compact(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

QJsonArray stepsToJson(const QList<DeploymentStep> &steps)
{
    QJsonArray array;
    for (const DeploymentStep &step : steps)
        array.append(QJsonObject{{QStringLiteral("name"), step.name},
                                 {QStringLiteral("ok"), step.ok},
                                 {QStringLiteral("ms"), step.ms},
                                 {QStringLiteral("detail"), step.detail}});
    return array;
}

QList<DeploymentStep> stepsFromJson(const QString &text)
{
    QList<DeploymentStep> steps;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject step = value.toObject();
        steps.append({step.value(QStringLiteral("name")).toString(), step.value(QStringLiteral("ok")).toBool(),
                      step.value(QStringLiteral("ms")).toInteger(), step.value(QStringLiteral("detail")).toString()});
    }
    return steps;
}

const QString ReleaseColumns = QStringLiteral(
    "id, project_id, project_path, version, number, build_id, image, image_digest, image_root, git_commit, changelog, "
    "created_at");

Release releaseFromRow(const data::Rows &rows, int row)
{
    const auto text = [&](const char *column) { return rows.value(row, QString::fromLatin1(column)).toString(); };
    Release release;
    release.id = text("id");
    release.projectId = text("project_id");
    release.projectDir = text("project_path");
    release.version = text("version");
    release.number = rows.value(row, QStringLiteral("number")).toInt();
    release.buildId = text("build_id");
    release.image = text("image");
    release.imageDigest = text("image_digest");
    release.imageRoot = text("image_root");
    release.gitCommit = text("git_commit");
    for (const QJsonValue &entry : QJsonDocument::fromJson(text("changelog").toUtf8()).array())
        release.changelog << entry.toString();
    release.createdAt = text("created_at");
    return release;
}

const QString DeploymentColumns = QStringLiteral(
    "id, project_id, environment, release_id, version, kind, target, status, requested_by, approved_by, approved_at, "
    "created_at, finished_at, duration_ms, url, deployment_url, rolled_back_to, error, steps");

Deployment deploymentFromRow(const data::Rows &rows, int row)
{
    const auto text = [&](const char *column) { return rows.value(row, QString::fromLatin1(column)).toString(); };
    Deployment d;
    d.id = text("id");
    d.projectId = text("project_id");
    d.environment = text("environment");
    d.releaseId = text("release_id");
    d.version = text("version");
    d.kind = text("kind");
    d.target = text("target");
    d.status = deploymentStatusFromName(text("status"));
    d.requestedBy = text("requested_by");
    d.approvedBy = text("approved_by");
    d.approvedAt = text("approved_at");
    d.createdAt = text("created_at");
    d.finishedAt = text("finished_at");
    d.durationMs = rows.value(row, QStringLiteral("duration_ms")).toLongLong();
    d.url = text("url");
    d.deploymentUrl = text("deployment_url");
    d.rolledBackTo = text("rolled_back_to");
    d.error = text("error");
    d.steps = stepsFromJson(text("steps"));
    return d;
}

// Numbers are MAX + 1 inside the inserting transaction; two writers racing on another
// process (PostgreSQL) meet the UNIQUE (project_id, number) constraint, and the loser
// simply takes the next number.
template <typename Insert>
Result<void> insertNumbered(data::Store &store, const QString &table, const QString &projectId, Insert insert)
{
    constexpr int Attempts = 5;
    for (int attempt = 1;; ++attempt) {
        const auto inserted = store.transaction([&](data::SqlSession &session) -> Result<void> {
            const auto rows = session.query(
                QStringLiteral("SELECT COALESCE(MAX(number), 0) AS n FROM %1 WHERE project_id = $1").arg(table), {projectId});
            HELIOS_TRY(rows);
            return insert(session, rows->value(0, QStringLiteral("n")).toLongLong() + 1);
        });
        if (inserted.ok() || inserted.error().code != ErrorCode::AlreadyExists || attempt == Attempts)
            return inserted;
    }
}

} // namespace

DeploymentHistory::DeploymentHistory(data::Store &store) : m_store(store) {}

Result<Release> DeploymentHistory::addRelease(Release release)
{
    const auto existing = m_store.query(QStringLiteral("SELECT id FROM releases WHERE project_id = $1 AND version = $2"),
                                        {release.projectId, release.version});
    HELIOS_TRY(existing);
    if (!existing->isEmpty())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("release %1 of project %2 exists already")
                                                       .arg(release.version, release.projectId));
    if (release.id.isEmpty())
        release.id = newId();
    if (release.createdAt.isEmpty())
        release.createdAt = nowUtc();
    HELIOS_TRY(insertNumbered(m_store, QStringLiteral("releases"), release.projectId,
                              [&](data::SqlSession &session, qint64 number) -> Result<void> {
                                  release.number = static_cast<int>(number);
                                  HELIOS_TRY(session.exec(
                                      QStringLiteral("INSERT INTO releases (%1) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                                                     "$9, $10, $11, $12)")
                                          .arg(ReleaseColumns),
                                      {release.id, release.projectId, release.projectDir, release.version, number,
                                       release.buildId, release.image, release.imageDigest, release.imageRoot,
                                       release.gitCommit, compact(QJsonArray::fromStringList(release.changelog)),
                                       release.createdAt}));
                                  return {};
                              }));
    return release;
}

Result<QList<Release>> DeploymentHistory::releases(const QString &projectId, int limit)
{
    const auto rows = m_store.query(
        QStringLiteral("SELECT %1 FROM releases WHERE project_id = $1 ORDER BY number DESC LIMIT $2").arg(ReleaseColumns),
        {projectId, qBound(1, limit, 1000)});
    HELIOS_TRY(rows);
    QList<Release> list;
    for (int row = 0; row < rows->rows.size(); ++row)
        list.append(releaseFromRow(*rows, row));
    return list;
}

Result<std::optional<Release>> DeploymentHistory::latestRelease(const QString &projectId)
{
    const auto list = releases(projectId, 1);
    HELIOS_TRY(list);
    if (list->isEmpty())
        return std::optional<Release>();
    return std::optional<Release>(list->constFirst());
}

Result<Release> DeploymentHistory::release(const QString &projectId, const QString &version)
{
    const auto rows = m_store.query(
        QStringLiteral("SELECT %1 FROM releases WHERE project_id = $1 AND version = $2").arg(ReleaseColumns),
        {projectId, version});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no release %2").arg(projectId, version));
    return releaseFromRow(*rows, 0);
}

Result<Release> DeploymentHistory::releaseById(const QString &releaseId)
{
    const auto rows = m_store.query(QStringLiteral("SELECT %1 FROM releases WHERE id = $1").arg(ReleaseColumns), {releaseId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no release %1").arg(releaseId));
    return releaseFromRow(*rows, 0);
}

Result<std::optional<Release>> DeploymentHistory::releaseOfBuild(const QString &buildId)
{
    const auto rows = m_store.query(QStringLiteral("SELECT %1 FROM releases WHERE build_id = $1").arg(ReleaseColumns),
                                    {buildId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return std::optional<Release>();
    return std::optional<Release>(releaseFromRow(*rows, 0));
}

Result<void> DeploymentHistory::savePolicy(const QString &projectId, const DeployPolicy &policy)
{
    const QString now = nowUtc();
    return m_store.transaction([&](data::SqlSession &session) -> Result<void> {
        HELIOS_TRY(session.exec(QStringLiteral("DELETE FROM deploy_policies WHERE project_id = $1"), {projectId}));
        HELIOS_TRY(session.exec(QStringLiteral("INSERT INTO deploy_policies (project_id, policy, updated_at)"
                                               " VALUES ($1, $2, $3)"),
                                {projectId, compact(policy.toJson()), now}));
        for (const EnvironmentPolicy &env : policy.environments) {
            const auto known = session.query(
                QStringLiteral("SELECT 1 FROM environments WHERE project_id = $1 AND name = $2"), {projectId, env.name});
            HELIOS_TRY(known);
            if (known->isEmpty())
                HELIOS_TRY(session.exec(QStringLiteral("INSERT INTO environments (project_id, name, updated_at)"
                                                       " VALUES ($1, $2, $3)"),
                                        {projectId, env.name, now}));
        }
        return {};
    });
}

Result<DeployPolicy> DeploymentHistory::policy(const QString &projectId)
{
    const auto rows = m_store.query(QStringLiteral("SELECT policy FROM deploy_policies WHERE project_id = $1"), {projectId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no releases yet, so no deploy policy").arg(projectId));
    const QJsonDocument json = QJsonDocument::fromJson(rows->value(0, QStringLiteral("policy")).toString().toUtf8());
    if (!json.isObject())
        return makeError(ErrorCode::Corrupt, QStringLiteral("the stored deploy policy of project %1 is not JSON").arg(projectId));
    return DeployPolicy::fromJson(json.object());
}

Result<QList<EnvironmentState>> DeploymentHistory::environments(const QString &projectId)
{
    const auto stored = policy(projectId);
    HELIOS_TRY(stored);
    const auto rows = m_store.query(QStringLiteral("SELECT name, current_deployment_id, current_release_id, current_version,"
                                                   " url, health, updated_at FROM environments WHERE project_id = $1"),
                                    {projectId});
    HELIOS_TRY(rows);
    QList<EnvironmentState> list;
    for (const EnvironmentPolicy &env : stored->environments) {
        EnvironmentState state;
        state.projectId = projectId;
        state.name = env.name;
        state.policy = env;
        state.health = QStringLiteral("none");
        for (int row = 0; row < rows->rows.size(); ++row) {
            if (rows->value(row, QStringLiteral("name")).toString() != env.name)
                continue;
            state.currentDeploymentId = rows->value(row, QStringLiteral("current_deployment_id")).toString();
            state.currentReleaseId = rows->value(row, QStringLiteral("current_release_id")).toString();
            state.currentVersion = rows->value(row, QStringLiteral("current_version")).toString();
            state.url = rows->value(row, QStringLiteral("url")).toString();
            state.health = rows->value(row, QStringLiteral("health")).toString();
            state.updatedAt = rows->value(row, QStringLiteral("updated_at")).toString();
        }
        list.append(state);
    }
    return list;
}

Result<EnvironmentState> DeploymentHistory::environment(const QString &projectId, const QString &name)
{
    const auto all = environments(projectId);
    HELIOS_TRY(all);
    for (const EnvironmentState &state : *all)
        if (state.name == name)
            return state;
    QStringList names;
    for (const EnvironmentState &state : *all)
        names << state.name;
    return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no environment \"%2\" (it has: %3)")
                                              .arg(projectId, name, names.join(QStringLiteral(", "))));
}

Result<void> DeploymentHistory::setLive(const QString &projectId, const QString &name, const Deployment &deployment)
{
    const auto changed = m_store.exec(
        QStringLiteral("UPDATE environments SET current_deployment_id = $3, current_release_id = $4, current_version = $5,"
                       " url = $6, health = 'healthy', updated_at = $7 WHERE project_id = $1 AND name = $2"),
        {projectId, name, deployment.id, deployment.releaseId, deployment.version, deployment.url, nowUtc()});
    HELIOS_TRY(changed);
    if (*changed != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no environment \"%2\"").arg(projectId, name));
    return {};
}

Result<void> DeploymentHistory::setHealth(const QString &projectId, const QString &name, const QString &health)
{
    const auto changed = m_store.exec(
        QStringLiteral("UPDATE environments SET health = $3, updated_at = $4 WHERE project_id = $1 AND name = $2"),
        {projectId, name, health, nowUtc()});
    HELIOS_TRY(changed);
    if (*changed != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 has no environment \"%2\"").arg(projectId, name));
    return {};
}

Result<void> DeploymentHistory::addDeployment(const Deployment &d)
{
    return insertNumbered(m_store, QStringLiteral("deployments"), d.projectId,
                          [&](data::SqlSession &session, qint64 number) -> Result<void> {
                              HELIOS_TRY(session.exec(
                                  QStringLiteral("INSERT INTO deployments (number, %1) VALUES ($1, $2, $3, $4, $5, $6, "
                                                 "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)")
                                      .arg(DeploymentColumns),
                                  {number, d.id, d.projectId, d.environment, d.releaseId, d.version, d.kind, d.target,
                                   deploymentStatusName(d.status), d.requestedBy, d.approvedBy, d.approvedAt,
                                   d.createdAt.isEmpty() ? nowUtc() : d.createdAt, d.finishedAt, d.durationMs, d.url,
                                   d.deploymentUrl, d.rolledBackTo, d.error, compact(stepsToJson(d.steps))}));
                              return {};
                          });
}

Result<void> DeploymentHistory::updateDeployment(const Deployment &d)
{
    const auto changed = m_store.exec(
        QStringLiteral("UPDATE deployments SET status = $2, approved_by = $3, approved_at = $4, finished_at = $5,"
                       " duration_ms = $6, url = $7, deployment_url = $8, rolled_back_to = $9, error = $10, steps = $11"
                       " WHERE id = $1"),
        {d.id, deploymentStatusName(d.status), d.approvedBy, d.approvedAt, d.finishedAt, d.durationMs, d.url,
         d.deploymentUrl, d.rolledBackTo, d.error, compact(stepsToJson(d.steps))});
    HELIOS_TRY(changed);
    if (*changed != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("no deployment %1").arg(d.id));
    return {};
}

Result<Deployment> DeploymentHistory::deployment(const QString &deploymentId)
{
    const auto rows = m_store.query(QStringLiteral("SELECT %1 FROM deployments WHERE id = $1").arg(DeploymentColumns),
                                    {deploymentId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no deployment %1").arg(deploymentId));
    return deploymentFromRow(*rows, 0);
}

Result<QList<Deployment>> DeploymentHistory::deployments(const QString &projectId, const QString &environment, int limit)
{
    const QString where = environment.isEmpty() ? QStringLiteral("$2 = ''") : QStringLiteral("environment = $2");
    const auto rows = m_store.query(
        QStringLiteral("SELECT %1 FROM deployments WHERE project_id = $1 AND %2 ORDER BY number DESC LIMIT $3")
            .arg(DeploymentColumns, where),
        {projectId, environment, qBound(1, limit, 1000)});
    HELIOS_TRY(rows);
    QList<Deployment> list;
    for (int row = 0; row < rows->rows.size(); ++row)
        list.append(deploymentFromRow(*rows, row));
    return list;
}

Result<std::optional<Deployment>> DeploymentHistory::lastHealthy(const QString &projectId, const QString &environment,
                                                                  const QString &excludingId)
{
    const auto rows = m_store.query(
        QStringLiteral("SELECT %1 FROM deployments WHERE project_id = $1 AND environment = $2 AND status = 'succeeded'"
                       " AND id <> $3 ORDER BY number DESC LIMIT 1")
            .arg(DeploymentColumns),
        {projectId, environment, excludingId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return std::optional<Deployment>();
    return std::optional<Deployment>(deploymentFromRow(*rows, 0));
}

} // namespace helios::waypoint
