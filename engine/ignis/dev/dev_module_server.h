// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_message.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace helios {
class Config;
}

namespace helios::ignis {

struct ProjectConfig;

// One answer of the dev server.
struct DevResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
};

// What the IGNIS dev server serves, independent of the transport: a project's modules as
// native ES modules, transformed on demand by esbuild, and the hot-update messages a file
// change produces.
//
//   /, /index.html        the page, with the HMR client injected
//   /@helios/client.js    the HMR client runtime (resources/hmr/client.js)
//   /tokens.css           the design tokens, rendered by SLATE, live
//   /@deps/<file>         packages pre-bundled once (react, react-dom/client, ...)
//   /src/x.tsx, .ts, .jsx, .js   a module: TypeScript and JSX compiled, imports
//                         rewritten to URLs, an inline source map, import.meta.hot
//   /src/x.css            the stylesheet; with ?import, a module that injects it
//   /src/x.module.css?import   a CSS module: its class names, and its CSS injected
//
// The first page load compiles every module of the project in one esbuild call and
// pre-bundles every package they import in one more; later requests and changes
// compile single files. Not thread-safe: the transport calls it from one thread.
class DevModuleServer {
public:
    DevModuleServer(const Config &config, const QString &projectDir);
    ~DevModuleServer();

    // Reads helios.json and finds esbuild.
    Result<void> open();
    const ProjectConfig &project() const;

    // The WebSocket port the injected client connects to (0: the page's own port, /@hmr).
    void setHmrPort(quint16 port);

    DevResponse get(const QString &path, const QString &query);

    // How many times esbuild ran: the first page load should cost three runs (every
    // module, every CSS module, every package), however many modules there are.
    int esbuildRuns() const;

    // Project files changed (paths relative to the project): the HMR messages to send to
    // every client -- {"type":"update"...}, {"type":"full-reload"} or {"type":"error"}.
    QList<QJsonObject> filesChanged(const QStringList &paths);
    // The project's tokens changed elsewhere (token.updated on the Bus): the stylesheet is
    // rendered again and swapped in every page.
    QList<QJsonObject> tokensChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::ignis
