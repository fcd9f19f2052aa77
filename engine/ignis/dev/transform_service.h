// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_message.h"
#include "ignis/esbuild_toolchain.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace helios::ignis {

// A long-lived esbuild process in service mode (`esbuild --service=<version>`, as
// esbuild's npm package runs it) that compiles single modules: started once per dev
// server, so an edit costs a pipe round trip instead of an esbuild process start.
// helios speaks esbuild's own binary protocol to it, with no Node.js in between (two
// process hops fewer per edit). start() returns at once; the first transform() waits for
// the process to be ready. When it cannot run, available() turns false and the caller
// spawns esbuild.
//
// The protocol: every packet is a little-endian uint32 length and that many bytes; the
// first packet from esbuild is its version; then each packet is a uint32 of
// (id << 1 | isResponse) and a value: 0 null, 1 bool (a byte), 2 int32, 3 string and 4
// bytes (uint32 length + bytes), 5 array (uint32 count + values), 6 object (uint32 count +
// string keys and values).
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
    // esbuild's transform of `source` with command-line `flags` (--loader=tsx, ...); an
    // error result when the process failed (not when the code does not compile: that is
    // Output::errors).
    Result<Output> transform(const QByteArray &source, const QStringList &flags, int timeoutMs = 30000);
    int requests() const { return m_requests; }

private:
    bool waitForPacket(QByteArray *packet, int timeoutMs);
    void fail(const QString &why);

    const EsbuildToolchain &m_toolchain;
    QString m_projectDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    bool m_ready = false;
    bool m_failed = false;
    quint32 m_nextId = 1;
    int m_requests = 0;
};

} // namespace helios::ignis
