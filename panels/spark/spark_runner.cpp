// SPDX-License-Identifier: Apache-2.0
#include "spark_runner.h"

#include "engine.h"

namespace helios::panels {

SparkRunner::SparkRunner(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_context(new QObject) {
    m_thread.setObjectName(QStringLiteral("spark"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

SparkRunner::~SparkRunner() {
    // Cancel first so a generation returns at its next check, then stop the thread's
    // loop; work still queued is dropped with the context. Results already queued to
    // this object are dropped by Qt when it is destroyed.
    m_cancelled = true;
    m_thread.quit();
    m_thread.wait();
    delete m_context;
    m_pipeline.reset();
}

template <typename Work>
void SparkRunner::post(Work &&work) {
    QMetaObject::invokeMethod(
        m_context,
        [this, work = std::forward<Work>(work)]() mutable {
            if (!m_pipeline)
                m_pipeline = std::make_unique<spark::SparkPipeline>(m_engine);
            work(*m_pipeline);
        },
        Qt::QueuedConnection);
}

std::function<void(const spark::GenerationProgress &)> SparkRunner::progressSink() {
    // Called on the worker thread: only queue the step to this object.
    return [this](const spark::GenerationProgress &progress) {
        QMetaObject::invokeMethod(
            this, [this, progress] { Q_EMIT progressed(progress); }, Qt::QueuedConnection);
    };
}

bool SparkRunner::generate(const QString &prompt, const QString &projectDir,
                           std::optional<spark::ExpertFamily> expert) {
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    spark::GenerateOptions options;
    options.prompt = prompt;
    options.projectDir = projectDir;
    options.expert = expert;
    options.progress = progressSink();
    options.cancelled = &m_cancelled;
    post([this, options = std::move(options)](spark::SparkPipeline &pipeline) {
        Result<spark::Generation> result = pipeline.generate(options);
        const bool cancelled = m_cancelled.load();
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), cancelled] {
                finish();
                if (result.ok())
                    Q_EMIT generated(*result);
                else
                    Q_EMIT generationFailed(result.error().toString(), cancelled);
            },
            Qt::QueuedConnection);
    });
    return true;
}

bool SparkRunner::accept(const spark::Generation &generation, const QString &projectDir) {
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    post([this, generation, projectDir, sink = progressSink()](spark::SparkPipeline &pipeline) {
        Result<spark::AcceptOutcome> result = pipeline.accept(generation, projectDir, true, sink);
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), projectDir] {
                finish();
                if (result.ok())
                    Q_EMIT accepted(*result, projectDir);
                else
                    Q_EMIT acceptFailed(result.error().toString());
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SparkRunner::cancel() {
    if (m_running)
        m_cancelled = true;
}

void SparkRunner::finish() {
    m_running = false;
}

} // namespace helios::panels
