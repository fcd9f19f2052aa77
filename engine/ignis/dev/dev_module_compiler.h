// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_message.h"
#include "ignis/dev/css_module_compiler.h"
#include "ignis/esbuild_toolchain.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace helios {
class Config;
}

namespace helios::ignis {

class TransformService;

// The dev server's compilers, and the count of the esbuild processes they start: single
// modules through the long-lived transform process (TransformService) or an esbuild
// process when there is none, many modules in one esbuild call, CSS modules
// (CssModuleCompiler) and the packages the modules import (DependencyBundler). Its
// output is raw esbuild output; ModuleLinker makes it servable.
class DevModuleCompiler {
public:
    // An ES module for the browser, or a CommonJS factory for the bundled page
    // (import.meta.hot defined as __hmr).
    enum class Format { EsModule, Factory };

    explicit DevModuleCompiler(const Config &config);
    ~DevModuleCompiler();

    // Finds esbuild for the project and creates <project>/.helios/dev.
    Result<void> open(const QString &projectDir);
    // Starts the transform process (esbuild in service mode), which compiles single
    // modules once the page is up (the first compile() starts it otherwise). Not while
    // the first page compiles, which keeps both cores busy.
    void startTransforms();

    const QString &projectDir() const { return m_projectDir; }
    const EsbuildToolchain &toolchain() const { return m_toolchain; }
    // Where the pre-bundled packages are (/@deps/).
    QString depsDir() const;

    // One module (`urlPath` in the project, or `source` when given).
    Result<QByteArray> compile(const QString &urlPath, Format format, const QByteArray *source = nullptr);
    // Many modules in few esbuild calls (no bundling: one output per input; at most 500
    // modules a call, two calls at a time), the raw output by URL path. Fails as a whole
    // if any module does not compile; the caller then compiles one by one, so one broken
    // file costs only itself. `meanwhile` runs while esbuild does.
    Result<QHash<QString, QByteArray>> compileBatch(const QStringList &urlPaths, Format format,
                                                    const std::function<void()> &meanwhile = {});
    // CSS modules: plain ones scoped at once, the others in one esbuild call. start
    // returns while esbuild runs (the caller may compile JavaScript meanwhile); finish
    // with CssModuleCompiler::finish().
    std::unique_ptr<CssModuleCompiler> startCssModules(const QStringList &urlPaths);
    Result<QHash<QString, CssModuleCompiler::Output>> compileCssModules(const QStringList &urlPaths);
    // Pre-bundles the packages into depsDir(); a failure is logged (the page then
    // reports the missing package). May run on another thread while modules compile.
    void bundlePackages(const QSet<QString> &specifiers);

    // The error of the last module that did not compile, located for the overlay.
    const std::optional<BuildMessage> &lastError() const { return m_lastError; }
    void clearLastError() { m_lastError.reset(); }

    int esbuildRuns() const { return m_esbuildRuns.load(); }
    int serviceTransforms() const;

private:
    Result<QByteArray> failed(const QString &urlPath, BuildMessages messages);
    Result<QByteArray> compileInProcess(const QString &urlPath, Format format, const QByteArray &source);

    const Config &m_config;
    QString m_projectDir;
    QString m_workDir;  // <project>/.helios/dev
    EsbuildToolchain m_toolchain;
    std::unique_ptr<TransformService> m_transforms;
    std::optional<BuildMessage> m_lastError;
    std::atomic<int> m_esbuildRuns = 0;  // also counted by bundlePackages() on its thread
};

} // namespace helios::ignis
