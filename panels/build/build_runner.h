// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_report.h"
#include "ignis/production_build.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <thread>

namespace helios {
class Engine;
}

namespace helios::panels {

// Runs one ProductionBuild at a time on a thread of its own and reports on the thread
// that owns the runner: progressed() for each step, then finished() once. The engine
// must outlive the runner.
class BuildRunner : public QObject {
    Q_OBJECT
public:
    explicit BuildRunner(Engine &engine, QObject *parent = nullptr);
    // Cancels a build still running and waits for it to stop; finished() is not emitted.
    ~BuildRunner() override;

    bool isRunning() const { return m_running; }
    // The directory of the build running or last run.
    QString projectDir() const { return m_projectDir; }

    // Returns false, starting nothing, while a build is running.
    bool start(const QString &projectDir, bool useCache);
    // Asks the running build to stop at its next check; it then finishes as failed.
    void cancel();

Q_SIGNALS:
    void progressed(const helios::ignis::BuildProgress &progress);
    // `codeFrames` holds, for each of the report's messages, its code frame (may be empty),
    // read on the build's thread so the UI thread reads no files.
    void finished(const helios::ignis::BuildReport &report, const QStringList &codeFrames);

private:
    void deliver(const ignis::BuildReport &report, const QStringList &codeFrames);

    Engine &m_engine;
    std::thread m_thread;
    std::atomic_bool m_cancelled{false};
    bool m_running = false;
    QString m_projectDir;
};

} // namespace helios::panels
