// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_history.h"

#include "core/ids.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace helios::ignis {

namespace {

QString compact(const QJsonArray &array) { return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)); }

QJsonArray parseArray(const QVariant &text) { return QJsonDocument::fromJson(text.toString().toUtf8()).array(); }

const QString Columns = QStringLiteral(
    "id, project_id, project_path, status, cache, input_hash, started_at, duration_ms, phases, outputs, errors, "
    "image, image_digest");

BuildReport reportFromRow(const data::Rows &rows, int row)
{
    BuildReport report;
    report.id = rows.value(row, QStringLiteral("id")).toString();
    report.projectId = rows.value(row, QStringLiteral("project_id")).toString();
    report.projectDir = rows.value(row, QStringLiteral("project_path")).toString();
    report.status = BuildReport::statusFromName(rows.value(row, QStringLiteral("status")).toString());
    report.cache = rows.value(row, QStringLiteral("cache")).toString();
    report.inputDigest = rows.value(row, QStringLiteral("input_hash")).toString();
    report.startedAt = rows.value(row, QStringLiteral("started_at")).toString();
    report.durationMs = rows.value(row, QStringLiteral("duration_ms")).toLongLong();
    report.phases = phasesFromJson(parseArray(rows.value(row, QStringLiteral("phases"))));
    report.outputs = outputsFromJson(parseArray(rows.value(row, QStringLiteral("outputs"))));
    report.messages = messagesFromJson(parseArray(rows.value(row, QStringLiteral("errors"))));
    report.image = rows.value(row, QStringLiteral("image")).toString();
    report.imageDigest = rows.value(row, QStringLiteral("image_digest")).toString();
    return report;
}

} // namespace

BuildHistory::BuildHistory(data::Store &store) : m_store(store) {}

QString BuildHistory::projectIdFor(const QString &projectDir)
{
    const auto rows = m_store.query(QStringLiteral("SELECT id FROM projects WHERE path = $1"), {projectDir});
    if (rows.ok() && !rows->isEmpty())
        return rows->value(0, QStringLiteral("id")).toString();
    return QStringLiteral("path-") + sha256Digest(projectDir.toUtf8()).mid(7, 24);
}

Result<void> BuildHistory::recordStarted(const BuildReport &report)
{
    HELIOS_TRY(m_store.exec(QStringLiteral("INSERT INTO builds (id, project_id, project_path, status, started_at)"
                                           " VALUES ($1, $2, $3, 'running', $4)"),
                            {report.id, report.projectId, report.projectDir, report.startedAt}));
    return {};
}

Result<void> BuildHistory::recordFinished(const BuildReport &report)
{
    const auto changed = m_store.exec(
        QStringLiteral("UPDATE builds SET status = $2, cache = $3, input_hash = $4, finished_at = $5, duration_ms = $6,"
                       " output_bytes = $7, phases = $8, outputs = $9, errors = $10, image = $11, image_digest = $12"
                       " WHERE id = $1"),
        {report.id, BuildReport::statusName(report.status), report.cache, report.inputDigest, nowUtc(), report.durationMs,
         report.outputBytes(), compact(phasesToJson(report.phases)), compact(outputsToJson(report.outputs)),
         compact(messagesToJson(report.messages)), report.image, report.imageDigest});
    HELIOS_TRY(changed);
    if (*changed != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("no running build %1 in the history").arg(report.id));
    return {};
}

Result<QList<BuildReport>> BuildHistory::recent(const QString &projectId, int limit)
{
    const QString where = projectId.isEmpty() ? QStringLiteral("$1 = ''") : QStringLiteral("project_id = $1");
    const auto rows = m_store.query(QStringLiteral("SELECT %1 FROM builds WHERE %2 ORDER BY started_at DESC, id LIMIT $2")
                                        .arg(Columns, where),
                                    {projectId, qBound(1, limit, 1000)});
    HELIOS_TRY(rows);
    QList<BuildReport> reports;
    for (int row = 0; row < rows->rows.size(); ++row)
        reports.append(reportFromRow(*rows, row));
    return reports;
}

Result<BuildReport> BuildHistory::find(const QString &buildId)
{
    const auto rows = m_store.query(QStringLiteral("SELECT %1 FROM builds WHERE id = $1").arg(Columns), {buildId});
    HELIOS_TRY(rows);
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no build %1").arg(buildId));
    return reportFromRow(*rows, 0);
}

Result<BuildStatistics> BuildHistory::statistics(const QString &projectId)
{
    const auto rows = m_store.query(
        QStringLiteral("SELECT COUNT(*) AS builds,"
                       " COALESCE(SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END), 0) AS succeeded,"
                       " COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,"
                       " COALESCE(SUM(CASE WHEN cache = 'hit' AND status = 'succeeded' THEN 1 ELSE 0 END), 0) AS hits,"
                       " COALESCE(AVG(CASE WHEN status = 'succeeded' THEN duration_ms END), 0) AS mean_ms"
                       " FROM builds WHERE project_id = $1"),
        {projectId}, data::ReadFrom::Analytics);
    HELIOS_TRY(rows);
    BuildStatistics statistics;
    if (!rows->isEmpty()) {
        statistics.builds = rows->value(0, QStringLiteral("builds")).toLongLong();
        statistics.succeeded = rows->value(0, QStringLiteral("succeeded")).toLongLong();
        statistics.failed = rows->value(0, QStringLiteral("failed")).toLongLong();
        statistics.cacheHits = rows->value(0, QStringLiteral("hits")).toLongLong();
        statistics.meanDurationMs = rows->value(0, QStringLiteral("mean_ms")).toDouble();
    }
    const auto last = m_store.query(QStringLiteral("SELECT output_bytes FROM builds WHERE project_id = $1 AND status = "
                                                   "'succeeded' ORDER BY started_at DESC LIMIT 1"),
                                    {projectId}, data::ReadFrom::Analytics);
    HELIOS_TRY(last);
    if (!last->isEmpty())
        statistics.lastOutputBytes = last->value(0, QStringLiteral("output_bytes")).toLongLong();
    return statistics;
}

} // namespace helios::ignis
