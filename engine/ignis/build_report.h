// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace helios::ignis {

// One file a build wrote, relative to the output directory.
struct BuildOutput {
    QString path;     // "assets/main-5XHJ2KQO.js"
    qint64 size = 0;
    QString digest;   // "sha256:..."
    QString entry;    // the entry that made it; "tokens", "html" or "manifest" for the others
};

// One timed step. `cache` says where its result came from: "hit", "miss", or empty for
// steps that are not cached.
struct BuildPhase {
    QString name;     // "config", "hash", "tokens", "bundle:app", "html", "write", "cache", "image"
    qint64 ms = 0;
    QString cache;
};

// What a build did: kept in the Store's history, printed by `helios build --json`, shown
// by the Build panel.
struct BuildReport {
    enum class Status { Running, Succeeded, Failed };
    QString id;
    QString projectId;
    QString projectDir;
    QString outDir;
    Status status = Status::Running;
    // "hit": nothing rebuilt; "partial": some steps came from the cache; "miss": all
    // rebuilt; "off": the cache was not used.
    QString cache = QStringLiteral("miss");
    QString inputDigest;
    QString startedAt;
    qint64 durationMs = 0;
    QList<BuildPhase> phases;
    QList<BuildOutput> outputs;
    BuildMessages messages;
    QString image;        // "helios/acme-ui:1.2.0" when published
    QString imageDigest;

    bool succeeded() const { return status == Status::Succeeded; }
    qint64 outputBytes() const;
    const BuildPhase *phase(const QString &name) const;
    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
    QJsonObject toJson() const;
};

QJsonArray phasesToJson(const QList<BuildPhase> &phases);
QList<BuildPhase> phasesFromJson(const QJsonArray &array);
QJsonArray outputsToJson(const QList<BuildOutput> &outputs);
QList<BuildOutput> outputsFromJson(const QJsonArray &array);

} // namespace helios::ignis
