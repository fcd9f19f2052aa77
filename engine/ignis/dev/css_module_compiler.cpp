// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/css_module_compiler.h"

#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

namespace helios::ignis {

CssModuleCompiler::CssModuleCompiler(const EsbuildToolchain &toolchain, const QString &projectDir, const QString &workDir)
    : m_toolchain(toolchain), m_projectDir(projectDir), m_stubDir(workDir + QStringLiteral("/css-modules"))
{
}

CssModuleCompiler::~CssModuleCompiler()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void CssModuleCompiler::start(const QStringList &urlPaths)
{
    // One entry re-exporting every CSS module: esbuild writes one script and one
    // stylesheet, with a `// path` / `/* path */` comment before each module's part,
    // instead of two files per module (which costs far more than compiling them).
    QDir(m_stubDir).removeRecursively();
    QDir().mkpath(m_stubDir + QStringLiteral("/out"));
    QByteArray entry;
    for (qsizetype i = 0; i < urlPaths.size(); ++i) {
        const QByteArray target =
            QJsonDocument(QJsonArray{QJsonValue(m_projectDir + urlPaths.at(i))}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        entry += "export { default as m" + QByteArray::number(i) + " } from " + target + ";\n";
        m_outputOf.insert(urlPaths.at(i), urlPaths.at(i).mid(1));
    }
    const QString stub = m_stubDir + QStringLiteral("/entry.js");
    QFile file(stub);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry) != entry.size()) {
        m_error = QStringLiteral("cannot write %1").arg(stub);
        return;
    }
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_projectDir);
    m_process->setProcessEnvironment(m_toolchain.oneShotEnvironment());
    m_process->start(m_toolchain.binary, {stub, QStringLiteral("--bundle"), QStringLiteral("--format=esm"),
                                          QStringLiteral("--outdir=") + m_stubDir + QStringLiteral("/out"),
                                          QStringLiteral("--log-level=error"), QStringLiteral("--color=false")});
}

namespace {

// The parts of esbuild's bundle output by the module they come from: each starts with a
// line `<open><relative path><close>`.
QHash<QString, QByteArray> split(const QByteArray &bundle, const QByteArray &open, const QByteArray &close)
{
    QHash<QString, QByteArray> parts;
    QString current;
    qsizetype partStart = -1;
    const auto take = [&](qsizetype end) {
        if (!current.isEmpty() && partStart >= 0)
            parts.insert(current, bundle.mid(partStart, end - partStart));
    };
    qsizetype lineStart = 0;
    while (lineStart < bundle.size()) {
        qsizetype lineEnd = bundle.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = bundle.size();
        const QByteArrayView line(bundle.constData() + lineStart, lineEnd - lineStart);
        if (line.startsWith(open) && line.endsWith(close) && line.size() > open.size() + close.size()) {
            take(lineStart);
            current = QString::fromUtf8(line.sliced(open.size(), line.size() - open.size() - close.size()));
            partStart = lineEnd + 1;
        } else if (line.startsWith("export {")) {
            take(lineStart);
            current.clear();
        }
        lineStart = lineEnd + 1;
    }
    take(bundle.size());
    return parts;
}

} // namespace

Result<QHash<QString, CssModuleCompiler::Output>> CssModuleCompiler::finish()
{
    if (!m_error.isEmpty())
        return makeError(ErrorCode::Io, m_error);
    if (!m_process)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no CSS modules were compiled"));
    if (!m_process->waitForFinished(120000) || m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        const BuildMessages messages = parseEsbuildMessages(m_process->readAllStandardError());
        return makeError(ErrorCode::InvalidArgument,
                         messages.isEmpty() ? QStringLiteral("esbuild failed on the CSS modules") : messages.first().toString());
    }
    QFile script(m_stubDir + QStringLiteral("/out/entry.js"));
    QFile sheet(m_stubDir + QStringLiteral("/out/entry.css"));
    if (!script.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("esbuild wrote no script for the CSS modules"));
    const QHash<QString, QByteArray> scripts = split(script.readAll(), "// ", "");
    const QHash<QString, QByteArray> sheets = sheet.open(QIODevice::ReadOnly) ? split(sheet.readAll(), "/* ", " */") : QHash<QString, QByteArray>();
    static const QRegularExpression variable(QStringLiteral("^var ([\\w$]+) = "), QRegularExpression::MultilineOption);
    QHash<QString, Output> compiled;
    for (auto it = m_outputOf.cbegin(); it != m_outputOf.cend(); ++it) {
        Output output;
        const QByteArray part = scripts.value(it.value());
        const auto name = variable.match(QString::fromUtf8(part));
        output.classes = "// " + it.value().toUtf8() + "\n" + part.trimmed() + "\n";
        if (name.hasMatch())
            output.classes += "export {\n  " + name.captured(1).toUtf8() + " as default\n};\n";
        output.css = sheets.value(it.value()).trimmed();
        if (!output.css.isEmpty())
            output.css = "/* " + it.value().toUtf8() + " */\n" + output.css + "\n";
        compiled.insert(it.key(), output);
    }
    return compiled;
}

} // namespace helios::ignis
