// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace helios {
class Config;
namespace data {
class Bus;
}
} // namespace helios

namespace helios::server {

class HttpResponder;

// `helios dev`: the IGNIS dev server of one project over HTTP on a loopback address,
// with its hot-update WebSocket on its own port (24678 by default, as in the seed). The
// modules come from ignis::DevModuleServer; file changes, debounced, become update,
// full-reload or error messages sent to every connected page. Several DevServers (one
// per project) may run in one process.
class DevServer : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 5173;     // 0: any free port
        quint16 hmrPort = 24678; // 0: any free port
    };

    DevServer(const Config &config, const QString &projectDir, Options options, QObject *parent = nullptr);
    ~DevServer() override;

    Result<void> start();
    quint16 port() const;
    quint16 hmrPort() const;
    int clientCount() const;
    // Swaps the token stylesheet in every page whenever `token.updated` is published
    // (a token set changed in the Tokens panel or on another node). Call after start().
    Result<void> followTokenEvents(data::Bus &bus);
    // Calls `then` on this object's thread once the first page, whose compiling start()
    // began, is compiled and the requests that waited for it are answered: work that
    // would slow them down waits for it.
    void afterFirstPage(std::function<void()> then);
    // Stops listening and closes every connection.
    void stop();

Q_SIGNALS:
    // After each batch of file changes, with the messages sent.
    void changesSent(int messages);

private:
    void serveWhenReady(const QString &path, const QString &query, HttpResponder responder);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
