// SPDX-License-Identifier: Apache-2.0
#include "ignis/esbuild_bundle.h"

#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace helios::ignis {

namespace {

// Files referenced from code or CSS are copied beside the bundle under a hashed name.
const QStringList &assetExtensions()
{
    static const QStringList extensions{QStringLiteral(".png"), QStringLiteral(".jpg"), QStringLiteral(".jpeg"),
                                        QStringLiteral(".gif"), QStringLiteral(".webp"), QStringLiteral(".avif"),
                                        QStringLiteral(".svg"), QStringLiteral(".woff"), QStringLiteral(".woff2"),
                                        QStringLiteral(".ttf"), QStringLiteral(".otf")};
    return extensions;
}

constexpr int BundleTimeoutMs = 10 * 60 * 1000;

} // namespace

EsbuildBundle::EsbuildBundle(const EsbuildToolchain &toolchain, const ProjectConfig &config, const BuildEntry &entry,
                             const QString &stagingRoot)
    : m_toolchain(toolchain), m_config(config), m_entry(entry), m_stagingRoot(stagingRoot),
      m_metafile(stagingRoot + QStringLiteral("/.meta-") + entry.name + QStringLiteral(".json"))
{
}

EsbuildBundle::~EsbuildBundle()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
}

QStringList EsbuildBundle::arguments() const
{
    const QString names = m_entry.hashNames ? QStringLiteral("[name]-[hash]") : QStringLiteral("[name]");
    QStringList args{m_entry.entry,
                     QStringLiteral("--bundle"),
                     QStringLiteral("--minify"),
                     QStringLiteral("--sourcemap"),
                     QStringLiteral("--format=esm"),
                     QStringLiteral("--platform=browser"),
                     QStringLiteral("--target=") + m_config.target,
                     QStringLiteral("--jsx=automatic"),
                     QStringLiteral("--outdir=") + m_stagingRoot + QLatin1Char('/') + m_entry.outSubdir,
                     QStringLiteral("--entry-names=") + names,
                     QStringLiteral("--chunk-names=chunks/[name]-[hash]"),
                     QStringLiteral("--asset-names=[name]-[hash]"),
                     QStringLiteral("--metafile=") + m_metafile,
                     QStringLiteral("--define:process.env.NODE_ENV=\"production\""),
                     QStringLiteral("--log-level=warning"),
                     QStringLiteral("--log-limit=0"),
                     QStringLiteral("--color=false")};
    for (const QString &extension : assetExtensions())
        args << QStringLiteral("--loader:%1=file").arg(extension);
    for (const QString &external : m_entry.external)
        args << QStringLiteral("--external:") + external;
    return args;
}

void EsbuildBundle::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_config.projectDir);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProcessEnvironment(m_toolchain.oneShotEnvironment());
    m_process->start(m_toolchain.binary, arguments());
}

void EsbuildBundle::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

EsbuildBundle::Result EsbuildBundle::wait(const std::atomic_bool *cancelled)
{
    Result result;
    BuildMessage failure;
    failure.text = QStringLiteral("esbuild (%1) ").arg(m_toolchain.binary);
    // An event loop that ran since start() (a registry lookup waits in one) may have
    // seen esbuild start and even finish already: only a failed start is a failure.
    if (m_process->state() == QProcess::Starting)
        m_process->waitForStarted(10000);
    if (m_process->error() == QProcess::FailedToStart || m_process->state() == QProcess::Starting) {
        failure.text += QStringLiteral("did not start: ") + m_process->errorString();
        result.messages.append(failure);
        return result;
    }
    // Short waits so a cancel is noticed; waitForFinished() is false for a process that
    // already ended, so the state decides.
    QElapsedTimer waited;
    waited.start();
    while (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(100)) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        const bool stop = cancelled && cancelled->load();
        if (stop || waited.elapsed() > BundleTimeoutMs) {
            kill();
            failure.text += stop ? QStringLiteral("was stopped: the build was cancelled")
                                 : QStringLiteral("took longer than %1 minutes and was stopped").arg(BundleTimeoutMs / 60000);
            result.messages.append(failure);
            return result;
        }
    }
    const QByteArray stderrText = m_process->readAllStandardError();
    result.messages = parseEsbuildMessages(stderrText);
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        if (!hasErrors(result.messages)) {
            failure.text += QStringLiteral("failed (exit code %1): %2")
                                .arg(m_process->exitCode())
                                .arg(QString::fromUtf8(stderrText).trimmed().left(2000));
            result.messages.append(failure);
        }
        return result;
    }
    Result metafile = readMetafile();
    metafile.messages = result.messages + metafile.messages;
    return metafile;
}

EsbuildBundle::Result EsbuildBundle::readMetafile() const
{
    Result result;
    QFile file(m_metafile);
    QJsonParseError error;
    const QJsonDocument document =
        file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error) : QJsonDocument();
    file.close();
    QFile::remove(m_metafile);
    if (!document.isObject()) {
        BuildMessage message;
        message.text = QStringLiteral("esbuild wrote no readable metafile for entry \"%1\"").arg(m_entry.name);
        result.messages.append(message);
        return result;
    }
    // Metafile paths are relative to esbuild's working directory, the project.
    const QDir project(m_config.projectDir);
    const QDir staging(m_stagingRoot);
    const QJsonObject outputs = document.object().value(QStringLiteral("outputs")).toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject output = it.value().toObject();
        Output out;
        out.path = staging.relativeFilePath(project.absoluteFilePath(it.key()));
        out.bytes = output.value(QStringLiteral("bytes")).toInteger();
        out.entryPoint = output.value(QStringLiteral("entryPoint")).toString();
        if (const QString css = output.value(QStringLiteral("cssBundle")).toString(); !css.isEmpty())
            out.cssBundle = staging.relativeFilePath(project.absoluteFilePath(css));
        result.outputs.append(out);
    }
    const QJsonObject inputs = document.object().value(QStringLiteral("inputs")).toObject();
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        const QString &path = it.key();
        // Namespaced inputs ("<define:...>") and anything outside the project (the
        // toolchain's node_modules) are covered by other parts of the cache key.
        if (path.contains(QLatin1Char(':')) || path.startsWith(QLatin1String("../")) || path.startsWith(QLatin1Char('/')) ||
            path.startsWith(QLatin1String("node_modules/")))
            continue;
        result.inputs << path;
    }
    result.ok = true;
    return result;
}

} // namespace helios::ignis
