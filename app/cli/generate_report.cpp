// SPDX-License-Identifier: Apache-2.0
#include "generate_report.h"

#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace helios::cli {

namespace {

using namespace spark;

constexpr int BarWidth = 20;

QString bar(double fraction)
{
    const int filled = std::clamp(int(std::lround(fraction * BarWidth)), 0, BarWidth);
    return QString(filled, QChar(0x2588)) + QString(BarWidth - filled, QChar(0x2591));
}

QString percent(double fraction) { return QString::number(std::lround(fraction * 100)) + QLatin1Char('%'); }

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Files are shown as the project sees them.
QString projectPath(const GeneratedFile &file) { return QStringLiteral("src/components/") + file.path; }

QString location(const ValidationIssue &issue)
{
    QString where = issue.file.isEmpty() ? QStringLiteral("(component)") : projectPath(GeneratedFile{issue.file, {}});
    if (issue.line > 0)
        where += QStringLiteral(":%1:%2").arg(issue.line).arg(std::max(issue.column, 1));
    return where;
}

bool wasWritten(const GenerateReport &report, const GeneratedFile &file)
{
    return report.accepted && report.accepted->written.contains(projectPath(file));
}

} // namespace

QJsonObject generateReportToJson(const GenerateReport &report)
{
    const Generation &g = report.generation;
    QJsonArray routing;
    for (const ExpertScore &score : g.routing.experts)
        routing.append(QJsonObject{{QStringLiteral("expert"), QString(familyInfo(score.family).id)},
                                   {QStringLiteral("gate"), score.gate},
                                   {QStringLiteral("probability"), score.probability},
                                   {QStringLiteral("drivers"), QJsonArray::fromStringList(score.drivers)}});
    QJsonArray files;
    for (const GeneratedFile &file : g.component.files)
        files.append(QJsonObject{{QStringLiteral("path"), projectPath(file)},
                                 {QStringLiteral("size"), qint64(file.content.size())},
                                 {QStringLiteral("written"), wasWritten(report, file)},
                                 {QStringLiteral("content"), QString::fromUtf8(file.content)}});
    QJsonArray issues;
    for (const ValidationIssue &issue : g.validation.issues)
        issues.append(QJsonObject{{QStringLiteral("check"), issue.check},
                                  {QStringLiteral("file"), issue.file.isEmpty() ? QString() : projectPath({issue.file, {}})},
                                  {QStringLiteral("line"), issue.line},
                                  {QStringLiteral("column"), issue.column},
                                  {QStringLiteral("severity"), issue.error ? QStringLiteral("error") : QStringLiteral("warning")},
                                  {QStringLiteral("message"), issue.message}});
    QJsonObject object{
        {QStringLiteral("prompt"), g.prompt},
        {QStringLiteral("project"), g.project},
        {QStringLiteral("projectDir"), report.projectDir},
        {QStringLiteral("tokens"), g.tokensSource},
        {QStringLiteral("routing"), routing},
        {QStringLiteral("expert"), g.component.expert},
        {QStringLiteral("forced"), report.forced},
        {QStringLiteral("component"),
         QJsonObject{{QStringLiteral("name"), g.component.name},
                     {QStringLiteral("family"), QString(familyInfo(g.component.family).id)},
                     {QStringLiteral("composedParts"), QJsonArray::fromStringList(g.component.composedParts)},
                     {QStringLiteral("notes"), QJsonArray::fromStringList(g.component.notes)}}},
        {QStringLiteral("files"), files},
        {QStringLiteral("validation"),
         QJsonObject{{QStringLiteral("passed"), g.validation.passed()}, {QStringLiteral("issues"), issues}}},
        {QStringLiteral("version"), g.version},
        {QStringLiteral("llmNotes"), QJsonArray::fromStringList(g.llmNotes)},
        {QStringLiteral("dryRun"), report.dryRun},
        {QStringLiteral("written"),
         QJsonArray::fromStringList(report.accepted ? report.accepted->written : QStringList())},
    };
    if (!report.acceptProblem.isEmpty())
        object.insert(QStringLiteral("writeError"), report.acceptProblem);
    if (report.accepted && !report.accepted->buildSummary.isEmpty())
        object.insert(QStringLiteral("build"), QJsonObject{{QStringLiteral("built"), report.accepted->built},
                                                           {QStringLiteral("summary"), report.accepted->buildSummary}});
    return object;
}

void printGenerateReport(QTextStream &out, const GenerateReport &report)
{
    const Generation &g = report.generation;
    out << "routing" << (report.forced ? QStringLiteral(" (expert forced: %1)").arg(familyInfo(g.component.family).id)
                                        : QString())
        << '\n';
    for (const ExpertScore &score : g.routing.experts)
        out << "  " << QString(familyInfo(score.family).id).leftJustified(11) << ' ' << bar(score.gate) << ' '
            << percent(score.gate).rightJustified(4) << "  " << score.drivers.mid(0, 4).join(QStringLiteral(", "))
            << '\n';
    out << "tokens   " << g.tokensSource << '\n';
    out << "expert   " << g.component.expert << " wrote " << g.component.name;
    if (!g.component.composedParts.isEmpty())
        out << " (with " << g.component.composedParts.join(QStringLiteral(", ")) << ')';
    out << '\n';
    for (const QString &note : g.llmNotes)
        out << "  llm: " << note << '\n';
    for (const QString &note : g.component.notes)
        out << "  note: " << note << '\n';

    const bool written = report.accepted.has_value();
    out << "files    "
        << (written                      ? QStringLiteral("written into %1").arg(report.projectDir)
            : report.projectDir.isEmpty() ? QStringLiteral("not written (no project)")
            : report.dryRun              ? QStringLiteral("would be written into %1 (dry run)").arg(report.projectDir)
                                         : QStringLiteral("not written"))
        << '\n';
    int width = 0;
    for (const GeneratedFile &file : g.component.files)
        width = std::max(width, int(projectPath(file).size()));
    for (const GeneratedFile &file : g.component.files)
        out << "  " << projectPath(file).leftJustified(width) << "  " << humanSize(file.content.size()).rightJustified(9)
            << '\n';
    if (report.accepted && report.accepted->written.contains(QStringLiteral("src/index.ts")))
        out << "  src/index.ts exports " << g.component.name << '\n';

    int errors = 0;
    int warnings = 0;
    for (const ValidationIssue &issue : g.validation.issues)
        ++(issue.error ? errors : warnings);
    out << "checks   "
        << (errors == 0 ? QStringLiteral("passed (compile, tokens, accessibility)")
                        : QStringLiteral("failed with %1 error(s)").arg(errors))
        << (warnings > 0 ? QStringLiteral(", %1 warning(s)").arg(warnings) : QString()) << '\n';
    for (const ValidationIssue &issue : g.validation.issues)
        out << "  " << location(issue) << ": " << (issue.error ? "error" : "warning") << " [" << issue.check << "] "
            << issue.message << '\n';
    if (g.version > 0)
        out << "version  " << g.component.name << " v" << g.version << " in " << g.project << '\n';
    if (!report.acceptProblem.isEmpty())
        out << "write    failed: " << report.acceptProblem << '\n';
    if (report.accepted && !report.accepted->buildSummary.isEmpty())
        out << "build    " << report.accepted->buildSummary << '\n';

    // Without a project the code is the output.
    if (report.projectDir.isEmpty() && errors == 0) {
        for (const GeneratedFile &file : g.component.files) {
            out << "\n--- " << file.path << '\n' << QString::fromUtf8(file.content);
            if (!file.content.endsWith('\n'))
                out << '\n';
        }
    }
}

} // namespace helios::cli
