// SPDX-License-Identifier: Apache-2.0
#include "scaffold_job.h"

#include "engine.h"

#include <QFileInfo>

namespace helios::workbench {

namespace {

QString stepLabel(const ignition::StepProgress &p)
{
    if (p.type == u"render")
        return ScaffoldJob::tr("Writing the project's files");
    if (p.type == u"npm-install")
        return ScaffoldJob::tr("Installing dependencies (npm install)");
    if (p.type == u"git-init-commit")
        return ScaffoldJob::tr("Creating the git repository and its first commit");
    return ScaffoldJob::tr("Running %1").arg(p.description);
}

} // namespace

ScaffoldJob::ScaffoldJob(Engine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    m_pool.setMaxThreadCount(1);
}

ScaffoldJob::~ScaffoldJob()
{
    // The worker posts its reports to this object and uses the Engine: it ends first.
    cancel();
    m_pool.waitForDone();
}

void ScaffoldJob::start(const ignition::ScaffoldRequest &request)
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_pool.start([this, request] {
        ignition::Scaffolder scaffolder(m_engine);
        const auto created = scaffolder.create(
            request,
            [this](const ignition::StepProgress &p) {
                QMetaObject::invokeMethod(this, [this, p] { report(p); }, Qt::QueuedConnection);
            },
            &m_cancelled);
        const QString dir = created.ok() ? QFileInfo(created->plan.targetDir).canonicalFilePath() : QString();
        const QString error = created.ok() ? QString() : created.error().toString();
        QMetaObject::invokeMethod(
            this,
            [this, dir, error] {
                m_running = false;
                if (error.isEmpty())
                    Q_EMIT succeeded(dir);
                else
                    Q_EMIT failed(error);
            },
            Qt::QueuedConnection);
    });
}

void ScaffoldJob::report(const ignition::StepProgress &p)
{
    using State = ignition::StepProgress::State;
    switch (p.state) {
    case State::Started:
        Q_EMIT progressed(p.index, p.count, stepLabel(p));
        break;
    case State::Finished:
    case State::Skipped:
        Q_EMIT progressed(p.index + 1, p.count, stepLabel(p));
        break;
    case State::Failed:
        Q_EMIT progressed(p.index, p.count, tr("%1 failed: %2").arg(stepLabel(p), p.detail));
        break;
    }
}

} // namespace helios::workbench
