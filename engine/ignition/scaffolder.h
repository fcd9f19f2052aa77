// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignition/template_renderer.h"

#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>

namespace helios {
class Engine;
namespace data {
class Bus;
class Store;
} // namespace data
} // namespace helios

namespace helios::ignition {

struct ScaffoldRequest {
    QString templateReference;   // built-in name, template directory or git URL
    QString targetDir;           // created if missing; refused if it exists and is not empty
    QMap<QString, QString> parameters;
    bool install = true;         // false skips npm-install steps (--no-install)
};

struct PlannedStep {
    QString type;                // "render", "git-init-commit", "npm-install", "command"
    QString description;         // what it will do, rendered
    bool skipped = false;
};

// What a scaffold writes and runs; all a dry run computes.
struct ScaffoldPlan {
    QString templateName;
    QString templateOrigin;      // TemplateSource::origin()
    QString projectName;
    QString targetDir;           // absolute
    QMap<QString, QString> parameters;  // given values with defaults filled in
    QList<RenderedFile> files;   // paths relative to targetDir
    QList<PlannedStep> steps;
};

struct ScaffoldResult {
    ScaffoldPlan plan;
    QString projectId;
    QString createdAt;           // RFC 3339 UTC
    QString commitId;            // empty when the template has no git-init-commit step
    QString eventProblem;        // non-empty if project.created could not be published
};

struct StepProgress {
    enum class State { Started, Finished, Skipped, Failed };
    int index = 0;               // 0-based, in plan order
    int count = 0;
    QString type;
    QString description;
    State state = State::Started;
    QString detail;              // the error of a failed step, npm's output tail…
};
using ProgressCallback = std::function<void(const StepProgress &)>;

// Creates projects from templates: validates the parameters, renders the files, runs
// the template's steps in order and records the project. Holds no state between calls
// and touches no GUI, so a worker thread may run it; the callback runs on that thread.
class Scaffolder {
public:
    explicit Scaffolder(Engine &engine);
    Scaffolder(data::Store &store, data::Bus &bus);

    // The dry run: opens the template, checks the parameters and the target, renders
    // every file in memory. Writes nothing and records nothing (a git template is still
    // cloned into a temporary directory, removed before returning).
    static Result<ScaffoldPlan> plan(const ScaffoldRequest &request);

    // plan(), then every step. The first failing step aborts the run and removes what
    // it created: the target directory itself if it did not exist (and any parents made
    // for it), else its contents. Then a row in `projects` and `project.created`
    // {id, name, path, template}; a failed insert also undoes the files, a failed
    // publish is only reported in eventProblem.
    // `cancelled` turning true stops the run between steps, and a running npm or
    // command with everything it started; what was made is removed as on a failure
    // (Conflict, "the scaffold was cancelled ...").
    Result<ScaffoldResult> create(const ScaffoldRequest &request, const ProgressCallback &progress = {},
                                  const std::atomic_bool *cancelled = nullptr);

private:
    data::Store &m_store;
    data::Bus &m_bus;
};

} // namespace helios::ignition
