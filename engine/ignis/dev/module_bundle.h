// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace helios::ignis {

// The dev server's bundled page: every module of the page as a factory in one script
// (/@helios/bundle.js), run by the HMR client's module registry, and every stylesheet
// those modules import merged into one (/@helios/bundle.css). The browser fetches a
// handful of files instead of one per module and per CSS module; hot updates stay
// module-level (one factory is replaced and re-run).
//
// A factory is esbuild's CommonJS output of one module (format: cjs, import.meta.hot
// defined as __hmr), its require()/import() specifiers rewritten to URL paths, run by
// the client as
//   function (require, module, exports, __hmr, __heliosImport, __heliosRegister, __heliosRefresh,
//             __heliosHelpers)
// where __heliosHelpers holds esbuild's runtime helpers, defined once by the bundle
// (ModuleLinker::sharedHelpers()).
class ModuleBundle {
public:
    using Resolve = std::function<QString(const QString &specifier)>;

    // Rewrites `require("x")` to `require("<resolve(x)>")` and `import("x")` to
    // `__heliosImport("<resolve(x)>")` in esbuild's CommonJS output; `specifiers` gets
    // the resolved ones in order.
    static QByteArray rewriteRequires(const QByteArray &code, const Resolve &resolve, QStringList *resolved);
    // The specifiers rewriteRequires() would resolve, in order.
    static QStringList requiredSpecifiers(const QByteArray &code);

    // React Refresh for a factory: when every export is a component (PascalCase), each
    // registers with react-refresh's runtime and the module accepts its own updates.
    // Unchanged when not.
    static QByteArray withRefreshRegistration(const QString &urlPath, const QByteArray &code);
    // The hooks a module calls, in order ("useState,useEffect"): the signature its
    // components register with, so that React Refresh keeps their state only while it
    // stays the same (as react-refresh's Babel plugin does per component; here per module).
    static QByteArray hookSignature(const QByteArray &code);

    // A CSS module's factory from esbuild's ES module output of its class names
    // ("var X_default = {...}; export { X_default as default };").
    static QByteArray cssModuleFactory(const QByteArray &classesModule);

    struct Input {
        QStringList entries;                      // URL paths the page runs, in order
        const QHash<QString, QByteArray> *factories;  // URL path -> factory
        const QHash<QString, QStringList> *dependencies; // URL path -> resolved specifiers, in order
        const QHash<QString, QByteArray> *styles;     // URL path of a stylesheet -> its CSS
        QByteArray clientUrl;
        QByteArray helpers = {};  // an expression for __heliosHelpers; none when empty
        // The packages' factories are in `factories` too (PackageFactories): what they
        // require. A package without a factory is a /@deps/ ES module the bundle imports.
        const QHash<QString, QStringList> *packageDependencies = nullptr;
        // react-refresh's runtime ("/@deps/react-refresh_runtime.js"), a factory or
        // pre-bundled, which the bundle hooks into React before the entries run; empty
        // without React Refresh.
        QString refreshRuntime = {};
    };
    // The modules reachable from the entries, depth first, and the stylesheets in the
    // order a bundler would put them (a module's imports before the module).
    struct Graph {
        QStringList modules;
        QStringList stylesheets;
        QStringList packages;  // /@deps/ URLs of packages without a factory
    };
    static Graph walk(const Input &input);
    static QByteArray script(const Input &input, const Graph &graph);
    // Every stylesheet of the graph merged, in order. @charset and @import count only at
    // the top of a sheet, so those leading each stylesheet are hoisted to the top of the
    // merged one (see takeLeadingImports).
    static QByteArray stylesheet(const Input &input, const Graph &graph);

    // Takes the @charset and @import statements that lead `css` (the stylesheet at URL
    // path `sheetPath`): the first @charset into `charset` when it is empty, the imports
    // appended to `imports` with relative URLs resolved against `sheetPath`. Returns
    // where the rest of the sheet begins. An @import after any other rule is left where
    // it is: the browser ignored it in the sheet alone too.
    static qsizetype takeLeadingImports(const QString &sheetPath, const QByteArray &css, QByteArray *charset,
                                        QByteArray *imports);
};

} // namespace helios::ignis
