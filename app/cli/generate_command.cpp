// SPDX-License-Identifier: Apache-2.0
#include "generate_command.h"

#include "cli.h"
#include "generate_report.h"

#include "core/config.h"
#include "engine.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace helios::cli {

namespace {

const char *const generateHelp =
    "usage: helios generate \"<prompt>\" [--project DIR] [--expert ID] [--top K]\n"
    "                       [--dry-run] [--no-build] [--json]\n"
    "\n"
    "A React + TypeScript component from a prompt (\"a card with a title, an image and two\n"
    "buttons\", \"a data table with columns Name, Email and Role\"). A router trained on\n"
    "labelled prompts chooses the expert; the expert writes Name.tsx, Name.module.css\n"
    "(only the project's token variables), Name.stories.tsx and index.ts; every file is\n"
    "compiled with esbuild and linted for raw colours and sizes and for accessibility\n"
    "before anything is written. With HELIOS_AI_URL set, an OpenAI-compatible model\n"
    "writes it first and the offline expert takes over if its output fails.\n"
    "\n"
    "In a project (--project, or the current directory when it has a helios.json), the\n"
    "component is written to src/components/<Name>/, exported from src/index.ts, saved\n"
    "as the next version in the component history, and the project is built. Without a\n"
    "project the built-in tokens are used and the files are printed, not written.\n"
    "\n"
    "options:\n"
    "  --project DIR  the project (a directory with helios.json)\n"
    "  --expert ID    use this expert whatever the router says (the routing is still shown)\n"
    "  --top K        how many experts the routing shows (1-17, default 3)\n"
    "  --dry-run      generate and check, but write and record nothing\n"
    "  --no-build     write the files but do not build the project\n"
    "  --json         print one JSON object (routing, files with content, validation,\n"
    "                 version, written) on stdout\n"
    "  --help         this help\n"
    "\n"
    "experts: %1\n"
    "\n"
    "exit: 0 generated (and written and built), 1 the component failed validation or\n"
    "could not be written or built, 2 usage (also an empty or unreadable prompt)\n";

QString expertIds()
{
    QStringList ids;
    for (const spark::ExpertFamilyInfo &info : spark::expertFamilies)
        ids << QString(info.id);
    return ids.join(QStringLiteral(", "));
}

QString help() { return QString::fromLatin1(generateHelp).arg(expertIds()); }

struct Arguments {
    QStringList promptWords;
    QString project;
    std::optional<spark::ExpertFamily> expert;
    int top = 3;
    bool dryRun = false;
    bool noBuild = false;
    bool json = false;
};

QString parse(const QStringList &args, Arguments &parsed, bool &helpWanted)
{
    bool literal = false; // after "--" every argument is prompt text
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (literal || !a.startsWith(QLatin1String("--")) || a == QLatin1String("-")) {
            if (!literal && (a == QLatin1String("-h")))
                helpWanted = true;
            else
                parsed.promptWords << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            literal = true;
        } else if (a == QLatin1String("--project") || a == QLatin1String("--expert") || a == QLatin1String("--top")) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(a);
            const QString value = args.at(++i);
            if (a == QLatin1String("--project")) {
                parsed.project = value;
            } else if (a == QLatin1String("--expert")) {
                parsed.expert = spark::familyFromId(value);
                if (!parsed.expert)
                    return QStringLiteral("unknown expert \"%1\"; the experts are: %2").arg(value.left(80), expertIds());
            } else {
                bool ok = false;
                parsed.top = value.toInt(&ok);
                if (!ok || parsed.top < 1 || parsed.top > int(spark::expertFamilies.size()))
                    return QStringLiteral("--top takes a number from 1 to %1, not \"%2\"")
                        .arg(spark::expertFamilies.size())
                        .arg(value.left(80));
            }
        } else if (a == QLatin1String("--help")) {
            helpWanted = true;
        } else if (a == QLatin1String("--dry-run")) {
            parsed.dryRun = true;
        } else if (a == QLatin1String("--no-build")) {
            parsed.noBuild = true;
        } else if (a == QLatin1String("--json")) {
            parsed.json = true;
        } else {
            return QStringLiteral("unknown option %1").arg(a.left(80));
        }
    }
    return {};
}

// Progress on stderr: one line per phase, rewritten in place on a terminal.
class ProgressLine {
public:
    explicit ProgressLine(bool quiet) : m_quiet(quiet), m_terminal(::isatty(STDERR_FILENO) == 1) {}
    ~ProgressLine() { end(); }

    void show(const spark::GenerationProgress &progress)
    {
        if (m_quiet || progress.text.isEmpty())
            return;
        QTextStream err(stderr);
        const QString line = QStringLiteral("[%1/%2] %3")
                                 .arg(std::min(progress.step + 1, progress.steps))
                                 .arg(progress.steps)
                                 .arg(progress.text);
        if (m_terminal)
            err << "\r\033[K" << line;
        else
            err << line << '\n';
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

// The project: --project, else the current directory when it is one.
QString projectDirFor(const Arguments &args, QString &problem)
{
    if (args.project.isEmpty())
        return QFileInfo::exists(QStringLiteral("helios.json")) ? QDir::currentPath() : QString();
    const QFileInfo info(args.project);
    if (!info.isDir() || !QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("/helios.json"))) {
        problem = QStringLiteral("%1 is not a project (no helios.json)").arg(args.project);
        return {};
    }
    return info.canonicalFilePath();
}

} // namespace

int runGenerate(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Arguments args;
    bool helpWanted = false;
    if (const QString problem = parse(arguments, args, helpWanted); !problem.isEmpty()) {
        err << "helios generate: " << problem << '\n';
        return Usage;
    }
    if (helpWanted) {
        out << help();
        return Success;
    }
    if (args.promptWords.isEmpty()) {
        err << "helios generate: say what to generate, e.g. helios generate \"a primary button called Save\"\n";
        return Usage;
    }
    QString problem;
    const QString projectDir = projectDirFor(args, problem);
    if (!problem.isEmpty()) {
        err << "helios generate: " << problem << '\n';
        return Usage;
    }

    auto engine = Engine::open(config);
    if (!engine.ok()) {
        err << "helios generate: " << engine.error().toString() << '\n';
        return Failure;
    }
    spark::SparkPipeline pipeline(**engine);
    ProgressLine progress(args.json);
    spark::GenerateOptions options;
    options.prompt = args.promptWords.join(QLatin1Char(' '));
    options.projectDir = projectDir;
    options.expert = args.expert;
    options.topK = args.top;
    options.save = !args.dryRun;
    options.progress = [&progress](const spark::GenerationProgress &p) { progress.show(p); };
    auto generation = pipeline.generate(options);
    progress.end();
    if (!generation.ok()) {
        err << "helios generate: " << generation.error().message;
        if (!generation.error().context.isEmpty() && generation.error().code != ErrorCode::InvalidArgument)
            err << " (" << generation.error().context << ')';
        err << '\n';
        return generation.error().code == ErrorCode::InvalidArgument ? Usage : Failure;
    }

    GenerateReport report;
    report.generation = std::move(*generation);
    report.forced = args.expert.has_value();
    report.dryRun = args.dryRun;
    report.projectDir = projectDir;
    const bool passed = report.generation.validation.passed();
    bool buildFailed = false;
    if (passed && !projectDir.isEmpty() && !args.dryRun) {
        auto accepted = pipeline.accept(report.generation, projectDir, !args.noBuild,
                                        [&progress](const spark::GenerationProgress &p) { progress.show(p); });
        progress.end();
        if (accepted.ok()) {
            buildFailed = !args.noBuild && !accepted->built;
            report.accepted = std::move(*accepted);
        } else {
            report.acceptProblem = accepted.error().toString();
        }
    }

    if (args.json)
        out << QJsonDocument(generateReportToJson(report)).toJson(QJsonDocument::Compact) << '\n';
    else
        printGenerateReport(out, report);
    out.flush();
    if (!passed) {
        err << "helios generate: " << report.generation.component.name
            << " failed validation; nothing was written or saved\n";
        return Failure;
    }
    if (!report.acceptProblem.isEmpty()) {
        err << "helios generate: " << report.acceptProblem << '\n';
        return Failure;
    }
    if (buildFailed) {
        err << "helios generate: the component was written but the build failed (helios build shows why)\n";
        return Failure;
    }
    return Success;
}

} // namespace helios::cli
