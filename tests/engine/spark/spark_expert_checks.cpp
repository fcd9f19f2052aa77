// SPDX-License-Identifier: Apache-2.0
#include "spark_expert_checks.h"

#include "spark/token_palette.h"
#include "spark/validation/a11y_lint.h"
#include "spark/validation/token_lint.h"
#include "test_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace helios::spark::test {

namespace {

struct Ran {
    int exitCode = -1;
    QString output;
};

Ran run(const QString &program, const QStringList &arguments, const QString &workDir)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), QStringLiteral(HELIOS_SOURCE_DIR "/resources/toolchain/node_modules"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return {-1, program + QStringLiteral(" did not finish")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
}

// Every story rendered with react-dom/server, printed as {story: html}.
const char renderer[] =
    "import { createElement } from 'react';\n"
    "import { renderToStaticMarkup } from 'react-dom/server';\n"
    "import meta, * as stories from './components/NAME/NAME.stories';\n"
    "const html: Record<string, string> = {};\n"
    "for (const [key, value] of Object.entries(stories)) {\n"
    "  if (key !== 'default') html[key] = renderToStaticMarkup(createElement(meta.component as any, (value as any).args));\n"
    "}\n"
    "console.log(JSON.stringify(html));\n";

} // namespace

QString pinnedEsbuild()
{
    const QString path = QStringLiteral(HELIOS_SOURCE_DIR "/resources/toolchain/node_modules/@esbuild/linux-x64/bin/esbuild");
    return QFileInfo(path).isExecutable() ? path : QString();
}

QByteArray contentOf(const GeneratedComponent &component, const QString &path)
{
    for (const GeneratedFile &file : component.files) {
        if (file.path == path)
            return file.content;
    }
    return {};
}

QStringList lintFindings(const GeneratedComponent &component, const TokenPalette &palette)
{
    const TokenLint tokens(palette);
    const A11yLint a11y;
    QList<ValidationIssue> issues;
    for (const GeneratedFile &file : component.files) {
        const QString text = QString::fromUtf8(file.content);
        if (file.path.endsWith(QLatin1StringView(".css"))) {
            tokens.lintStylesheet(file.path, text, issues);
        } else if (file.path.endsWith(QLatin1StringView(".tsx"))) {
            tokens.lintInlineStyles(file.path, text, issues);
            a11y.lint(file.path, text, issues);
        }
    }
    QStringList findings;
    for (const ValidationIssue &issue : issues)
        findings.append(QStringLiteral("%1:%2:%3: %4").arg(issue.file).arg(issue.line).arg(issue.column).arg(issue.message));
    return findings;
}

QString bundleAndRender(const GeneratedComponent &component)
{
    const QString esbuild = pinnedEsbuild();
    if (esbuild.isEmpty())
        return QStringLiteral("the pinned esbuild is missing: run scripts/setup");
    QTemporaryDir dir;
    if (!dir.isValid())
        return QStringLiteral("no temporary directory");
    if (qEnvironmentVariableIsSet("SPARK_EXPERTS_KEEP")) {
        dir.setAutoRemove(false);
        qInfo("kept %s", qPrintable(dir.path()));
    }
    const QString root = dir.path() + QStringLiteral("/src/components/");
    for (const GeneratedFile &file : component.files) {
        if (!writeFile(root + file.path, file.content))
            return QStringLiteral("could not write ") + root + file.path;
    }
    const QString folder = root + component.name + QLatin1Char('/');
    const QStringList common = {QStringLiteral("--bundle"), QStringLiteral("--jsx=automatic"), QStringLiteral("--loader:.css=local-css")};
    const Ran bundle = run(esbuild,
                           QStringList{folder + QStringLiteral("index.ts"), folder + component.name + QStringLiteral(".stories.tsx")} + common
                               + QStringList{QStringLiteral("--format=esm"), QStringLiteral("--external:react"),
                                             QStringLiteral("--external:react/jsx-runtime"), QStringLiteral("--log-level=warning"),
                                             QStringLiteral("--outdir=") + dir.path() + QStringLiteral("/out")},
                           dir.path());
    if (bundle.exitCode != 0 || !bundle.output.isEmpty())
        return QStringLiteral("esbuild: ") + bundle.output;

    const QString entryPath = dir.path() + QStringLiteral("/src/render.tsx");
    if (!writeFile(entryPath, QByteArray(renderer).replace("NAME", component.name.toUtf8())))
        return QStringLiteral("could not write the renderer");
    const Ran node = run(esbuild,
                         QStringList{entryPath} + common
                             + QStringList{QStringLiteral("--platform=node"), QStringLiteral("--log-level=error"),
                                           QStringLiteral("--outfile=") + dir.path() + QStringLiteral("/render.js")},
                         dir.path());
    if (node.exitCode != 0)
        return QStringLiteral("esbuild (renderer): ") + node.output;
    const Ran rendered = run(QStringLiteral("node"), {dir.path() + QStringLiteral("/render.js")}, dir.path());
    if (rendered.exitCode != 0)
        return QStringLiteral("render: ") + rendered.output;
    const QJsonObject html = QJsonDocument::fromJson(rendered.output.toUtf8()).object();
    if (html.isEmpty())
        return QStringLiteral("no story rendered: ") + rendered.output;
    for (auto it = html.begin(); it != html.end(); ++it) {
        if (it.value().toString().size() < 20)
            return QStringLiteral("story %1 rendered nearly nothing: %2").arg(it.key(), it.value().toString());
    }
    return {};
}

} // namespace helios::spark::test
