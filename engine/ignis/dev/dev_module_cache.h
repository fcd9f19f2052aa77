// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/dev/css_module_compiler.h"
#include "ignis/dev/module_bundle.h"
#include "ignis/dev/package_factories.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <thread>

namespace helios::ignis {

class DevModuleCompiler;
class ModuleLinker;

// What the dev server has compiled for the project, compiled when first asked for: the
// ES modules and CSS modules served one per request and, once the first page load has
// compiled every module (warm()), the bundled page's factories and stylesheets. The
// compiling is DevModuleCompiler's, the linking ModuleLinker's.
class DevModuleCache {
public:
    DevModuleCache(DevModuleCompiler &compiler, ModuleLinker &linker);
    ~DevModuleCache();

    // The first page load: every module of the project compiled in few esbuild calls (as
    // factories of the bundled page) while every CSS module compiles in another, so the
    // packages they import are known: their files join the bundle as factories too
    // (PackageFactories), or, when they are not plain CommonJS, are pre-bundled together
    // in one more esbuild call on another thread while the page loads (preBundle()). When
    // a module does not compile, the page falls back to one ES module per request, and
    // its packages to the pre-bundle. Once only; the compiling is done already, or
    // waited for, when startWarming() began it.
    void warm();
    // Begins the first page's compiling on another thread, before any page is asked for
    // (the dev server starts it with itself, so that compiling overlaps its own start and
    // the browser's). Nothing else may use the cache until firstPageCompiled() finished
    // and warm() (or finishWarming()) ran.
    void startWarming();
    QFuture<void> firstPageCompiled() const { return m_firstPageCompiled; }
    // warm(), when startWarming() began it.
    void finishWarming();
    // Whether warm() bundled the page.
    bool isBundled() const { return m_bundled; }

    // A module as served, compiled unless cached (NotFound: no such file).
    Result<QByteArray> module(const QString &urlPath);
    // A CSS module as an ES module: its class names, and its CSS handed to the client.
    Result<QByteArray> cssModule(const QString &urlPath);
    // A changed module compiled again as an ES module (the page is not bundled).
    Result<void> recompileModule(const QString &urlPath);
    void forgetModule(const QString &urlPath) { m_modules.remove(urlPath); }
    void forgetCssModule(const QString &urlPath) { m_cssModules.remove(urlPath); }

    // The bundled page's factory of a module, compiled again (or first).
    Result<QByteArray> compileFactory(const QString &urlPath);
    // CSS modules compiled again; the paths whose class names changed.
    Result<QStringList> compileCssModules(const QStringList &urlPaths);
    // A plain stylesheet read again into the bundled page (`added`: it is new to it).
    void readStylesheet(const QString &urlPath, bool added);

    bool hasFactory(const QString &urlPath) const { return m_factories.contains(urlPath); }
    QByteArray factory(const QString &urlPath) const { return m_factories.value(urlPath); }
    bool hasStyle(const QString &urlPath) const { return m_styles.contains(urlPath); }

    // Whether the modules import packages the page lacks; bundlePackages() gives it every
    // package imported. Both wait for a pre-bundle in progress.
    bool lacksPackages();
    void bundlePackages();
    // The pre-bundle /@deps/ serves, begun now when it lacks a package the modules import
    // (or the page's packages are factories and nobody asked for it before); finished
    // once it is written.
    QFuture<void> preBundle();
    void waitForPackages();

    // The bundled page of the entries (URL paths), for ModuleBundle.
    ModuleBundle::Input bundleInput(const QStringList &entries) const;

private:
    struct FirstPage {
        QStringList modules;  // URL paths
        QStringList cssModules;
        QStringList plainCss;
        std::optional<Result<QHash<QString, QByteArray>>> batch;
        std::optional<Result<QHash<QString, CssModuleCompiler::Output>>> css;  // none without CSS modules
        QSet<QString> packageSpecifiers;                   // the packages the modules import
        std::optional<Result<PackageFactories>> packages;  // those, read as factories
        qint64 scannedMs = 0;  // timings, from the start
        qint64 scopedMs = 0;
        qint64 modulesMs = 0;
        qint64 packagesMs = 0;
        qint64 cssMs = 0;
    };
    // `served`: modules already served one by one, compiled again by nobody.
    FirstPage compileFirstPage(const QSet<QString> &served) const;
    // The pre-bundle of the packages, on another thread (preBundle()).
    void startBundlingPackages(const QSet<QString> &packages);
    // Takes the packages as the page's factories; false (and why, in the debug log) when
    // they need the pre-bundle instead.
    bool usePackageFactories(const Result<PackageFactories> &packages);
    void dropPackageFactories();
    QByteArray cssModuleJs(const QString &urlPath) const;
    QStringList takeCssModules(const QHash<QString, CssModuleCompiler::Output> &compiled);
    Result<QByteArray> compileModule(const QString &urlPath);
    QString absolute(const QString &urlPath) const;

    DevModuleCompiler &m_compiler;
    ModuleLinker &m_linker;
    bool m_warmed = false;
    bool m_bundled = false;
    QHash<QString, QByteArray> m_modules;     // URL path -> served JavaScript
    QHash<QString, QByteArray> m_cssModules;  // URL path of a .module.css -> its JavaScript (empty: not made yet)
    // The bundled page (ModuleBundle).
    QHash<QString, QByteArray> m_factories;   // URL path -> factory (modules and stylesheets)
    QHash<QString, QByteArray> m_styles;      // URL path of imported CSS -> its CSS
    QHash<QString, QByteArray> m_cssClasses;  // URL path of a CSS module -> its class names module
    QSet<QString> m_bundledPackages;          // the packages the page has
    QSet<QString> m_preBundled;               // the packages in /@deps/ (or on their way)
    bool m_packageFactories = false;          // the page has its packages as factories
    QHash<QString, QStringList> m_packageDependencies;  // a package factory -> what it requires
    std::thread m_compileThread;              // the first page's compiling startWarming() began
    QFuture<void> m_firstPageCompiled;        // a default QFuture counts as finished
    std::optional<FirstPage> m_firstPage;     // its outcome, for warm()
    std::thread m_packagesThread;             // the pre-bundle in progress
    QFuture<void> m_packagesReady;            // a default QFuture counts as finished
};

} // namespace helios::ignis
