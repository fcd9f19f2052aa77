// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>

namespace helios {
class Engine;
}

namespace helios::mcp {

// What a tool works with: the engine, the one project, the limits, and the lock that
// keeps two writes or builds of the project from interleaving.
struct ToolContext {
    Engine &engine;
    QString projectDir;        // canonical
    qsizetype maxFileBytes = 0;
    qsizetype maxTotalBytes = 0;
    QMutex &projectLock;
};

// A tools/call result: `text` becomes the single text content block, `structured` the
// structuredContent (left out when empty); isError marks a tool execution error, which
// the model sees and can correct (as opposed to a JSON-RPC protocol error).
struct ToolResult {
    QString text;
    QJsonObject structured;
    bool isError = false;
};

inline ToolResult toolError(const QString &text, const QJsonObject &structured = {})
{
    return ToolResult{text, structured, true};
}

// One tool as tools/list describes it, and the function that runs it. `run` gets arguments
// that already passed inputSchema.
struct McpTool {
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema;
    bool readOnly = true;
    bool destructive = false;
    bool idempotent = true;
    bool needsDeveloper = false;   // writes the project, runs a build or a generation
    std::function<ToolResult(ToolContext &, const QJsonObject &)> run;

    // The tools/list entry: name, title, description, inputSchema, outputSchema, annotations.
    QJsonObject definition() const;
};

// {"type":"object","properties":…,"required":…,"additionalProperties":false}
QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required = {});
// A schema with one type and a description.
QJsonObject typed(const QString &type, const QString &description);

} // namespace helios::mcp
