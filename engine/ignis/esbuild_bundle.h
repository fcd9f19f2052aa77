// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"
#include "ignis/esbuild_toolchain.h"
#include "ignis/project_config.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QProcess;

namespace helios::ignis {

// One production bundle of one entry by the esbuild binary: bundle, minify, source maps,
// content-hashed names, a metafile that says which files went in and what came out.
// Started, then waited for, so that several entries can run side by side.
class EsbuildBundle {
public:
    struct Output {
        QString path;        // relative to the staging root ("assets/main-5XHJ2KQO.js")
        qint64 bytes = 0;
        QString entryPoint;  // the entry module for the entry's JS output
        QString cssBundle;   // the CSS that entry's imports produced, relative like `path`
    };
    struct Result {
        bool ok = false;
        BuildMessages messages;   // errors and warnings, located relative to the project
        QList<Output> outputs;
        QStringList inputs;       // project-relative paths esbuild read (node_modules left out)
    };

    EsbuildBundle(const EsbuildToolchain &toolchain, const ProjectConfig &config, const BuildEntry &entry,
                  const QString &stagingRoot);
    ~EsbuildBundle();

    void start();
    // Waits for esbuild to end; stops it when `cancelled` turns true.
    Result wait(const std::atomic_bool *cancelled = nullptr);
    void kill();

    // The arguments `start` passes, for tests and `helios build --verbose`.
    QStringList arguments() const;

private:
    Result readMetafile() const;

    const EsbuildToolchain &m_toolchain;
    const ProjectConfig &m_config;
    BuildEntry m_entry;
    QString m_stagingRoot;
    QString m_metafile;
    std::unique_ptr<QProcess> m_process;
};

} // namespace helios::ignis
