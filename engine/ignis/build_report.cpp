// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_report.h"

#include <QJsonArray>

namespace helios::ignis {

qint64 BuildReport::outputBytes() const
{
    qint64 total = 0;
    for (const BuildOutput &output : outputs)
        total += output.size;
    return total;
}

const BuildPhase *BuildReport::phase(const QString &name) const
{
    for (const BuildPhase &phase : phases)
        if (phase.name == name)
            return &phase;
    return nullptr;
}

QString BuildReport::statusName(Status status)
{
    switch (status) {
    case Status::Running: return QStringLiteral("running");
    case Status::Succeeded: return QStringLiteral("succeeded");
    case Status::Failed: return QStringLiteral("failed");
    }
    return {};
}

BuildReport::Status BuildReport::statusFromName(const QString &name)
{
    if (name == QLatin1String("succeeded"))
        return Status::Succeeded;
    if (name == QLatin1String("failed"))
        return Status::Failed;
    return Status::Running;
}

QJsonObject BuildReport::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("projectId"), projectId},
                       {QStringLiteral("projectDir"), projectDir},
                       {QStringLiteral("outDir"), outDir},
                       {QStringLiteral("status"), statusName(status)},
                       {QStringLiteral("cache"), cache},
                       {QStringLiteral("inputDigest"), inputDigest},
                       {QStringLiteral("startedAt"), startedAt},
                       {QStringLiteral("durationMs"), durationMs},
                       {QStringLiteral("outputBytes"), outputBytes()},
                       {QStringLiteral("phases"), phasesToJson(phases)},
                       {QStringLiteral("outputs"), outputsToJson(outputs)},
                       {QStringLiteral("messages"), messagesToJson(messages)}};
    if (!image.isEmpty()) {
        object.insert(QStringLiteral("image"), image);
        object.insert(QStringLiteral("imageDigest"), imageDigest);
    }
    return object;
}

QJsonArray phasesToJson(const QList<BuildPhase> &phases)
{
    QJsonArray array;
    for (const BuildPhase &phase : phases) {
        QJsonObject object{{QStringLiteral("name"), phase.name}, {QStringLiteral("ms"), phase.ms}};
        if (!phase.cache.isEmpty())
            object.insert(QStringLiteral("cache"), phase.cache);
        array.append(object);
    }
    return array;
}

QList<BuildPhase> phasesFromJson(const QJsonArray &array)
{
    QList<BuildPhase> phases;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        phases.append({object.value(QStringLiteral("name")).toString(),
                       object.value(QStringLiteral("ms")).toInteger(),
                       object.value(QStringLiteral("cache")).toString()});
    }
    return phases;
}

QJsonArray outputsToJson(const QList<BuildOutput> &outputs)
{
    QJsonArray array;
    for (const BuildOutput &output : outputs)
        array.append(QJsonObject{{QStringLiteral("path"), output.path},
                                 {QStringLiteral("size"), output.size},
                                 {QStringLiteral("digest"), output.digest},
                                 {QStringLiteral("entry"), output.entry}});
    return array;
}

QList<BuildOutput> outputsFromJson(const QJsonArray &array)
{
    QList<BuildOutput> outputs;
    outputs.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        outputs.append({object.value(QStringLiteral("path")).toString(), object.value(QStringLiteral("size")).toInteger(),
                        object.value(QStringLiteral("digest")).toString(), object.value(QStringLiteral("entry")).toString()});
    }
    return outputs;
}

} // namespace helios::ignis
