// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// Makes esbuild's output of a module servable, and learns the module graph from it: its
// import specifiers become URLs ("./Button" -> "/src/Button.tsx", "react" ->
// "/@deps/react.js"), the ES module gets its import.meta.hot, and a module whose exports
// are all components registers them with React Refresh. What it learns -- who imports
// whom, which modules accept their own updates, which packages are imported -- is what
// hot updates and the pre-bundle are planned from.
class ModuleLinker {
public:
    void setProjectDir(const QString &projectDir) { m_projectDir = projectDir; }
    // The WebSocket port the client connects to (0: the page's own port).
    void setHmrPort(quint16 port) { m_hmrPort = port; }

    // One URL for the client everywhere (page and modules), so the browser runs one copy.
    QByteArray clientUrl() const;

    // "./Button" from /src/index.ts -> "/src/components/Button/Button.tsx", trying the
    // module extensions and index files; empty when no file matches.
    QString resolveRelative(const QString &importer, const QString &specifier) const;

    // An ES module as served (esbuild's esm output): imports pointing at URLs (imported
    // CSS as ?import modules), import.meta.hot set on the first line.
    QByteArray link(const QString &urlPath, const QByteArray &compiled);
    // A factory of the bundled page (esbuild's cjs output): require()s pointing at URL
    // paths, recorded as its dependencies. Its inline source map moves out to
    // sourceMapUrl(urlPath): DevTools fetch it only when open, while the page would parse
    // it with every factory it evaluates (it is most of a factory's bytes).
    //
    // With Helpers::Shared, esbuild's runtime helpers that lead the factory (__toESM,
    // __export, ... -- half of a small module's bytes) give way to one line taking them
    // from `__heliosHelpers`, which the bundle defines once (sharedHelpers()): the page
    // compiles them once instead of once per module. Hot updates keep their own, as the
    // page they go to may have fewer.
    enum class Helpers { Own, Shared };
    QByteArray linkFactory(const QString &urlPath, const QByteArray &compiled, Helpers helpers = Helpers::Own);
    // An expression for the helpers factories linked with Helpers::Shared take, empty if none.
    QByteArray sharedHelpers() const;
    // A factory linked before React Refresh was on, now registering its components (when
    // it is a refresh boundary): linkFactory() does this itself once it is on.
    QByteArray withRefresh(const QString &urlPath, const QByteArray &factory);
    // Where the source map of a factory is served, and the map (JSON), empty if none.
    static QByteArray sourceMapUrl(const QString &urlPath);
    static bool isSourceMapUrl(const QString &path);
    QByteArray sourceMap(const QString &mapUrlPath) const;

    // Turns React Refresh on when the page uses React and the toolchain has
    // react-refresh's runtime (its package joins the imported ones). Modules linked
    // before register their components through withRefresh().
    bool enableReactRefresh(const QString &nodeModules);
    // The packages factories (esbuild's cjs output, not linked yet) import, as linking
    // them and enableReactRefresh() would find them: known before the linking is done.
    static QSet<QString> packagesOf(const QHash<QString, QByteArray> &factories, const QString &nodeModules);
    bool reactRefresh() const { return m_reactRefresh; }
    // Where the page loads react-refresh's runtime from (a /@deps/ URL).
    static QString refreshRuntimeUrl();

    QSet<QString> importersOf(const QString &urlPath) const { return m_importers.value(urlPath); }
    // Whether the module calls import.meta.hot.accept() without dependencies (or is a
    // React Refresh boundary), and which modules it accepts the updates of with
    // accept(deps, callback).
    bool acceptsItself(const QString &urlPath) const { return m_selfAccepting.contains(urlPath); }
    bool acceptsUpdatesOf(const QString &urlPath, const QString &dependency) const
    {
        return m_acceptedDependencies.value(urlPath).contains(dependency);
    }
    const QSet<QString> &bareImports() const { return m_bareImports; }
    QStringList dependenciesOf(const QString &urlPath) const { return m_dependencies.value(urlPath); }
    // URL path -> what its factory requires, in order.
    const QHash<QString, QStringList> &dependencies() const { return m_dependencies; }

private:
    // A specifier as the URL the page loads it from: a package's pre-bundle, or a project
    // file (`*file` true; recorded as imported by `importer`). Unchanged when it names no
    // file: the browser or the registry reports it with the importer.
    QString resolve(const QString &importer, const QString &specifier, bool *file);
    QByteArray withRefreshRegistration(const QString &urlPath, const QByteArray &code) const;
    QByteArray withSharedHelpers(const QByteArray &code);
    // Records the module's import.meta.hot.accept() calls (`hot`: what the code calls
    // import.meta.hot), their dependency specifiers rewritten to URL paths.
    QByteArray withAccepts(const QString &urlPath, const QByteArray &code, QByteArrayView hot);

    QString m_projectDir;
    quint16 m_hmrPort = 0;
    bool m_reactRefresh = false;
    QHash<QString, QSet<QString>> m_importers;     // URL path -> the modules that import it
    QHash<QString, QStringList> m_dependencies;    // URL path -> what its factory requires
    QSet<QString> m_selfAccepting;                 // modules that accept their own updates
    QHash<QString, QSet<QString>> m_acceptedDependencies;  // module -> the modules whose updates it accepts
    QSet<QString> m_bareImports;
    QHash<QString, QByteArray> m_sourceMaps;       // URL path -> a factory's source map, base64
    QHash<QByteArray, QByteArray> m_helpers;       // name -> esbuild's statement defining it
    QByteArrayList m_helperOrder;                  // the names, as first seen
};

} // namespace helios::ignis
