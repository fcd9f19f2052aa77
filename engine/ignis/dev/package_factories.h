// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// The packages a bundled page imports, as factories of the page's module registry like
// its own modules, so that the page needs no pre-bundle: each CommonJS file of a package
// as it is on disk with its require()s pointing at the registry's paths
// ("/@pkg/react/cjs/react.development.js"), and each imported specifier's /@deps/ URL a
// factory taking its entry file's exports ("/@deps/react.js"). Nothing runs: no esbuild,
// no Node.js; the files are read and their require() calls found, Node.js's way (package
// "exports" with the conditions browser, development, require and default; "main";
// node_modules up from the importer, then the toolchain's). React's entry files require
// the production build or the development one by process.env.NODE_ENV; the production
// build is left out (a dev page's NODE_ENV is development).
//
// Only plain CommonJS packages: an ES module, a package.json "browser" map, or a
// require() of a package that is not there, makes collect() fail and say why; the page
// then takes its packages from DependencyBundler's pre-bundle, as esbuild handles those.
class PackageFactories {
public:
    // `specifiers` as the project imports them ("react", "react-dom/client");
    // `nodeModules`: the toolchain's, searched last.
    static Result<PackageFactories> collect(const QSet<QString> &specifiers, const QString &projectDir,
                                            const QString &nodeModules);

    // URL path -> factory (the file's text, its require()s rewritten).
    const QHash<QString, QByteArray> &factories() const { return m_factories; }
    // URL path -> the URL paths its factory requires.
    const QHash<QString, QStringList> &dependencies() const { return m_dependencies; }
    const QSet<QString> &specifiers() const { return m_specifiers; }

private:
    QHash<QString, QByteArray> m_factories;
    QHash<QString, QStringList> m_dependencies;
    QSet<QString> m_specifiers;
};

} // namespace helios::ignis
