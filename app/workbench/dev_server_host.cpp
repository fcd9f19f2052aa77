// SPDX-License-Identifier: Apache-2.0
#include "dev_server_host.h"

#include "dev_server.h"

#include <QObject>
#include <QThread>

namespace helios::workbench {

DevServerHost::DevServerHost() : m_thread(std::make_unique<QThread>()), m_context(std::make_unique<QObject>())
{
    m_thread->setObjectName(QStringLiteral("dev-server"));
    m_context->moveToThread(m_thread.get());
    m_thread->start();
}

DevServerHost::~DevServerHost()
{
    // The server's sockets and processes belong to its thread: they end there.
    QMetaObject::invokeMethod(m_context.get(), [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

Result<quint16> DevServerHost::start(const Config &config, const QString &projectDir, data::Bus &bus)
{
    Result<quint16> port = makeError(ErrorCode::Internal, QStringLiteral("the dev server thread did not run"));
    QMetaObject::invokeMethod(
        m_context.get(),
        [&] {
            auto server = std::make_unique<server::DevServer>(config, projectDir,
                                                              server::DevServer::Options{QStringLiteral("127.0.0.1"), 0, 0});
            if (auto started = server->start(); !started.ok()) {
                port = started.error();
                return;
            }
            if (auto following = server->followTokenEvents(bus); !following.ok()) {
                port = following.error();
                return;
            }
            port = server->port();
            m_server = std::move(server);
        },
        Qt::BlockingQueuedConnection);
    return port;
}

} // namespace helios::workbench
