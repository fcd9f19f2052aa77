// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace helios {
class Engine;
}

namespace helios::mcp {

// One IGNIS production build of the project, summed up for a tool result.
struct ProjectBuildSummary {
    bool succeeded = false;
    QJsonObject json;    // succeeded, durationMs, cache, outputs, outDir, [error {file,line,column,message}]
    QString text;        // one line
};

// Blocking; the caller holds the project lock.
ProjectBuildSummary buildProject(Engine &engine, const QString &projectDir, bool useCache);

// The outputSchema fragment that describes ProjectBuildSummary::json.
QJsonObject buildSummarySchema();

} // namespace helios::mcp
