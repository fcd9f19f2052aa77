// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_message.h"
#include "ignis/esbuild_toolchain.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

class QProcess;

namespace helios::ignis {

// A long-lived Node.js process (resources/hmr/transform_service.js) that compiles single
// modules with the toolchain's esbuild npm package: started once per dev server, so an
// edit costs a pipe round trip instead of an esbuild process start. start() returns at
// once; the first transform() waits for the process to be ready. When Node.js or the
// esbuild package is missing, available() turns false and the caller spawns esbuild.
class TransformService {
public:
    struct Output {
        QByteArray code;
        BuildMessages errors;  // a compile error: code is empty
    };

    TransformService(const EsbuildToolchain &toolchain, const QString &projectDir);
    ~TransformService();

    void start();
    bool available() const;
    // esbuild's transform(source, options); an error result when the process failed
    // (not when the code does not compile: that is Output::errors).
    Result<Output> transform(const QByteArray &source, const QJsonObject &options, int timeoutMs = 30000);
    int requests() const { return m_requests; }

private:
    bool waitForLine(QByteArray *line, int timeoutMs);
    void fail(const QString &why);

    const EsbuildToolchain &m_toolchain;
    QString m_projectDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    bool m_ready = false;
    bool m_failed = false;
    int m_nextId = 1;
    int m_requests = 0;
};

} // namespace helios::ignis
