// SPDX-License-Identifier: Apache-2.0
#include "ignition/scaffolder.h"

#include "bus/bus.h"
#include "core/ids.h"
#include "core/logging.h"
#include "engine.h"
#include "ignition/git_client.h"
#include "ignition/template_source.h"
#include "store/store.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <unistd.h>

namespace helios::ignition {

namespace {

// npm on a cold cache can take minutes; a hung child must still end the run.
constexpr int ProcessTimeoutMs = 15 * 60 * 1000;

// The plan plus the steps with every templated field rendered.
struct Prepared {
    ScaffoldPlan plan;
    QList<TemplateStep> steps;
};

Result<void> checkTarget(const QString &target)
{
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("the target exists and is not a directory"), target);
    if (info.isDir()
        && !QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty())
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("the target directory is not empty; choose a new or empty directory"), target);
    return {};
}

QString describe(const TemplateStep &step, const QString &targetDir, bool install)
{
    if (!step.description.isEmpty())
        return step.description;
    switch (step.type) {
    case TemplateStep::Type::Render:
        return QStringLiteral("write the rendered files into %1").arg(targetDir);
    case TemplateStep::Type::GitInitCommit:
        return QStringLiteral("git init (branch main) and commit every file as %1 <%2>")
            .arg(step.authorName, step.authorEmail);
    case TemplateStep::Type::NpmInstall:
        return install ? QStringLiteral("npm install --no-audit --no-fund")
                       : QStringLiteral("npm install --no-audit --no-fund (skipped: --no-install)");
    case TemplateStep::Type::Command:
        return step.argv.join(u' ');
    }
    return {};
}

Result<Prepared> prepare(const ScaffoldRequest &request)
{
    if (request.targetDir.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no target directory given"));
    auto source = TemplateSource::open(request.templateReference);
    HELIOS_TRY(source);
    const TemplateManifest &manifest = source->manifest();

    auto parameters = manifest.resolveParameters(request.parameters);
    HELIOS_TRY(parameters);
    auto values = manifest.values(parameters.value());
    HELIOS_TRY(values);
    const TemplateRenderer renderer(values.value());

    Prepared prepared;
    ScaffoldPlan &plan = prepared.plan;
    plan.templateName = manifest.name;
    plan.templateOrigin = source->origin();
    plan.parameters = parameters.value();
    plan.targetDir = QDir::cleanPath(QFileInfo(request.targetDir).absoluteFilePath());
    HELIOS_TRY(checkTarget(plan.targetDir));

    auto projectName = renderer.renderText(manifest.projectName, QStringLiteral("template.json projectName"));
    HELIOS_TRY(projectName);
    plan.projectName = projectName->isEmpty() ? QFileInfo(plan.targetDir).fileName() : projectName.value();

    auto files = renderer.renderTree(source->rootDir(), manifest.verbatim);
    HELIOS_TRY(files);
    plan.files = std::move(files).value();

    for (int i = 0; i < manifest.steps.size(); ++i) {
        TemplateStep step = manifest.steps.at(i);
        const QString where = QStringLiteral("template.json steps[%1]").arg(i);
        auto render = [&](QString &field) -> Result<void> {
            auto r = renderer.renderText(field, where);
            HELIOS_TRY(r);
            field = r.value();
            return {};
        };
        HELIOS_TRY(render(step.description));
        HELIOS_TRY(render(step.message));
        HELIOS_TRY(render(step.authorName));
        HELIOS_TRY(render(step.authorEmail));
        for (QString &arg : step.argv)
            HELIOS_TRY(render(arg));
        if (step.authorName.isEmpty())
            step.authorName = GitClient::Signature().name;
        if (step.authorEmail.isEmpty())
            step.authorEmail = GitClient::Signature().email;
        if (step.message.isEmpty())
            step.message = QStringLiteral("Initial commit from the %1 template").arg(manifest.name);
        const bool skipped = step.type == TemplateStep::Type::NpmInstall && !request.install;
        plan.steps << PlannedStep{stepTypeName(step.type), describe(step, plan.targetDir, request.install), skipped};
        prepared.steps << step;
    }
    return prepared;
}

Result<void> writeFiles(const ScaffoldPlan &plan)
{
    const QDir root(plan.targetDir);
    for (const RenderedFile &f : plan.files) {
        const QString path = root.filePath(f.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create the directory"), QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) || out.write(f.content) != f.content.size()
            || !out.flush())
            return makeError(ErrorCode::Io, QStringLiteral("cannot write the file: %1").arg(out.errorString()), path);
    }
    return {};
}

// The last lines of a child's output: enough to see why it failed.
QString tail(const QByteArray &output, int lines = 20)
{
    QStringList all = QString::fromUtf8(output).trimmed().split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

bool isCancelled(const std::atomic_bool *cancelled) { return cancelled && cancelled->load(); }

Error cancelledError() { return makeError(ErrorCode::Conflict, QStringLiteral("the scaffold was cancelled")); }

// Runs the child in a process group of its own, so that stopping it (cancelled, or past
// the time allowed) also stops what it started: npm's scripts, a shell's commands.
Result<void> runProcess(const QString &program, const QStringList &arguments, const QString &workDir,
                        const std::atomic_bool *cancelled)
{
    const QString display = (QStringList{program} + arguments).join(u' ');
    const QString executable =
        program.contains(u'/') ? QFileInfo(QDir(workDir), program).absoluteFilePath() : QStandardPaths::findExecutable(program);
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable())
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 not found on PATH").arg(program), display);

    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(executable, arguments);
    if (!process.waitForStarted())
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot start %1: %2").arg(program, process.errorString()), display);
    const QDeadlineTimer deadline(ProcessTimeoutMs);
    while (!process.waitForFinished(100) && process.state() != QProcess::NotRunning) {
        const bool stop = isCancelled(cancelled);
        if (!stop && !deadline.hasExpired())
            continue;
        ::kill(-pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        return stop ? cancelledError()
                    : makeError(ErrorCode::Timeout, QStringLiteral("%1 did not finish in time").arg(program), display);
    }
    const QByteArray output = process.readAll();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("%1 failed (exit code %2):\n%3")
                             .arg(display)
                             .arg(process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1)
                             .arg(tail(output)),
                         workDir);
    return {};
}

// The nearest missing ancestor of `target` (itself included): what this run creates
// and must remove on failure. Empty when the target already exists.
QString firstMissing(const QString &target)
{
    QString missing;
    QFileInfo info(target);
    while (!info.exists()) {
        missing = info.absoluteFilePath();
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath())
            break;
        info = QFileInfo(parent);
    }
    return missing;
}

void undo(const QString &targetDir, const QString &createdRoot)
{
    if (!createdRoot.isEmpty()) {
        QDir(createdRoot).removeRecursively();
        return;
    }
    QDir target(targetDir);
    for (const QFileInfo &entry : target.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        if (entry.isDir() && !entry.isSymLink())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
}

} // namespace

Scaffolder::Scaffolder(Engine &engine)
    : Scaffolder(engine.store(), engine.bus())
{
}

Scaffolder::Scaffolder(data::Store &store, data::Bus &bus)
    : m_store(store)
    , m_bus(bus)
{
}

Result<ScaffoldPlan> Scaffolder::plan(const ScaffoldRequest &request)
{
    auto prepared = prepare(request);
    HELIOS_TRY(prepared);
    return std::move(prepared->plan);
}

Result<ScaffoldResult> Scaffolder::create(const ScaffoldRequest &request, const ProgressCallback &progress,
                                          const std::atomic_bool *cancelled)
{
    auto prepared = prepare(request);
    HELIOS_TRY(prepared);
    ScaffoldResult result;
    result.plan = std::move(prepared->plan);
    const ScaffoldPlan &plan = result.plan;

    const QString createdRoot = firstMissing(plan.targetDir);
    if (!QDir().mkpath(plan.targetDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the target directory"), plan.targetDir);
    qCInfo(lcIgnition) << "creating" << plan.projectName << "from" << plan.templateOrigin << "in" << plan.targetDir;

    auto report = [&](int index, StepProgress::State state, const QString &detail = {}) {
        if (progress)
            progress(StepProgress{index, int(plan.steps.size()), plan.steps.at(index).type,
                                  plan.steps.at(index).description, state, detail});
    };
    const auto runStep = [&](const TemplateStep &step) -> Result<void> {
        switch (step.type) {
        case TemplateStep::Type::Render:
            return writeFiles(plan);
        case TemplateStep::Type::GitInitCommit: {
            const auto commit = GitClient::initAndCommit(plan.targetDir, QStringLiteral("main"),
                                                         {step.authorName, step.authorEmail}, step.message);
            HELIOS_TRY(commit);
            result.commitId = commit.value();
            return {};
        }
        case TemplateStep::Type::NpmInstall:
            return runProcess(QStringLiteral("npm"),
                              {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")},
                              plan.targetDir, cancelled);
        case TemplateStep::Type::Command:
            return runProcess(step.argv.first(), step.argv.mid(1), plan.targetDir, cancelled);
        }
        return {};
    };
    for (int i = 0; i < prepared->steps.size(); ++i) {
        if (plan.steps.at(i).skipped) {
            report(i, StepProgress::State::Skipped);
            continue;
        }
        report(i, StepProgress::State::Started);
        const Result<void> outcome = isCancelled(cancelled) ? Result<void>(cancelledError()) : runStep(prepared->steps.at(i));
        if (!outcome.ok()) {
            report(i, StepProgress::State::Failed, outcome.error().toString());
            undo(plan.targetDir, createdRoot);
            Error error = outcome.error();
            error.message = isCancelled(cancelled)
                                ? QStringLiteral("the scaffold was cancelled at step %1 (%2), the project was removed")
                                      .arg(i + 1)
                                      .arg(plan.steps.at(i).type)
                                : QStringLiteral("step %1 (%2) failed, the project was removed: %3")
                                      .arg(i + 1)
                                      .arg(plan.steps.at(i).type, error.message);
            return error;
        }
        report(i, StepProgress::State::Finished);
    }
    if (isCancelled(cancelled)) { // after the last step: nothing is recorded either
        undo(plan.targetDir, createdRoot);
        Error error = cancelledError();
        error.message += QStringLiteral(" after its last step, the project was removed");
        return error;
    }

    result.projectId = newId();
    result.createdAt = nowUtc();
    QJsonObject parameterObject;
    for (auto it = plan.parameters.begin(); it != plan.parameters.end(); ++it)
        parameterObject.insert(it.key(), it.value());
    const QByteArray parameters = QJsonDocument(parameterObject).toJson(QJsonDocument::Compact);
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO projects (id, name, path, template, created_at, parameters, template_source)"
                       " VALUES ($1, $2, $3, $4, $5, $6, $7)"),
        {result.projectId, plan.projectName, plan.targetDir, plan.templateName, result.createdAt,
         QString::fromUtf8(parameters), plan.templateOrigin});
    if (!inserted.ok()) {
        undo(plan.targetDir, createdRoot);
        return inserted.error();
    }

    const auto published = m_bus.publish(data::Event::make(
        QStringLiteral("project.created"), QStringLiteral("/helios/ignition"), result.projectId,
        QJsonObject{{QStringLiteral("id"), result.projectId},
                    {QStringLiteral("name"), plan.projectName},
                    {QStringLiteral("path"), plan.targetDir},
                    {QStringLiteral("template"), plan.templateName}}));
    if (!published.ok()) {
        result.eventProblem = published.error().toString();
        qCWarning(lcIgnition) << "project.created not published:" << result.eventProblem;
    }
    return result;
}

} // namespace helios::ignition
