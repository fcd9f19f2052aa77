// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

#include <memory>

class QObject;
class QThread;

namespace helios {
class Config;
namespace data {
class Bus;
}
namespace server {
class DevServer;
}
} // namespace helios

namespace helios::workbench {

// The workbench's dev server for one project, on a thread of its own. Its first page load
// compiles every module and its edits run esbuild; on the window's thread either would
// freeze the window. Created and destroyed on that thread; the destructor waits for it.
class DevServerHost {
public:
    DevServerHost();
    ~DevServerHost();

    // Starts serving `projectDir` on free loopback ports and following `token.updated`
    // on `bus`; returns the HTTP port. Waits only for the ports to be open.
    Result<quint16> start(const Config &config, const QString &projectDir, data::Bus &bus);

private:
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread: what work is queued to
    std::unique_ptr<server::DevServer> m_server;
};

} // namespace helios::workbench
