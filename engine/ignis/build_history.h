// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_report.h"

#include <QList>
#include <QString>

namespace helios::data {
class Store;
}

namespace helios::ignis {

// Figures over a project's builds, for the Build panel's chart and `helios build --history`.
struct BuildStatistics {
    qint64 builds = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 cacheHits = 0;        // builds that rebuilt nothing
    double meanDurationMs = 0;   // of succeeded builds
    qint64 lastOutputBytes = 0;  // of the newest succeeded build
};

// Build history in the Store: one row per build, written when it starts (status
// "running") and updated when it ends. Statistics are analytics reads: they go to
// DATABASE_REPLICA_URL when one is configured.
class BuildHistory {
public:
    explicit BuildHistory(data::Store &store);

    // The id of the project at `projectDir` (canonical): the one `helios new` recorded,
    // or, for a project made some other way, a stable id derived from the path.
    QString projectIdFor(const QString &projectDir);

    Result<void> recordStarted(const BuildReport &report);
    Result<void> recordFinished(const BuildReport &report);

    // Newest first; `projectId` empty means every project.
    Result<QList<BuildReport>> recent(const QString &projectId, int limit = 50);
    Result<BuildReport> find(const QString &buildId);
    Result<BuildStatistics> statistics(const QString &projectId);

private:
    data::Store &m_store;
};

} // namespace helios::ignis
