// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/esbuild_toolchain.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace helios::ignis {

// CSS modules for the dev server: their class names and their CSS. Plain ones are scoped
// at once (scopeCssModule); for the others esbuild computes the class names, which it
// does only when bundling, so each gets a one-line entry that re-exports it, and one
// esbuild call bundles them all. start() returns while esbuild runs, so the caller can
// compile the JavaScript modules meanwhile; finish() waits.
class CssModuleCompiler {
public:
    struct Output {
        QByteArray classes;  // an ES module: `var X_default = {...}; export { X_default as default };`
        QByteArray css;      // the stylesheet with the class names renamed
    };

    CssModuleCompiler(const EsbuildToolchain &toolchain, const QString &projectDir, const QString &workDir);
    ~CssModuleCompiler();

    // `urlPaths` are /src/x.module.css paths.
    void start(const QStringList &urlPaths);
    bool startedEsbuild() const { return m_process != nullptr; }
    Result<QHash<QString, Output>> finish();

private:
    const EsbuildToolchain &m_toolchain;
    QString m_projectDir;
    QString m_stubDir;
    std::unique_ptr<QProcess> m_process;
    QHash<QString, QString> m_outputOf;  // URL path -> output path without extension (esbuild's)
    QHash<QString, Output> m_scoped;     // URL path -> output (the scoper's)
    QString m_error;
};

} // namespace helios::ignis
