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

DevModuleCache::~DevModuleCache()
{
    if (m_compileThread.joinable())
        m_compileThread.join();
    waitForPackages();
}

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

QByteArray DevModuleCache::cssModuleJs(const QString &urlPath) const
{
    return "import { updateStyle, createHotContext } from \"" + m_linker.clientUrl() + "\";\n"
           "import.meta.hot = createHotContext(" + dev::jsString(urlPath) + ");\n"
           "updateStyle(" + dev::jsString(urlPath) + ", " + dev::jsString(QByteArrayView(m_styles.value(urlPath))) + ");\n" +
           m_cssClasses.value(urlPath);
}

// Keeps what CSS modules compiled to: served as modules, and for the bundled page as
// factories and stylesheets. Returns the paths whose class names changed.
QStringList DevModuleCache::takeCssModules(const QHash<QString, CssModuleCompiler::Output> &compiled)
{
    QStringList renamed;
    for (auto it = compiled.cbegin(); it != compiled.cend(); ++it) {
        m_cssModules.insert(it.key(), QByteArray());  // made when asked for: most pages load the bundle
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
    auto cached = m_cssModules.find(urlPath);
    if (cached == m_cssModules.end()) {
        if (!QFileInfo::exists(absolute(urlPath)))
            return makeError(ErrorCode::NotFound, QStringLiteral("no stylesheet %1").arg(urlPath));
        auto compiled = compileCssModules({urlPath});
        HELIOS_TRY(compiled);
        cached = m_cssModules.find(urlPath);
    }
    if (cached->isEmpty())
        *cached = cssModuleJs(urlPath);
    return *cached;
}

void DevModuleCache::readStylesheet(const QString &urlPath, bool added)
{
    m_styles.insert(urlPath, dev::readFile(absolute(urlPath)));
    if (added)
        m_factories.insert(urlPath, QByteArray());  // in the registry, so importing it resolves
}

// Compiles every module of the project as a factory of the bundled page in one esbuild
// call, and meanwhile every CSS module (in another, when the scoper leaves any).
// Touches nothing of the cache's: it may run on another thread (startWarming()).
DevModuleCache::FirstPage DevModuleCache::compileFirstPage(const QSet<QString> &served) const
{
    QElapsedTimer clock;
    clock.start();
    FirstPage page;
    const QString projectDir = m_compiler.projectDir();
    QDirIterator it(projectDir + QStringLiteral("/src"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString urlPath = it.next().sliced(projectDir.size());  // "/src/..."
        if (dev::isModule(urlPath) && !served.contains(urlPath))
            page.modules << urlPath;
        else if (urlPath.endsWith(QLatin1String(".module.css")))
            page.cssModules << urlPath;
        else if (urlPath.endsWith(QLatin1String(".css")))
            page.plainCss << urlPath;
    }
    page.scannedMs = clock.elapsed();
    std::unique_ptr<CssModuleCompiler> cssCompiler;
    page.batch = m_compiler.compileBatch(page.modules, DevModuleCompiler::Format::Factory, [&] {
        if (!page.cssModules.isEmpty())
            cssCompiler = m_compiler.startCssModules(page.cssModules);
        page.scopedMs = clock.elapsed();
    });
    page.modulesMs = clock.elapsed();
    if (page.batch->ok()) {
        const QString &nodeModules = m_compiler.toolchain().nodeModules;
        page.packageSpecifiers = ModuleLinker::packagesOf(**page.batch, nodeModules);
        page.packages = PackageFactories::collect(page.packageSpecifiers, projectDir, nodeModules);
    }
    page.packagesMs = clock.elapsed();
    if (cssCompiler)
        page.css = cssCompiler->finish();
    page.cssMs = clock.elapsed();
    return page;
}

void DevModuleCache::startWarming()
{
    if (m_warmed || m_compileThread.joinable())
        return;
    QPromise<void> done;
    m_firstPageCompiled = done.future();
    m_compileThread = std::thread([this, served = QSet<QString>(m_modules.keyBegin(), m_modules.keyEnd()),
                                   done = std::move(done)]() mutable {
        done.start();
        m_firstPage = compileFirstPage(served);
        done.finish();
    });
}

void DevModuleCache::finishWarming()
{
    if (m_compileThread.joinable())
        warm();
}

void DevModuleCache::warm()
{
    if (m_warmed)
        return;
    m_warmed = true;
    QElapsedTimer clock;
    clock.start();
    if (m_compileThread.joinable())
        m_compileThread.join();
    else
        m_firstPage = compileFirstPage(QSet<QString>(m_modules.keyBegin(), m_modules.keyEnd()));
    FirstPage page = *std::exchange(m_firstPage, std::nullopt);
    const qint64 waitedMs = clock.elapsed();
    const bool cssOk = !page.css || page.css->ok();
    if (cssOk && page.css)
        takeCssModules(**page.css);
    const QString &nodeModules = m_compiler.toolchain().nodeModules;
    if (page.batch->ok() && cssOk) {
        m_bundled = true;
        const QHash<QString, QByteArray> &batch = **page.batch;
        // The packages are known before the factories are linked: a pre-bundle, if they
        // need one, starts first, beside the linking.
        const QSet<QString> packages = page.packageSpecifiers | m_linker.bareImports();
        if (packages != page.packageSpecifiers)  // modules served before the page import more
            page.packages = PackageFactories::collect(packages, m_compiler.projectDir(), nodeModules);
        if (!usePackageFactories(*page.packages)) {
            m_bundledPackages = packages;
            startBundlingPackages(packages);
        }
        for (auto it = batch.cbegin(); it != batch.cend(); ++it)
            m_factories.insert(it.key(), m_linker.linkFactory(it.key(), it.value(), ModuleLinker::Helpers::Shared));
        if (m_linker.enableReactRefresh(nodeModules))  // now registering their components
            for (auto it = batch.cbegin(); it != batch.cend(); ++it)
                if (dev::usesJsx(it.key()))
                    m_factories.insert(it.key(), m_linker.withRefresh(it.key(), m_factories.value(it.key())));
        for (const QString &path : page.plainCss)
            readStylesheet(path, true);
    } else {
        for (const QString &urlPath : page.modules)
            if (auto compiled = compileModule(urlPath); compiled.ok())
                m_modules.insert(urlPath, *compiled);
        if (m_linker.enableReactRefresh(nodeModules))
            for (const QString &path : m_modules.keys())
                if (dev::usesJsx(path))
                    if (auto compiled = compileModule(path); compiled.ok())
                        m_modules.insert(path, *compiled);
        m_bundledPackages = m_linker.bareImports();
        startBundlingPackages(m_bundledPackages);
    }
    qCDebug(lcIgnis).nospace() << "first page, ms from the start: files found " << page.scannedMs << ", "
                               << page.cssModules.size() << " CSS modules scoped " << page.scopedMs << ", "
                               << page.modules.size() << " modules compiled " << page.modulesMs << ", packages read "
                               << page.packagesMs << ", CSS modules "
                               << page.cssMs << "; then waited " << waitedMs << " ms, linked in "
                               << clock.elapsed() - waitedMs << " ms";
    if (m_linker.bareImports() != m_bundledPackages)  // lacksPackages() will tell
        qCWarning(lcIgnis) << "dev server: the first page imports other packages than its factories showed";
}

bool DevModuleCache::usePackageFactories(const Result<PackageFactories> &packages)
{
    dropPackageFactories();
    if (!packages.ok()) {
        qCDebug(lcIgnis) << "dev server: packages pre-bundled:" << packages.error().toString();
        return false;
    }
    for (auto it = packages->factories().cbegin(); it != packages->factories().cend(); ++it)
        m_factories.insert(it.key(), it.value());
    m_packageDependencies = packages->dependencies();
    m_bundledPackages = packages->specifiers();
    m_packageFactories = true;
    return true;
}

void DevModuleCache::dropPackageFactories()
{
    for (auto it = m_packageDependencies.cbegin(); it != m_packageDependencies.cend(); ++it)
        m_factories.remove(it.key());
    m_packageDependencies.clear();
    m_packageFactories = false;
}

void DevModuleCache::startBundlingPackages(const QSet<QString> &packages)
{
    m_preBundled = packages;
    QPromise<void> done;
    m_packagesReady = done.future();
    m_packagesThread = std::thread([this, packages, done = std::move(done)]() mutable {
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
    const QSet<QString> packages = m_linker.bareImports();
    if (m_packageFactories &&
        usePackageFactories(PackageFactories::collect(packages, m_compiler.projectDir(), m_compiler.toolchain().nodeModules)))
        return;
    m_compiler.bundlePackages(packages);
    m_bundledPackages = packages;
    m_preBundled = packages;
}

QFuture<void> DevModuleCache::preBundle()
{
    // Every package the modules import: an ES module that imports one more than the
    // first page did (a mended module of a page that did not compile) finds it too.
    if (m_warmed && m_preBundled != m_linker.bareImports()) {
        waitForPackages();
        startBundlingPackages(m_linker.bareImports());
    }
    return m_packagesReady;
}

ModuleBundle::Input DevModuleCache::bundleInput(const QStringList &entries) const
{
    return {entries,
            &m_factories,
            &m_linker.dependencies(),
            &m_styles,
            m_linker.clientUrl(),
            m_linker.sharedHelpers(),
            m_packageFactories ? &m_packageDependencies : nullptr,
            m_linker.reactRefresh() ? ModuleLinker::refreshRuntimeUrl() : QString()};
}

} // namespace helios::ignis
