// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/scaffolder.h"

#include <QObject>
#include <QThreadPool>

namespace helios {
class Engine;
}

namespace helios::workbench {

// Runs one IGNITION scaffold at a time on a worker thread and reports back on the thread
// that owns this object. The Scaffolder cannot be interrupted (a half-run step would
// leave files behind that its own clean-up handles only on failure), so there is no
// cancel: the destructor waits for a running scaffold to end.
class ScaffoldJob : public QObject {
    Q_OBJECT
public:
    explicit ScaffoldJob(Engine &engine, QObject *parent = nullptr);
    ~ScaffoldJob() override;

    // Starts scaffolding; ignored while one runs.
    void start(const ignition::ScaffoldRequest &request);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // `finished` of `count` steps are done; `label` says which step runs or what failed.
    void progressed(int finished, int count, const QString &label);
    // The project was written and recorded in the Store; `dir` is canonical.
    void succeeded(const QString &dir);
    void failed(const QString &message);

private:
    void report(const ignition::StepProgress &progress);

    Engine &m_engine;
    QThreadPool m_pool;
    bool m_running = false;
};

} // namespace helios::workbench
