// SPDX-License-Identifier: Apache-2.0
#include "new_command.h"

#include "cli.h"

#include "engine.h"
#include "ignition/scaffolder.h"
#include "ignition/template_source.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <atomic>
#include <csignal>

namespace helios::cli {

namespace {

// Ctrl+C or SIGTERM while scaffolding cancels the run: npm or a template's command stops
// with what it started (its own process group, which the terminal's Ctrl+C no longer
// reaches) and the half-made project is removed. A second signal kills as usual.
std::atomic_bool interrupted{false};
static_assert(std::atomic_bool::is_always_lock_free, "set from a signal handler");

void cancelOnSignals()
{
    struct sigaction action = {};
    action.sa_handler = [](int) { interrupted = true; };
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

QString usage()
{
    return QStringLiteral(
        "usage: helios new <template> <dir> [--param NAME=VALUE ...] [--dry-run] [--no-install] [--json]\n"
        "       helios new --list [--json]\n"
        "\n"
        "Creates a project in <dir> (new, or an empty directory) from a template: renders its\n"
        "files, then runs its steps (npm install, git init and a first commit on main). A step\n"
        "that fails removes everything the run created, and so does Ctrl+C (which also stops\n"
        "npm or the step's command). The project is recorded in the Store and announced as\n"
        "project.created.\n"
        "\n"
        "<template> is a built-in template's name (see --list), a directory holding a\n"
        "template.json, or a git URL (anything with ://, or ending in .git), cloned first.\n"
        "\n"
        "options:\n"
        "  --param NAME=VALUE  a template parameter (repeatable; -p for short)\n"
        "  --dry-run           list the files and steps; write and record nothing\n"
        "  --no-install        skip npm install\n"
        "  --json              one JSON object on stdout (progress goes to stderr)\n"
        "  --list              the built-in templates and their parameters\n"
        "\n"
        "exit status: 0 created (or planned), 1 failed, 2 misuse\n"
        "example: helios new react-library acme-ui --param name=acme-ui --param scope=@acme\n");
}

void print(QTextStream &out, const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

QJsonObject errorJson(const Error &error)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), error.message},
            {QStringLiteral("code"), errorCodeName(error.code)},
            {QStringLiteral("context"), error.context}};
}

QString typeName(ignition::TemplateParameter::Type type)
{
    switch (type) {
    case ignition::TemplateParameter::Type::String:
        return QStringLiteral("string");
    case ignition::TemplateParameter::Type::Enum:
        return QStringLiteral("enum");
    case ignition::TemplateParameter::Type::Bool:
        return QStringLiteral("bool");
    }
    return {};
}

int list(bool json, QTextStream &out, QTextStream &err)
{
    QJsonArray templates;
    for (const QString &name : ignition::TemplateSource::builtInNames()) {
        const auto source = ignition::TemplateSource::open(name);
        if (!source.ok()) {
            err << "helios new: built-in template " << name << ": " << source.error().toString() << '\n';
            return Failure;
        }
        const ignition::TemplateManifest &m = source->manifest();
        QJsonArray parameters;
        if (!json)
            out << name << "  " << m.description << '\n';
        for (const ignition::TemplateParameter &p : m.parameters) {
            QJsonObject o{{QStringLiteral("name"), p.name},
                          {QStringLiteral("type"), typeName(p.type)},
                          {QStringLiteral("required"), p.required},
                          {QStringLiteral("description"), p.description}};
            if (!p.required)
                o.insert(QStringLiteral("default"), p.defaultValue);
            if (!p.pattern.isEmpty())
                o.insert(QStringLiteral("pattern"), p.pattern);
            if (!p.choices.isEmpty())
                o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(p.choices));
            parameters.append(o);
            if (!json) {
                QString detail = p.required ? QStringLiteral("required")
                                            : QStringLiteral("default \"%1\"").arg(p.defaultValue);
                if (!p.choices.isEmpty())
                    detail += QStringLiteral("; one of ") + p.choices.join(QStringLiteral(", "));
                out << "    " << p.name.leftJustified(14) << typeName(p.type).leftJustified(8) << p.description
                    << " (" << detail << ")\n";
            }
        }
        templates.append(QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("description"), m.description},
                                     {QStringLiteral("parameters"), parameters}});
    }
    if (json)
        print(out, {{QStringLiteral("ok"), true}, {QStringLiteral("templates"), templates}});
    return Success;
}

QJsonObject planJson(const ignition::ScaffoldPlan &plan)
{
    QJsonArray files;
    for (const ignition::RenderedFile &f : plan.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("source"), f.sourcePath},
                                 {QStringLiteral("bytes"), qint64(f.content.size())},
                                 {QStringLiteral("templated"), f.templated}});
    QJsonArray steps;
    for (const ignition::PlannedStep &s : plan.steps)
        steps.append(QJsonObject{{QStringLiteral("type"), s.type},
                                 {QStringLiteral("description"), s.description},
                                 {QStringLiteral("skipped"), s.skipped}});
    QJsonObject parameters;
    for (auto it = plan.parameters.begin(); it != plan.parameters.end(); ++it)
        parameters.insert(it.key(), it.value());
    return {{QStringLiteral("name"), plan.projectName},
            {QStringLiteral("path"), plan.targetDir},
            {QStringLiteral("template"), plan.templateName},
            {QStringLiteral("templateSource"), plan.templateOrigin},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("files"), files},
            {QStringLiteral("steps"), steps}};
}

QString stateName(ignition::StepProgress::State state)
{
    switch (state) {
    case ignition::StepProgress::State::Started:
        return QStringLiteral("started");
    case ignition::StepProgress::State::Finished:
        return QStringLiteral("done");
    case ignition::StepProgress::State::Skipped:
        return QStringLiteral("skipped");
    case ignition::StepProgress::State::Failed:
        return QStringLiteral("FAILED");
    }
    return {};
}

} // namespace

int runNew(const Config &config, const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    ignition::ScaffoldRequest request;
    bool dryRun = false;
    bool json = false;
    bool listTemplates = false;
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--help" || a == u"-h") {
            out << usage();
            return Success;
        } else if (a == u"--dry-run") {
            dryRun = true;
        } else if (a == u"--no-install") {
            request.install = false;
        } else if (a == u"--json") {
            json = true;
        } else if (a == u"--list") {
            listTemplates = true;
        } else if (a == u"--param" || a == u"-p" || a.startsWith(QStringLiteral("--param="))) {
            QString pair;
            if (a.startsWith(QStringLiteral("--param="))) {
                pair = a.mid(8);
            } else if (i + 1 < args.size()) {
                pair = args.at(++i);
            } else {
                err << "helios new: " << a << " needs a value NAME=VALUE\n";
                return Usage;
            }
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0) {
                err << "helios new: --param wants NAME=VALUE, got \"" << pair << "\"\n";
                return Usage;
            }
            if (request.parameters.contains(pair.left(eq))) {
                err << "helios new: parameter " << pair.left(eq) << " given twice\n";
                return Usage;
            }
            request.parameters.insert(pair.left(eq), pair.mid(eq + 1));
        } else if (a.startsWith(u'-') && a.size() > 1) {
            err << "helios new: unknown argument " << a << "\n\n" << usage();
            return Usage;
        } else {
            positional << a;
        }
    }
    if (listTemplates) {
        if (!positional.isEmpty()) {
            err << "helios new: --list takes no template or directory\n";
            return Usage;
        }
        return list(json, out, err);
    }
    if (positional.size() != 2) {
        err << "helios new: expected <template> <dir>, got " << positional.size() << " argument(s)\n\n" << usage();
        return Usage;
    }
    request.templateReference = positional.at(0);
    request.targetDir = positional.at(1);

    auto fail = [&](const Error &error) {
        if (json)
            print(out, errorJson(error));
        else
            err << "helios new: " << error.toString() << '\n';
        return Failure;
    };

    if (dryRun) {
        const auto plan = ignition::Scaffolder::plan(request);
        if (!plan.ok())
            return fail(plan.error());
        if (json) {
            QJsonObject o{{QStringLiteral("ok"), true}, {QStringLiteral("dryRun"), true}};
            o.insert(QStringLiteral("project"), planJson(plan.value()));
            print(out, o);
            return Success;
        }
        out << "dry run: " << plan->projectName << " from " << plan->templateOrigin << " into " << plan->targetDir
            << "\nfiles (" << plan->files.size() << "):\n";
        for (const ignition::RenderedFile &f : plan->files)
            out << "  " << f.path << (f.templated ? "" : "  (copied)") << '\n';
        out << "steps:\n";
        for (int i = 0; i < plan->steps.size(); ++i)
            out << "  " << i + 1 << ". " << plan->steps.at(i).type << ": " << plan->steps.at(i).description
                << (plan->steps.at(i).skipped ? "  (skipped)" : "") << '\n';
        out << "nothing was written\n";
        return Success;
    }

    const auto engine = Engine::open(config);
    if (!engine.ok())
        return fail(engine.error());
    ignition::Scaffolder scaffolder(**engine);
    QTextStream &progressOut = json ? err : out;
    cancelOnSignals();
    const auto created = scaffolder.create(
        request,
        [&](const ignition::StepProgress &p) {
            if (p.state == ignition::StepProgress::State::Started)
                return;
            progressOut << '[' << p.index + 1 << '/' << p.count << "] " << p.type << ": " << stateName(p.state) << '\n';
            progressOut.flush();
        },
        &interrupted);
    if (!created.ok())
        return fail(created.error());

    if (json) {
        QJsonObject project = planJson(created->plan);
        project.insert(QStringLiteral("id"), created->projectId);
        project.insert(QStringLiteral("createdAt"), created->createdAt);
        project.insert(QStringLiteral("commit"), created->commitId);
        QJsonObject o{{QStringLiteral("ok"), true}, {QStringLiteral("dryRun"), false}, {QStringLiteral("project"), project}};
        if (!created->eventProblem.isEmpty())
            o.insert(QStringLiteral("eventProblem"), created->eventProblem);
        print(out, o);
        return Success;
    }
    out << "created " << created->plan.projectName << " (" << created->plan.files.size() << " files) in "
        << created->plan.targetDir << "\nproject id " << created->projectId << '\n';
    if (!created->commitId.isEmpty())
        out << "first commit " << created->commitId.left(12) << " on main\n";
    if (!created->eventProblem.isEmpty())
        err << "helios new: warning: project.created was not published: " << created->eventProblem << '\n';
    return Success;
}

} // namespace helios::cli
