// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/css_module_compiler.h"

#include "ignis/dev/css_module_scoper.h"
#include "ignis/dev/dev_files.h"
#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

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

namespace {

// A CSS module's output as esbuild gives it: `var <name> = {...};` exported as default,
// and its stylesheet, each after a comment naming it (the path relative to the project).
CssModuleCompiler::Output moduleOutput(const QString &relativePath, const QByteArray &classesVar, const QByteArray &name,
                                       const QByteArray &css)
{
    CssModuleCompiler::Output output;
    output.classes = "// " + relativePath.toUtf8() + "\n" + classesVar.trimmed() + "\n";
    if (!name.isEmpty())
        output.classes += "export {\n  " + name + " as default\n};\n";
    output.css = css.trimmed();
    if (!output.css.isEmpty())
        output.css = "/* " + relativePath.toUtf8() + " */\n" + output.css + "\n";
    return output;
}

// The name esbuild's `var <name> = {...};` declares; empty if none.
QByteArray declaredName(const QByteArray &classesVar)
{
    static const QRegularExpression variable(QStringLiteral("^var ([\\w$]+) = "), QRegularExpression::MultilineOption);
    return variable.match(QString::fromUtf8(classesVar)).captured(1).toUtf8();
}

// Scoped class names are ASCII: a JavaScript identifier is word bytes not led by a digit.
bool isIdentifier(QByteArrayView name)
{
    return !name.isEmpty() && !(name.front() >= '0' && name.front() <= '9') &&
           std::all_of(name.begin(), name.end(), dev::isWordByte);
}

// The class names as esbuild prints them: keys that are not identifiers quoted.
QByteArray classesVar(const QByteArray &name, const ScopedCssModule &scoped)
{
    QByteArray out = "var " + name + " = {";
    for (qsizetype i = 0; i < scoped.classes.size(); ++i) {
        const auto &[local, global] = scoped.classes.at(i);
        out += (i ? ",\n  " : "\n  ") + (isIdentifier(local) ? local : QByteArray('"' + local + '"')) + ": \"" + global + '"';
    }
    return out + (scoped.classes.isEmpty() ? "};" : "\n};");
}

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

void CssModuleCompiler::start(const QStringList &urlPaths)
{
    // The modules the scoper takes need no esbuild. Not those whose stems other modules
    // share: esbuild tells their names apart within one call.
    QByteArrayList stemOf;
    QHash<QByteArray, int> stems;
    for (const QString &urlPath : urlPaths)
        ++stems[stemOf.emplace_back(cssModuleStem(QFileInfo(urlPath).fileName()))];
    QStringList forEsbuild;
    for (qsizetype i = 0; i < urlPaths.size(); ++i) {
        const QString &urlPath = urlPaths.at(i);
        const QByteArray &stem = stemOf.at(i);
        bool read = false;
        const QByteArray css = stem.isEmpty() || stems.value(stem) > 1 ? QByteArray() : dev::readFile(m_projectDir + urlPath, &read);
        const std::optional<ScopedCssModule> scoped = read ? scopeCssModule(QFileInfo(urlPath).fileName(), css) : std::nullopt;
        if (scoped) {
            const QByteArray name = stem + "_default";
            m_scoped.insert(urlPath, moduleOutput(urlPath.mid(1), classesVar(name, *scoped), name, scoped->css));
        } else {
            forEsbuild << urlPath;
        }
    }
    if (forEsbuild.isEmpty())
        return;

    // One entry re-exporting every CSS module: esbuild writes one script and one
    // stylesheet, with a `// path` / `/* path */` comment before each module's part,
    // instead of two files per module (which costs far more than compiling them).
    QDir(m_stubDir).removeRecursively();
    QDir().mkpath(m_stubDir + QStringLiteral("/out"));
    QByteArray entry;
    for (qsizetype i = 0; i < forEsbuild.size(); ++i) {
        entry += "export { default as m" + QByteArray::number(i) + " } from " + dev::jsString(m_projectDir + forEsbuild.at(i)) + ";\n";
        m_outputOf.insert(forEsbuild.at(i), forEsbuild.at(i).mid(1));
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


Result<QHash<QString, CssModuleCompiler::Output>> CssModuleCompiler::finish()
{
    if (!m_error.isEmpty())
        return makeError(ErrorCode::Io, m_error);
    if (!m_process)
        return m_scoped;
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
    QHash<QString, Output> compiled = m_scoped;
    for (auto it = m_outputOf.cbegin(); it != m_outputOf.cend(); ++it) {
        const QByteArray script = scripts.value(it.value());
        compiled.insert(it.key(), moduleOutput(it.value(), script, declaredName(script), sheets.value(it.value())));
    }
    return compiled;
}

} // namespace helios::ignis
