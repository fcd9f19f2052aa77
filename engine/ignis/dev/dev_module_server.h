// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/build_message.h"

#include <QByteArray>
#include <QFuture>
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
//   /, /index.html        the page, with the HMR client and the bundle's tags injected
//   /@helios/client.js    the HMR client runtime (resources/hmr/client.js)
//   /tokens.css           the design tokens, rendered by SLATE, live
//   /@deps/<file>         packages pre-bundled once (react, react-dom/client, ...),
//                         for ES modules; a bundled page has them as factories
//   /src/x.tsx, .ts, .jsx, .js   a module: TypeScript and JSX compiled, imports
//                         rewritten to URLs, an inline source map, import.meta.hot
//   /src/x.css            the stylesheet; with ?import, a module that injects it
//   /src/x.module.css?import   a CSS module: its class names, and its CSS injected
//   /@helios-bundle.js?entries=/src/main.tsx   the bundled page: every module the
//                         entries import, as factories for the client's module registry
//   /@helios-bundle.css?entries=...   every stylesheet those modules import, merged
//
// The page is served at once; the bundle it asks for waits for the first page's compile,
// begun on another thread when the server starts: every module of the project in few
// esbuild calls (as CommonJS factories), the CSS modules scoped meanwhile (those it
// cannot go to esbuild in another call at the same time), and the packages the modules
// import read as factories too (PackageFactories; pre-bundled by esbuild instead when
// they are not plain CommonJS). The page then loads the bundle: a handful of requests
// however many modules there are (ModuleBundle). Should a module not compile, the
// bundle loads the page's modules as ES modules, one per request, and shows the error.
// Later changes compile single files through a long-lived transform process
// (TransformService); a hot update carries the new factory. Not thread-safe: the
// transport calls it from one thread.
//
// Its parts: DevModuleCompiler (esbuild and the transform process), ModuleLinker
// (esbuild's output made servable, and the import graph), DevModuleCache (what is
// compiled, and the first page load's compile) and HotUpdatePlanner (file changes to
// HMR messages); this class routes requests and serves the page and the token sheet.
class DevModuleServer {
public:
    DevModuleServer(const Config &config, const QString &projectDir);
    ~DevModuleServer();

    // Reads helios.json and finds esbuild.
    Result<void> open();
    const ProjectConfig &project() const;

    // The WebSocket port the injected client connects to (0: the page's own port, /@hmr).
    void setHmrPort(quint16 port);

    // Begins compiling the first page on another thread now, before it is asked for: a
    // server calls it as it starts, so that compiling overlaps its own start and the
    // browser's.
    void startWarming();

    // Finished once the first page's compile startWarming() began is done (at once when
    // none is running).
    QFuture<void> firstPageCompiled() const;

    // A request (but the page's and the client's) waits for the first page's compile
    // startWarming() began, and a /@deps/ request for the pre-bundle; a transport with an
    // event loop waits for pendingFor(path) first instead of blocking.
    DevResponse get(const QString &path, const QString &query);
    QFuture<void> pendingFor(const QString &path);

    // How many times an esbuild process started: the first page load should cost one per
    // 500 modules, and one for the CSS modules the dev server does not scope itself, if
    // any (and one for the packages, if they are not plain CommonJS). Waits for the
    // package pre-bundle.
    int esbuildRuns() const;
    // Single modules compiled by the long-lived transform process (no process start).
    int serviceTransforms() const;
    // Whether the first page load bundled the page (every module compiled).
    bool isBundled() const;

    // Early: the events of a burst's first file, handled at once (leading edge); a file
    // that looks half written (empty, or not compiling) is left for its next event or the
    // Settled call, and both skip content an Early call handled already.
    enum class ChangeTiming { Early, Settled };

    // Project files changed (paths relative to the project): the HMR messages to send to
    // every client -- {"type":"update"...}, {"type":"full-reload"} or {"type":"error"}.
    QList<QJsonObject> filesChanged(const QStringList &paths, ChangeTiming timing = ChangeTiming::Settled);
    // The project's tokens changed elsewhere (token.updated on the Bus): the stylesheet is
    // rendered again and swapped in every page.
    QList<QJsonObject> tokensChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::ignis
