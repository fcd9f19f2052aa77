// SPDX-License-Identifier: Apache-2.0
#include "build_command.h"

#include "cli.h"
#include "waypoint_cli_support.h"

#include "core/config.h"
#include "core/termination_signals.h"
#include "bus/bus.h"
#include "engine.h"
#include "ignis/build_history.h"
#include "ignis/production_build.h"
#include "ignis/project_config.h"
#include "ignis/project_watcher.h"
#include "waypoint/waypoint_service.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

#include <unistd.h>

namespace helios::cli {

namespace {

const char *const buildHelp =
    "usage: helios build [dir] [--watch] [--no-cache] [--json] [--quiet]\n"
    "                    [--publish [--version V] [--base REPOSITORY:TAG]]\n"
    "       helios build [dir] --history [--json]\n"
    "\n"
    "A production build of the project in dir (default: the current directory), as its\n"
    "helios.json describes: the design tokens to CSS through SLATE, each entry bundled,\n"
    "minified and content-hashed by esbuild with source maps, each page pointed at its\n"
    "outputs, and a manifest.json of every file with its size and digest.\n"
    "\n"
    "Every step is cached by a digest of its inputs (sources, lockfiles, token files,\n"
    "options, the esbuild version) in the cache and the artifact store: an unchanged\n"
    "project rebuilds nothing, and after an edit only the steps that read the edited\n"
    "file run again. The output directory changes only when a build succeeds.\n"
    "\n"
    "esbuild is found in this order: HELIOS_ESBUILD, the project's\n"
    "node_modules/@esbuild/<platform>, Helios's toolchain (HELIOS_TOOLCHAIN_DIR,\n"
    "<prefix>/share/helios/toolchain, the source tree), then PATH.\n"
    "\n"
    "options:\n"
    "  --watch      build, then build again whenever a project file changes (Ctrl+C ends)\n"
    "  --no-cache   neither read nor write the build cache\n"
    "  --json       print the build report as one JSON object per build on stdout\n"
    "  --quiet      no progress lines\n"
    "  --publish    then publish the output as an OCI image in the artifact store\n"
    "               (REGISTRY_URL, or the embedded OCI layout): helios.json's\n"
    "               image.repository, its files under image.root, on image.base --\n"
    "               without a base, an OCI artifact of the files\n"
    "  --version V  the image tag (default: package.json's version)\n"
    "  --base REF   the base image, repository:tag or repository@sha256:... in the store\n"
    "  --history    list the project's recent builds and their statistics\n"
    "  --help       this help\n"
    "\n"
    "With the embedded back ends (no NATS_URL) nothing else hears that a build\n"
    "succeeded, so WAYPOINT runs here: the build becomes a release (its image published\n"
    "unless --publish did) and is deployed to the environments that deploy every build\n"
    "(dev); see helios releases and helios deploy. A failed deploy does not change the\n"
    "exit code.\n"
    "\n"
    "exit: 0 built, 1 the build failed (errors are printed with file:line:column and the\n"
    "code around them), 2 usage\n";

struct Arguments {
    QString dir = QStringLiteral(".");
    bool watch = false;
    bool noCache = false;
    bool json = false;
    bool quiet = false;
    bool history = false;
    bool publish = false;
    QString version;
    QString base;
};

QString parse(const QStringList &args, Arguments &parsed, bool &help)
{
    bool dirGiven = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--version") || a == QLatin1String("--base")) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(a);
            (a == QLatin1String("--version") ? parsed.version : parsed.base) = args.at(++i);
            continue;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            help = true;
        else if (a == QLatin1String("--watch"))
            parsed.watch = true;
        else if (a == QLatin1String("--no-cache"))
            parsed.noCache = true;
        else if (a == QLatin1String("--json"))
            parsed.json = true;
        else if (a == QLatin1String("--quiet"))
            parsed.quiet = true;
        else if (a == QLatin1String("--history"))
            parsed.history = true;
        else if (a == QLatin1String("--publish"))
            parsed.publish = true;
        else if (a.startsWith(QLatin1Char('-')))
            return QStringLiteral("unknown option %1").arg(a);
        else if (dirGiven)
            return QStringLiteral("one project directory at most, got %1 and %2").arg(parsed.dir, a);
        else {
            parsed.dir = a;
            dirGiven = true;
        }
    }
    if (parsed.history && parsed.watch)
        return QStringLiteral("--history and --watch do not go together");
    if (!parsed.publish && (!parsed.version.isEmpty() || !parsed.base.isEmpty()))
        return QStringLiteral("--version and --base go with --publish");
    return {};
}

QString humanSize(qint64 bytes) { return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat); }

// Progress goes to stderr: one line per step, rewritten in place on a terminal.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool quiet) : m_quiet(quiet), m_terminal(::isatty(STDERR_FILENO) == 1) {}

    void show(const ignis::BuildProgress &progress)
    {
        if (m_quiet)
            return;
        QTextStream err(stderr);
        const QString line = QStringLiteral("[%1/%2] %3").arg(progress.step + 1).arg(progress.steps).arg(progress.text);
        if (m_terminal)
            err << "\r\033[K" << line;
        else
            err << line << '\n';
        err.flush();
        m_open = m_terminal;
    }

    void end()
    {
        if (m_open)
            QTextStream(stderr) << "\r\033[K";
        m_open = false;
    }

private:
    bool m_quiet;
    bool m_terminal;
    bool m_open = false;
};

void printReport(const ignis::BuildReport &report, const Arguments &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.json) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
    }
    for (const ignis::BuildMessage &message : report.messages) {
        if (!message.isError() && args.quiet)
            continue;
        err << message.toString() << '\n';
        const QString frame = ignis::codeFrame(report.projectDir, message);
        if (!frame.isEmpty())
            err << frame;
        for (const QString &note : message.notes)
            err << "  note: " << note << '\n';
    }
    if (args.json || args.quiet) {
        if (!report.succeeded())
            err << "helios build: failed\n";
        return;
    }
    if (!report.succeeded()) {
        int errors = 0;
        for (const ignis::BuildMessage &message : report.messages)
            errors += message.isError() ? 1 : 0;
        err << "helios build: failed with " << errors << (errors == 1 ? " error" : " errors") << " in "
            << report.durationMs << " ms; " << QDir(report.projectDir).relativeFilePath(report.outDir)
            << "/ is unchanged\n";
        return;
    }
    const QDir project(report.projectDir);
    const QString outDir = project.relativeFilePath(report.outDir);
    int width = 0;
    for (const ignis::BuildOutput &output : report.outputs)
        width = std::max(width, int(output.path.size()));
    for (const ignis::BuildOutput &output : report.outputs)
        out << "  " << outDir << '/' << output.path.leftJustified(width) << "  " << humanSize(output.size).rightJustified(9)
            << '\n';
    QStringList phases;
    for (const ignis::BuildPhase &phase : report.phases)
        phases << QStringLiteral("%1 %2 ms%3").arg(phase.name).arg(phase.ms).arg(phase.cache.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(phase.cache));
    out << "built " << report.outputs.size() << " files, " << humanSize(report.outputBytes()) << ", in "
        << report.durationMs << " ms (cache: " << report.cache << ")\n  " << phases.join(QStringLiteral(", ")) << '\n';
    if (!report.image.isEmpty())
        out << "published " << report.image << " " << report.imageDigest << '\n';
}

int printHistory(Engine &engine, const Arguments &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const ignis::ProjectConfig config = ignis::ProjectConfig::read(args.dir);
    ignis::BuildHistory history(engine.store());
    const QString projectId = history.projectIdFor(config.projectDir);
    const auto recent = history.recent(projectId, 20);
    const auto statistics = history.statistics(projectId);
    if (!recent.ok() || !statistics.ok()) {
        err << "helios build: " << (recent.ok() ? statistics.error() : recent.error()).toString() << '\n';
        return Failure;
    }
    if (args.json) {
        QJsonArray builds;
        for (const ignis::BuildReport &report : *recent)
            builds.append(report.toJson());
        const QJsonObject object{{QStringLiteral("projectId"), projectId},
                                 {QStringLiteral("builds"), builds},
                                 {QStringLiteral("statistics"),
                                  QJsonObject{{QStringLiteral("builds"), statistics->builds},
                                              {QStringLiteral("succeeded"), statistics->succeeded},
                                              {QStringLiteral("failed"), statistics->failed},
                                              {QStringLiteral("cacheHits"), statistics->cacheHits},
                                              {QStringLiteral("meanDurationMs"), statistics->meanDurationMs},
                                              {QStringLiteral("lastOutputBytes"), statistics->lastOutputBytes}}}};
        out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    for (const ignis::BuildReport &report : *recent)
        out << report.startedAt << "  " << ignis::BuildReport::statusName(report.status).leftJustified(10) << ' '
            << QString::number(report.durationMs).rightJustified(7) << " ms  cache " << report.cache.leftJustified(8)
            << humanSize(report.outputBytes()).rightJustified(9) << '\n';
    out << statistics->builds << " builds, " << statistics->succeeded << " succeeded, " << statistics->failed
        << " failed, " << statistics->cacheHits << " cache hits, mean " << qRound64(statistics->meanDurationMs) << " ms\n";
    return Success;
}

ignis::BuildReport buildOnce(Engine &engine, const Arguments &args)
{
    ProgressPrinter printer(args.quiet || args.json);
    ignis::BuildOptions options;
    options.projectDir = args.dir;
    options.useCache = !args.noCache;
    options.publish = args.publish;
    options.version = args.version;
    options.imageBase = args.base;
    options.progress = [&printer](const ignis::BuildProgress &progress) { printer.show(progress); };
    const ignis::BuildReport report = ignis::ProductionBuild(engine, options).run();
    printer.end();
    printReport(report, args);
    return report;
}

int watch(Engine &engine, const Arguments &args)
{
    ignis::BuildReport last = buildOnce(engine, args);
    const ignis::ProjectConfig config = ignis::ProjectConfig::read(args.dir);
    if (config.hasErrors() && last.outDir.isEmpty())
        return Failure;
    // SIGINT and SIGTERM end the loop cleanly instead of killing the process mid-write.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &termination, [] { QCoreApplication::exit(0); });

    ignis::ProjectWatcher watcher(config.projectDir, {config.outDirRelative});
    QTextStream err(stderr);
    if (!args.quiet)
        err << "helios build: watching " << watcher.watchedCount() << " files and directories in " << config.projectDir
            << " (Ctrl+C ends)\n";
    err.flush();
    QObject::connect(&watcher, &ignis::ProjectWatcher::changed, &watcher, [&](const QStringList &paths) {
        if (!args.quiet) {
            QTextStream(stderr) << "helios build: changed " << paths.first()
                                << (paths.size() > 1 ? QStringLiteral(" and %1 more").arg(paths.size() - 1) : QString())
                                << '\n';
        }
        last = buildOnce(engine, args);
    });
    QCoreApplication::exec();
    return last.succeeded() ? Success : Failure;
}

// An embedded bus has no other subscriber: WAYPOINT follows the build in this process,
// as a server's would on a shared bus, and reports the release and deployments it made.
int buildAndRelease(Engine &engine, const Arguments &args)
{
    auto session = WaypointSession::over(engine);
    if (session)
        if (auto followed = (*session)->service->followBuilds(); !followed)
            session = followed.error();
    if (!session)
        QTextStream(stderr) << "helios build: no release will be made: " << session.error().toString() << '\n';
    const ignis::BuildReport report = buildOnce(engine, args);
    if (!report.succeeded())
        return Failure;
    if (session) {
        // Waited for even when --quiet: the deploy must not be cut off by the exit.
        QString discarded;
        QTextStream follow(&discarded);
        QFile console;
        if (!args.quiet && console.open(args.json ? stderr : stdout, QIODevice::WriteOnly))
            follow.setDevice(&console);
        reportReleaseOfBuild(**session, report.id, follow);
    }
    return Success;
}

} // namespace

int runBuild(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Arguments args;
    bool help = false;
    if (const QString problem = parse(arguments, args, help); !problem.isEmpty()) {
        err << "helios build: " << problem << "\n\n" << buildHelp;
        return Usage;
    }
    if (help) {
        out << buildHelp;
        return Success;
    }
    auto engine = Engine::open(config);
    if (!engine.ok()) {
        err << "helios build: " << engine.error().toString() << '\n';
        return Failure;
    }
    if (args.history)
        return printHistory(**engine, args);
    if (args.watch)
        return watch(**engine, args);
    if ((*engine)->bus().kind() != QLatin1StringView("memory"))
        return buildOnce(**engine, args).succeeded() ? Success : Failure;
    return buildAndRelease(**engine, args);
}

} // namespace helios::cli
