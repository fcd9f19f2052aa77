// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_module_compiler.h"

#include "core/config.h"
#include "core/logging.h"
#include "ignis/dev/dependency_bundler.h"
#include "ignis/dev/dev_files.h"
#include "ignis/dev/transform_service.h"
#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <deque>

namespace helios::ignis {

namespace {

QString loaderFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".tsx")))
        return QStringLiteral("tsx");
    if (path.endsWith(QLatin1String(".ts")))
        return QStringLiteral("ts");
    return QStringLiteral("jsx");  // .js and .jsx: JSX is allowed in either
}

QString formatName(DevModuleCompiler::Format format)
{
    return format == DevModuleCompiler::Format::Factory ? QStringLiteral("cjs") : QStringLiteral("esm");
}

// esbuild's options for a module, after what tells it the input.
QStringList commandLineOptions(DevModuleCompiler::Format format)
{
    QStringList args{QStringLiteral("--format=") + formatName(format),
                     QStringLiteral("--jsx=automatic"), QStringLiteral("--jsx-dev"),
                     QStringLiteral("--sourcemap=inline"), QStringLiteral("--target=es2020"),
                     QStringLiteral("--log-level=error"), QStringLiteral("--color=false")};
    if (format == DevModuleCompiler::Format::Factory)
        args << QStringLiteral("--define:import.meta.hot=__hmr");
    return args;
}

// The options for one module given as its source (the transform service, or stdin).
QStringList singleModuleOptions(const QString &urlPath, DevModuleCompiler::Format format)
{
    return QStringList{QStringLiteral("--loader=") + loaderFor(urlPath), QStringLiteral("--sourcefile=") + urlPath.mid(1)} +
           commandLineOptions(format);
}

} // namespace

DevModuleCompiler::DevModuleCompiler(const Config &config) : m_config(config) {}

DevModuleCompiler::~DevModuleCompiler() = default;

Result<void> DevModuleCompiler::open(const QString &projectDir)
{
    m_projectDir = projectDir;
    auto toolchain = EsbuildToolchain::locate(m_config, m_projectDir);
    HELIOS_TRY(toolchain);
    m_toolchain = *toolchain;
    m_workDir = m_projectDir + QStringLiteral("/.helios/dev");
    if (!QDir().mkpath(m_workDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the dev server's directory"), m_workDir);
    m_transforms = std::make_unique<TransformService>(m_toolchain, m_projectDir);
    return {};
}

void DevModuleCompiler::startTransforms()
{
    m_transforms->start();
}

QString DevModuleCompiler::depsDir() const { return m_workDir + QStringLiteral("/deps"); }

int DevModuleCompiler::serviceTransforms() const { return m_transforms ? m_transforms->requests() : 0; }

Result<QByteArray> DevModuleCompiler::failed(const QString &urlPath, BuildMessages messages)
{
    if (messages.isEmpty())
        messages.append(BuildMessage{BuildMessage::Severity::Error, urlPath.mid(1), 0, 0, QStringLiteral("esbuild failed"), {}, {}});
    for (BuildMessage &message : messages)
        if (message.file.isEmpty() || message.file == QLatin1String("<stdin>"))
            message.file = urlPath.mid(1);
    m_lastError = messages.first();
    return makeError(ErrorCode::InvalidArgument, messages.first().toString(), urlPath);
}

Result<QByteArray> DevModuleCompiler::compile(const QString &urlPath, Format format, const QByteArray *source)
{
    bool ok = true;
    const QByteArray code = source ? *source : dev::readFile(m_projectDir + urlPath, &ok);
    if (!ok)
        return makeError(ErrorCode::NotFound, QStringLiteral("no module %1").arg(urlPath));
    if (m_transforms && m_transforms->available()) {
        // Errors come back in the answer: nothing for the service to print.
        auto out = m_transforms->transform(code, singleModuleOptions(urlPath, format) << QStringLiteral("--log-level=silent"));
        if (out.ok()) {
            if (!out->errors.isEmpty())
                return failed(urlPath, out->errors);
            return out->code;
        }
    }
    return compileInProcess(urlPath, format, code);
}

Result<QByteArray> DevModuleCompiler::compileInProcess(const QString &urlPath, Format format, const QByteArray &source)
{
    QProcess esbuild;
    esbuild.setWorkingDirectory(m_projectDir);
    esbuild.setProcessEnvironment(m_toolchain.oneShotEnvironment());
    ++m_esbuildRuns;
    esbuild.start(m_toolchain.binary, singleModuleOptions(urlPath, format));
    esbuild.write(source);
    esbuild.closeWriteChannel();
    if (!esbuild.waitForFinished(30000))
        return makeError(ErrorCode::Timeout, QStringLiteral("esbuild did not compile %1 in time").arg(urlPath));
    if (esbuild.exitCode() != 0)
        return failed(urlPath, parseEsbuildMessages(esbuild.readAllStandardError()));
    return esbuild.readAllStandardOutput();
}

Result<QHash<QString, QByteArray>> DevModuleCompiler::compileBatch(const QStringList &urlPaths, Format format,
                                                                   const std::function<void()> &meanwhile)
{
    QTemporaryDir scratch(dev::scratchDir() + QStringLiteral("/helios-dev-XXXXXX"));
    if (!scratch.isValid())
        return makeError(ErrorCode::Io, QStringLiteral("cannot create a directory for compiled modules: %1").arg(scratch.errorString()));
    const QString outDir = scratch.path();
    // esbuild slows down more than linearly with the entry points of one call (3,000
    // modules: 3.8-5.8 s in one call, 2.3 s in six; 1,000: the same in one or two), so
    // the modules go in calls of at most 500, two at a time.
    constexpr qsizetype modulesPerCall = 500;
    constexpr size_t callsAtOnce = 2;
    std::deque<std::unique_ptr<QProcess>> running;
    bool compiles = true;
    const auto finishOldest = [&] {
        QProcess &esbuild = *running.front();
        compiles = esbuild.waitForFinished(120000) && esbuild.exitStatus() == QProcess::NormalExit &&
                   esbuild.exitCode() == 0 && compiles;
        running.pop_front();
    };
    bool ranMeanwhile = !meanwhile;
    for (qsizetype from = 0; from < urlPaths.size(); from += modulesPerCall) {
        if (running.size() == callsAtOnce) {
            if (!ranMeanwhile)
                meanwhile();
            ranMeanwhile = true;
            finishOldest();
        }
        QStringList args;
        for (const QString &urlPath : urlPaths.mid(from, modulesPerCall))
            args << urlPath.mid(1);
        args << QStringLiteral("--outdir=") + outDir << QStringLiteral("--outbase=.") << QStringLiteral("--loader:.js=jsx")
             << commandLineOptions(format);
        auto esbuild = std::make_unique<QProcess>();
        esbuild->setWorkingDirectory(m_projectDir);
        esbuild->setProcessEnvironment(m_toolchain.oneShotEnvironment());
        ++m_esbuildRuns;
        esbuild->start(m_toolchain.binary, args);
        running.push_back(std::move(esbuild));
    }
    if (!ranMeanwhile)
        meanwhile();
    while (!running.empty())
        finishOldest();
    if (!compiles)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a module does not compile"), m_projectDir);
    QHash<QString, QByteArray> compiled;
    for (const QString &urlPath : urlPaths) {
        QString out = outDir + urlPath;
        out = out.left(out.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".js");
        bool ok = false;
        compiled.insert(urlPath, dev::readFile(out, &ok));
        if (!ok)
            return makeError(ErrorCode::Io, QStringLiteral("esbuild wrote no %1").arg(out));
    }
    return compiled;
}

std::unique_ptr<CssModuleCompiler> DevModuleCompiler::startCssModules(const QStringList &urlPaths)
{
    auto compiler = std::make_unique<CssModuleCompiler>(m_toolchain, m_projectDir, m_workDir);
    compiler->start(urlPaths);
    if (compiler->startedEsbuild())
        ++m_esbuildRuns;
    return compiler;
}

Result<QHash<QString, CssModuleCompiler::Output>> DevModuleCompiler::compileCssModules(const QStringList &urlPaths)
{
    return startCssModules(urlPaths)->finish();
}

void DevModuleCompiler::bundlePackages(const QSet<QString> &specifiers)
{
    DependencyBundler bundler(m_toolchain, m_projectDir, depsDir());
    QStringList sorted(specifiers.cbegin(), specifiers.cend());
    sorted.sort();
    auto ran = bundler.bundle(sorted);
    if (!ran.ok())
        qCWarning(lcIgnis) << "dev server:" << ran.error().toString();
    else if (*ran)
        ++m_esbuildRuns;
}

} // namespace helios::ignis
