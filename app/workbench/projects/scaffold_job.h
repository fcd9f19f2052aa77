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
// that owns this object. cancel() stops it between steps or in a running npm or command
// (what it made is removed, and failed() follows); the destructor cancels and waits.
class ScaffoldJob : public QObject {
    Q_OBJECT
public:
    explicit ScaffoldJob(Engine &engine, QObject *parent = nullptr);
    ~ScaffoldJob() override;

    // Starts scaffolding; ignored while one runs.
    void start(const ignition::ScaffoldRequest &request);
    // Asks the running scaffold to stop; failed() says when it has.
    void cancel() { m_cancelled = true; }
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
    std::atomic_bool m_cancelled{false};
    bool m_running = false;
};

} // namespace helios::workbench
