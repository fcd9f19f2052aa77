// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/compile_check.h"

#include "core/logging.h"
#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace helios::spark {

namespace {

ValidationIssue compileIssue(const QString &file, const QString &message)
{
    ValidationIssue issue;
    issue.check = QStringLiteral("compile");
    issue.file = file;
    issue.message = message;
    return issue;
}

} // namespace

void CompileCheck::check(const QString &name, const QList<GeneratedFile> &files, QList<ValidationIssue> &issues) const
{
    if (m_toolchain.binary.isEmpty()) {
        issues.append(compileIssue({}, QStringLiteral("esbuild is not available, so the component could not be "
                                                      "compiled: run scripts/setup or set HELIOS_ESBUILD")));
        return;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        issues.append(compileIssue({}, QStringLiteral("cannot create a temporary directory to compile in: ")
                                           + dir.errorString()));
        return;
    }
    const QString root = dir.path();
    QStringList entries;
    QStringList tsxFiles;
    bool hasIndex = false;
    for (const GeneratedFile &file : files) {
        const QString path = root + QLatin1Char('/') + file.path;
        QDir().mkpath(QFileInfo(path).path());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size()) {
            issues.append(compileIssue(file.path, QStringLiteral("cannot write the file to compile it: ") + out.errorString()));
            return;
        }
        const QString fileName = QFileInfo(file.path).fileName();
        if (file.path == name + QStringLiteral("/index.ts") || file.path == name + QStringLiteral("/index.tsx")) {
            hasIndex = true;
            entries.prepend(file.path);
        } else if (fileName.endsWith(QLatin1StringView(".stories.tsx"))) {
            entries.append(file.path);   // the stories are not reachable from the index
        } else if (fileName.endsWith(QLatin1StringView(".tsx"))) {
            tsxFiles.append(file.path);
        }
    }
    if (!hasIndex)
        entries += tsxFiles;
    if (entries.isEmpty()) {
        issues.append(compileIssue(name, QStringLiteral("nothing to compile: the component has no index.ts and no .tsx file")));
        return;
    }

    QStringList arguments = entries;
    arguments << QStringLiteral("--bundle") << QStringLiteral("--external:react") << QStringLiteral("--external:react-dom")
              << QStringLiteral("--external:react/jsx-runtime") << QStringLiteral("--external:react/*")
              << QStringLiteral("--external:react-dom/*") << QStringLiteral("--jsx=automatic")
              << QStringLiteral("--loader:.css=local-css") << QStringLiteral("--format=esm")
              << QStringLiteral("--log-level=error") << QStringLiteral("--color=false")
              << QStringLiteral("--outdir=") + root + QStringLiteral("/.out");
    QProcess process;
    process.setWorkingDirectory(root);
    process.setProcessEnvironment(m_toolchain.processEnvironment());
    process.start(m_toolchain.binary, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        issues.append(compileIssue({}, QStringLiteral("esbuild did not start: ") + process.errorString()));
        return;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        issues.append(compileIssue({}, QStringLiteral("esbuild did not finish within %1 s").arg(timeoutMs / 1000)));
        return;
    }
    const QByteArray errors = process.readAllStandardError();
    const ignis::BuildMessages messages = ignis::parseEsbuildMessages(errors);
    bool reportedError = false;
    for (const ignis::BuildMessage &message : messages) {
        ValidationIssue issue = compileIssue(QDir::cleanPath(message.file), message.text);
        if (message.file.isEmpty())
            issue.file.clear();
        issue.line = message.line;
        issue.column = message.column;
        issue.error = message.isError();
        reportedError = reportedError || issue.error;
        issues.append(issue);
    }
    if ((process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) && !reportedError) {
        const QString text = QString::fromUtf8(errors).trimmed();
        issues.append(compileIssue({}, QStringLiteral("esbuild failed (exit code %1)%2")
                                           .arg(process.exitCode())
                                           .arg(text.isEmpty() ? QString() : QStringLiteral(": ") + text.left(2000))));
    }
    qCDebug(lcSpark) << "compiled" << name << "with" << entries.size() << "entries," << messages.size() << "messages";
}

} // namespace helios::spark
