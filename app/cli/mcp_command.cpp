// SPDX-License-Identifier: Apache-2.0
// `helios mcp`: the stdio transport of MCP. One JSON-RPC message per line on stdin, one
// reply per line on stdout, logs on stderr; the client ends the session by closing stdin.
#include "mcp_command.h"

#include "cli.h"

#include "core/config.h"
#include "engine.h"
#include "mcp/mcp_server.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace helios::cli {

namespace {

const char *const mcpHelp =
    "usage: helios mcp [--project DIR]\n"
    "\n"
    "Runs Luminera, the Helios Model Context Protocol server, for one project on stdio:\n"
    "newline-delimited JSON-RPC on stdin and stdout, logs on stderr. It speaks the MCP\n"
    "revisions 2026-07-28, 2025-11-25 and 2025-06-18 and offers the tools list_components,\n"
    "read_component, write_component, list_tokens, get_token, generate_component and\n"
    "build_project. write_component writes only inside src/components/<Name>/ (and the\n"
    "project's src/index.ts and src/stories.ts), after the files pass SPARK's validation.\n"
    "The session ends when the client closes stdin.\n"
    "\n"
    "An MCP client starts it like this (e.g. in its mcpServers settings):\n"
    "  {\"mcpServers\": {\"luminera\": {\"command\": \"helios\",\n"
    "                                \"args\": [\"mcp\", \"--project\", \"/path/to/project\"]}}}\n"
    "\n"
    "options:\n"
    "  --project DIR  the project (a directory with helios.json); default: the current\n"
    "                 directory when it has one\n"
    "  --help         this help\n"
    "\n"
    "exit: 0 when stdin ends, 1 when the engine cannot start, 2 usage\n";

// Reads newline-delimited messages from a stream without letting one line grow past the
// limit: the rest of an oversized line is read and dropped, and the line reported as such.
class LineReader {
public:
    LineReader(std::FILE *in, qsizetype limit) : m_in(in), m_limit(limit) {}

    // False at the end of the input.
    bool next(QByteArray &line, bool &oversized)
    {
        line.clear();
        oversized = false;
        char buffer[64 * 1024];
        bool any = false;
        while (std::fgets(buffer, sizeof buffer, m_in)) {
            any = true;
            const qsizetype length = qsizetype(std::strlen(buffer));
            const bool ends = length > 0 && buffer[length - 1] == '\n';
            if (!oversized) {
                line.append(buffer, ends ? length - 1 : length);
                if (line.size() > m_limit) {
                    oversized = true;
                    line.clear();
                }
            }
            if (ends)
                break;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        return any;
    }

private:
    std::FILE *m_in;
    qsizetype m_limit;
};

QString projectDirFor(const QString &given, QString &problem)
{
    const QString dir = given.isEmpty() ? QDir::currentPath() : given;
    const QFileInfo info(dir);
    if (!info.isDir() || !QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("/helios.json"))) {
        problem = given.isEmpty() ? QStringLiteral("the current directory is not a project (no helios.json): use --project DIR")
                                  : QStringLiteral("%1 is not a project (no helios.json)").arg(given);
        return {};
    }
    return info.canonicalFilePath();
}

} // namespace

int runMcp(const Config &config, const QStringList &arguments)
{
    QTextStream err(stderr);
    QString project;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            QTextStream(stdout) << mcpHelp;
            return Success;
        }
        if (a == QLatin1String("--project") && i + 1 < arguments.size()) {
            project = arguments.at(++i);
        } else if (a == QLatin1String("--project")) {
            err << "helios mcp: --project needs a value\n";
            return Usage;
        } else {
            err << "helios mcp: unknown argument " << a.left(80) << " (helios mcp --help)\n";
            return Usage;
        }
    }
    QString problem;
    const QString projectDir = projectDirFor(project, problem);
    if (!problem.isEmpty()) {
        err << "helios mcp: " << problem << '\n';
        return Usage;
    }

    // stdout belongs to the protocol: keep a private handle on it and point file
    // descriptor 1 at stderr, so that nothing else (a library, a child process) can
    // write a stray line between two messages.
    std::fflush(stdout);
    const int protocolFd = ::dup(STDOUT_FILENO);
    std::FILE *protocol = protocolFd >= 0 ? ::fdopen(protocolFd, "w") : nullptr;
    if (!protocol || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        err << "helios mcp: cannot set up stdout for the protocol\n";
        return Failure;
    }

    auto engine = Engine::open(config);
    if (!engine.ok()) {
        err << "helios mcp: " << engine.error().toString() << '\n';
        return Failure;
    }
    mcp::McpServer::Options options;
    options.projectDir = projectDir;
    mcp::McpServer server(**engine, options);
    mcp::McpSession session;
    const mcp::McpCaller caller; // the local user: whoever can run this can write the project anyway
    err << "helios mcp: serving " << projectDir << " on stdio\n";
    err.flush();

    LineReader reader(stdin, options.maxMessageBytes);
    QByteArray line;
    bool oversized = false;
    while (reader.next(line, oversized)) {
        if (!oversized && line.trimmed().isEmpty())
            continue;
        // An oversized line is answered as if it were a message over the limit.
        const QByteArray message = oversized ? QByteArray(options.maxMessageBytes + 1, ' ') : line;
        const std::optional<QByteArray> reply = server.handle(message, session, caller);
        if (!reply)
            continue;
        std::fwrite(reply->constData(), 1, size_t(reply->size()), protocol);
        std::fputc('\n', protocol);
        std::fflush(protocol);
    }
    std::fclose(protocol);
    return Success;
}

} // namespace helios::cli
