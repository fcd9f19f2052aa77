// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_module_cache.h"

#include "core/logging.h"
#include "ignis/dev/dev_files.h"
#include "ignis/dev/dev_module_compiler.h"
#include "ignis/dev/module_linker.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPromise>

namespace helios::ignis {

DevModuleCache::DevModuleCache(DevModuleCompiler &compiler, ModuleLinker &linker) : m_compiler(compiler), m_linker(linker) {}

DevModuleCache::~DevModuleCache() { waitForPackages(); }

QString DevModuleCache::absolute(const QString &urlPath) const { return m_compiler.projectDir() + urlPath; }

Result<QByteArray> DevModuleCache::compileModule(const QString &urlPath)
{
    auto compiled = m_compiler.compile(urlPath, DevModuleCompiler::Format::EsModule);
    HELIOS_TRY(compiled);
    return m_linker.link(urlPath, *compiled);
}

Result<QByteArray> DevModuleCache::compileFactory(const QString &urlPath)
{
    auto compiled = m_compiler.compile(urlPath, DevModuleCompiler::Format::Factory);
    HELIOS_TRY(compiled);
    const QByteArray factory = m_linker.linkFactory(urlPath, *compiled);
    m_factories.insert(urlPath, factory);
    return factory;
}

Result<QByteArray> DevModuleCache::module(const QString &urlPath)
{
    auto cached = m_modules.constFind(urlPath);
    if (cached != m_modules.constEnd())
        return *cached;
    auto compiled = compileModule(urlPath);
    HELIOS_TRY(compiled);
    m_modules.insert(urlPath, *compiled);
    return compiled;
}

Result<void> DevModuleCache::recompileModule(const QString &urlPath)
{
    auto compiled = compileModule(urlPath);
    HELIOS_TRY(compiled);
    m_modules.insert(urlPath, *compiled);
    return {};
}

QByteArray DevModuleCache::cssModuleJs(const QString &urlPath, const CssModuleCompiler::Output &output) const
{
    return "import { updateStyle, createHotContext } from \"" + m_linker.clientUrl() + "\";\n"
           "import.meta.hot = createHotContext(" + dev::jsString(urlPath) + ");\n"
           "updateStyle(" + dev::jsString(urlPath) + ", " + dev::jsString(QString::fromUtf8(output.css)) + ");\n" +
           output.classes;
}

// Keeps what CSS modules compiled to: served as modules, and for the bundled page as
// factories and stylesheets. Returns the paths whose class names changed.
QStringList DevModuleCache::takeCssModules(const QHash<QString, CssModuleCompiler::Output> &compiled)
{
    QStringList renamed;
    for (auto it = compiled.cbegin(); it != compiled.cend(); ++it) {
        m_cssModules.insert(it.key(), cssModuleJs(it.key(), it.value()));
        m_styles.insert(it.key(), it.value().css);
        const auto previous = m_cssClasses.constFind(it.key());
        if (previous != m_cssClasses.constEnd() && *previous != it.value().classes)
            renamed << it.key();
        m_cssClasses.insert(it.key(), it.value().classes);
        m_factories.insert(it.key(), ModuleBundle::cssModuleFactory(it.value().classes));
    }
    return renamed;
}

Result<QStringList> DevModuleCache::compileCssModules(const QStringList &urlPaths)
{
    auto compiled = m_compiler.compileCssModules(urlPaths);
    HELIOS_TRY(compiled);
    return takeCssModules(*compiled);
}

Result<QByteArray> DevModuleCache::cssModule(const QString &urlPath)
{
    auto cached = m_cssModules.constFind(urlPath);
    if (cached != m_cssModules.constEnd())
        return *cached;
    if (!QFileInfo::exists(absolute(urlPath)))
        return makeError(ErrorCode::NotFound, QStringLiteral("no stylesheet %1").arg(urlPath));
    auto compiled = compileCssModules({urlPath});
    HELIOS_TRY(compiled);
    return m_cssModules.value(urlPath);
}

void DevModuleCache::readStylesheet(const QString &urlPath, bool added)
{
    m_styles.insert(urlPath, dev::readFile(absolute(urlPath)));
    if (added)
        m_factories.insert(urlPath, QByteArray());  // in the registry, so importing it resolves
}

void DevModuleCache::warm()
{
    if (m_warmed)
        return;
    m_warmed = true;
    QElapsedTimer clock;
    clock.start();
    const QString projectDir = m_compiler.projectDir();
    QStringList urlPaths;
    QStringList cssModulePaths;
    QStringList plainCss;
    QDirIterator it(projectDir + QStringLiteral("/src"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString urlPath = QLatin1Char('/') + QDir(projectDir).relativeFilePath(it.next());
        if (dev::isModule(urlPath) && !m_modules.contains(urlPath))
            urlPaths << urlPath;
        else if (urlPath.endsWith(QLatin1String(".module.css")))
            cssModulePaths << urlPath;
        else if (urlPath.endsWith(QLatin1String(".css")))
            plainCss << urlPath;
    }
    // Both esbuild calls at once: they overlap on two cores.
    std::unique_ptr<CssModuleCompiler> cssCompiler;
    if (!cssModulePaths.isEmpty())
        cssCompiler = m_compiler.startCssModules(cssModulePaths);
    auto batch = m_compiler.compileBatch(urlPaths, DevModuleCompiler::Format::Factory);
    const qint64 modulesMs = clock.elapsed();
    bool cssOk = true;
    if (cssCompiler) {
        auto compiled = cssCompiler->finish();
        cssOk = compiled.ok();
        if (cssOk)
            takeCssModules(*compiled);
    }
    const qint64 cssMs = clock.elapsed();
    if (batch.ok() && cssOk) {
        m_bundled = true;
        for (auto it = batch->cbegin(); it != batch->cend(); ++it)
            m_factories.insert(it.key(), m_linker.linkFactory(it.key(), it.value()));
        if (m_linker.enableReactRefresh(m_compiler.toolchain().nodeModules))  // linked again, now registering their components
            for (auto it = batch->cbegin(); it != batch->cend(); ++it)
                if (dev::usesJsx(it.key()))
                    m_factories.insert(it.key(), m_linker.linkFactory(it.key(), it.value()));
        for (const QString &path : std::as_const(plainCss))
            readStylesheet(path, true);
    } else {
        for (const QString &urlPath : std::as_const(urlPaths))
            if (auto compiled = compileModule(urlPath); compiled.ok())
                m_modules.insert(urlPath, *compiled);
        if (m_linker.enableReactRefresh(m_compiler.toolchain().nodeModules))
            for (const QString &path : m_modules.keys())
                if (dev::usesJsx(path))
                    if (auto compiled = compileModule(path); compiled.ok())
                        m_modules.insert(path, *compiled);
    }
    qCDebug(lcIgnis).nospace() << "first page: " << urlPaths.size() << " modules compiled by " << modulesMs << " ms, "
                               << cssModulePaths.size() << " CSS modules by " << cssMs << " ms, linked by "
                               << clock.elapsed() << " ms";
    m_bundledPackages = m_linker.bareImports();
    QPromise<void> done;
    m_packagesReady = done.future();
    m_packagesThread = std::thread([this, packages = m_bundledPackages, done = std::move(done)]() mutable {
        done.start();
        m_compiler.bundlePackages(packages);
        done.finish();
    });
}

void DevModuleCache::waitForPackages()
{
    if (m_packagesThread.joinable())
        m_packagesThread.join();
}

bool DevModuleCache::lacksPackages()
{
    waitForPackages();
    return m_linker.bareImports() != m_bundledPackages;
}

void DevModuleCache::bundlePackages()
{
    waitForPackages();
    m_compiler.bundlePackages(m_linker.bareImports());
    m_bundledPackages = m_linker.bareImports();
}

ModuleBundle::Input DevModuleCache::bundleInput(const QStringList &entries) const
{
    return {entries, &m_factories, &m_linker.dependencies(), &m_styles, m_linker.clientUrl()};
}

} // namespace helios::ignis
