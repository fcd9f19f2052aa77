// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/expert_family.h"
#include "spark/spark_pipeline.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace helios {
class Engine;
}

namespace helios::panels {

// Runs SPARK generations and accepts, one at a time, on a thread of its own that owns the
// SparkPipeline, and reports on the thread that owns the runner: progressed() for each
// step, then exactly one of generated(), generationFailed(), accepted() or acceptFailed().
// The engine must outlive the runner.
class SparkRunner : public QObject {
    Q_OBJECT
public:
    explicit SparkRunner(Engine &engine, QObject *parent = nullptr);
    // Cancels a running generation and waits for the thread to stop; nothing is
    // reported after that.
    ~SparkRunner() override;

    bool isRunning() const { return m_running; }

    // Both return false, starting nothing, while something is running.
    bool generate(const QString &prompt, const QString &projectDir, std::optional<spark::ExpertFamily> expert);
    bool accept(const spark::Generation &generation, const QString &projectDir);
    // Asks a running generation to stop at its next check; generationFailed() follows
    // with `cancelled` set. An accept is short and runs to its end.
    void cancel();

Q_SIGNALS:
    void progressed(const helios::spark::GenerationProgress &progress);
    void generated(const helios::spark::Generation &generation);
    void generationFailed(const QString &message, bool cancelled);
    void accepted(const helios::spark::AcceptOutcome &outcome, const QString &projectDir);
    void acceptFailed(const QString &message);

private:
    // Runs `work` on the worker thread; the pipeline exists by then.
    template <typename Work>
    void post(Work &&work);
    void finish();
    std::function<void(const spark::GenerationProgress &)> progressSink();

    Engine &m_engine;
    QThread m_thread;
    // Lives on m_thread: the context the work is queued to.
    QObject *m_context = nullptr;
    // Created and used only on m_thread (destroyed after it has stopped): building the
    // router may take a while and must not happen on the UI thread.
    std::unique_ptr<spark::SparkPipeline> m_pipeline;
    std::atomic_bool m_cancelled{false};
    bool m_running = false;
};

} // namespace helios::panels
