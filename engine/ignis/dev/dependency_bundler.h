// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/esbuild_toolchain.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// Pre-bundles the packages a project's modules import by bare name (react,
// react-dom/client, react/jsx-runtime) once, as ES modules the browser loads from
// /@deps/ (for pages of ES modules, and bundled pages whose packages are not plain
// CommonJS; PackageFactories serves the others): one esbuild call with code splitting, so every entry shares one copy of a
// package (two Reacts in a page break hooks). CommonJS packages get named exports:
// their names are read by Node.js (`Object.keys(require(name))`), which esbuild cannot
// know without running the code.
class DependencyBundler {
public:
    DependencyBundler(const EsbuildToolchain &toolchain, const QString &projectDir, const QString &outDir);

    // Bundles `specifiers` into outDir; the entry for "react-dom/client" is
    // "react-dom_client.js". Kept across dev server restarts: a stamp of the specifiers,
    // the lockfiles and the esbuild version says whether outDir still holds this bundle.
    // Returns false when it did and nothing ran.
    Result<bool> bundle(const QStringList &specifiers);

    static QString fileNameFor(const QString &specifier);
    // Where the page loads the package from: "/@deps/react-dom_client.js".
    static QString urlFor(const QString &specifier) { return QStringLiteral("/@deps/") + fileNameFor(specifier); }
    const QString &outDir() const { return m_outDir; }

private:
    // For each specifier, the names module.exports has (CommonJS), or an empty list for
    // an ES module package: one Node.js process for all of them.
    Result<QHash<QString, QStringList>> commonJsExports(const QStringList &specifiers) const;

    const EsbuildToolchain &m_toolchain;
    QString m_projectDir;
    QString m_outDir;
};

} // namespace helios::ignis
