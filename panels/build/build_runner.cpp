// SPDX-License-Identifier: Apache-2.0
#include "build_runner.h"

#include "engine.h"

namespace helios::panels {

BuildRunner::BuildRunner(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine) {}

BuildRunner::~BuildRunner() {
    m_cancelled = true;
    // The build's last act is to queue deliver() to this object; Qt drops it with us.
    if (m_thread.joinable())
        m_thread.join();
}

bool BuildRunner::start(const QString &projectDir, bool useCache) {
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join(); // ended already: its report was delivered
    m_running = true;
    m_cancelled = false;
    m_projectDir = projectDir;

    ignis::BuildOptions options;
    options.projectDir = projectDir;
    options.useCache = useCache;
    options.cancelled = &m_cancelled;
    options.progress = [this](const ignis::BuildProgress &progress) {
        QMetaObject::invokeMethod(
            this, [this, progress] { Q_EMIT progressed(progress); }, Qt::QueuedConnection);
    };
    m_thread = std::thread([this, options = std::move(options)]() mutable {
        const QString dir = options.projectDir;
        ignis::BuildReport report = ignis::ProductionBuild(m_engine, std::move(options)).run();
        QStringList frames;
        for (const ignis::BuildMessage &message : std::as_const(report.messages))
            frames.append(ignis::codeFrame(dir, message));
        QMetaObject::invokeMethod(
            this,
            [this, report = std::move(report), frames = std::move(frames)] {
                deliver(report, frames);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void BuildRunner::cancel() {
    if (m_running)
        m_cancelled = true;
}

void BuildRunner::deliver(const ignis::BuildReport &report, const QStringList &codeFrames) {
    m_running = false;
    Q_EMIT finished(report, codeFrames);
}

} // namespace helios::panels
