// SPDX-License-Identifier: Apache-2.0
#include "dev_command.h"

#include "bus/bus.h"
#include "cli.h"

#include "core/config.h"
#include "core/termination_signals.h"
#include "engine.h"
#include "dev_server.h"

#include <QCoreApplication>
#include <QTextStream>


namespace helios::cli {

namespace {

const char *const devHelp =
    "usage: helios dev [dir] [--port N] [--hmr-port N] [--host ADDRESS]\n"
    "\n"
    "Serves the project in dir (default: the current directory) for development: its\n"
    "page with the hot-update client, its modules compiled by esbuild (the first page\n"
    "compiles them all in few calls as the server starts, into one script with the\n"
    "packages they import), and its design tokens at /tokens.css. When a file changes,\n"
    "stylesheets and tokens are swapped in the open pages without a reload, a module\n"
    "that accepts its updates (import.meta.hot.accept) is re-imported, anything else\n"
    "reloads the page; a compile error shows in the page. token.updated on a shared\n"
    "Bus (NATS_URL set: a token set changed on another node) swaps the token\n"
    "stylesheet too.\n"
    "\n"
    "options:\n"
    "  --port N       the page's port (default 5173; 0 picks a free one)\n"
    "  --hmr-port N   the hot-update WebSocket's port (default 24678; 0 picks a free one)\n"
    "  --host ADDR    the address to listen on (default 127.0.0.1; the dev server has no\n"
    "                 authentication, so anything else exposes the project's sources)\n"
    "  --help         this help\n"
    "\n"
    "Ctrl+C stops it. exit: 0 stopped, 1 could not start, 2 usage\n";

bool takePort(const QString &text, quint16 &port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    port = quint16(value);
    return true;
}

} // namespace

int runDev(const Config &config, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    server::DevServer::Options options;
    QString dir = QStringLiteral(".");
    bool dirGiven = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << devHelp;
            return Success;
        }
        if (a == QLatin1String("--port") || a == QLatin1String("--hmr-port") || a == QLatin1String("--host")) {
            if (i + 1 >= arguments.size()) {
                err << "helios dev: " << a << " needs a value\n";
                return Usage;
            }
            const QString value = arguments.at(++i);
            if (a == QLatin1String("--host"))
                options.host = value;
            else if (!takePort(value, a == QLatin1String("--port") ? options.port : options.hmrPort)) {
                err << "helios dev: " << a << " takes a port number, not \"" << value << "\"\n";
                return Usage;
            }
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) || dirGiven) {
            err << "helios dev: unexpected " << a << "\n\n" << devHelp;
            return Usage;
        }
        dir = a;
        dirGiven = true;
    }

    server::DevServer server(config, dir, options);
    if (auto started = server.start(); !started.ok()) {
        err << "helios dev: " << started.error().toString() << '\n';
        return Failure;
    }
    out << "helios dev: http://" << options.host << ':' << server.port() << "/ (hot updates on port "
        << server.hmrPort() << "; Ctrl+C stops)\n";
    out.flush();
    // Token sets shared through the Store announce changes on the Bus: follow them too
    // (when the Bus is shared: an in-process one has no other publisher), once the first
    // page is compiled and served (opening the engine, the Store's migrations on a first
    // run, would slow down the compile and the bundle the page waits for).
    std::unique_ptr<Engine> engine;
    if (data::isBusShared(config))
        server.afterFirstPage([&] {
            auto opened = Engine::open(config);
            if (opened.ok())
                engine = std::move(*opened);
            if (!engine || !server.followTokenEvents(engine->bus()).ok())
                err << "helios dev: not following token.updated: " << (opened.ok() ? QString() : opened.error().toString()) << '\n';
            err.flush();
        });
    // SIGINT and SIGTERM end the loop cleanly instead of killing the process mid-write.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &termination, [] { QCoreApplication::exit(0); });
    const int status = QCoreApplication::exec();
    server.stop();
    return status;
}

} // namespace helios::cli
