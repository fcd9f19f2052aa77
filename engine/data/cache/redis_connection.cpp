// SPDX-License-Identifier: Apache-2.0
#include "cache/redis_connection.h"

#include "core/logging.h"

#include <QVarLengthArray>

#include <hiredis/hiredis.h>

#include <cerrno>
#include <csignal>
#include <mutex>
#include <poll.h>

namespace helios::data {

namespace {

timeval toTimeval(int ms) {
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

// hiredis writes with write(2): a server that went away would raise SIGPIPE and kill the
// process. Ignore it once, process-wide, unless the application installed a handler.
void ignoreSigpipeOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
            struct sigaction ignore {};
            ignore.sa_handler = SIG_IGN;
            sigemptyset(&ignore.sa_mask);
            sigaction(SIGPIPE, &ignore, nullptr);
        }
    });
}

} // namespace

void RedisConnection::ReplyDeleter::operator()(redisReply *reply) const {
    if (reply)
        freeReplyObject(reply);
}

RedisConnection::RedisConnection(redisContext *context, QString where)
    : m_ctx(context)
    , m_context(std::move(where)) {}

RedisConnection::~RedisConnection() {
    if (m_ctx)
        redisFree(m_ctx);
}

Result<std::unique_ptr<RedisConnection>> RedisConnection::open(const QString &host, int port,
                                                               int connectTimeoutMs,
                                                               int commandTimeoutMs,
                                                               const QString &context) {
    ignoreSigpipeOnce();
    const QByteArray hostBytes = host.toUtf8();
    redisContext *c =
        redisConnectWithTimeout(hostBytes.constData(), port, toTimeval(connectTimeoutMs));
    if (!c)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("out of memory allocating a Redis connection"), context);
    if (c->err) {
        const QString reason = QString::fromUtf8(c->errstr);
        redisFree(c);
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("cannot connect to Redis at %1:%2: %3").arg(host).arg(port).arg(reason),
            context);
    }
    if (redisSetTimeout(c, toTimeval(commandTimeoutMs)) != REDIS_OK) {
        redisFree(c);
        return makeError(ErrorCode::Internal, QStringLiteral("cannot set the Redis socket timeout"),
                         context);
    }
    redisEnableKeepAlive(c);
    return std::unique_ptr<RedisConnection>(new RedisConnection(c, context));
}

bool RedisConnection::unusable() const {
    if (m_broken || !m_ctx || m_ctx->err)
        return true;
    // With no request outstanding, a readable socket means EOF or an error from the peer.
    pollfd pfd{m_ctx->fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, 0);
    return ready > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL));
}

Result<RedisConnection::Reply> RedisConnection::command(std::span<const QByteArrayView> args,
                                                        bool *maybeApplied) {
    if (maybeApplied)
        *maybeApplied = false;
    if (m_broken)
        return makeError(ErrorCode::Unavailable, QStringLiteral("the Redis connection is closed"),
                         m_context);
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> lengths;
    argv.reserve(qsizetype(args.size()));
    lengths.reserve(qsizetype(args.size()));
    for (const QByteArrayView &arg : args) {
        // A null view has no data pointer; hiredis needs a valid pointer even for "".
        argv.append(arg.data() ? arg.data() : "");
        lengths.append(size_t(arg.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(m_ctx, int(argv.size()), argv.data(), lengths.constData()));
    if (reply)
        return Reply(reply);

    m_broken = true;
    // hiredis clears its output buffer only once everything was written; anything left
    // means the server never saw the whole command, so it cannot have run it.
    const bool unsent = m_ctx->obuf && sdslen(m_ctx->obuf) > 0;
    if (maybeApplied)
        *maybeApplied = !unsent;
    const bool timedOut = m_ctx->err == REDIS_ERR_IO && (errno == EAGAIN || errno == EWOULDBLOCK);
    const QString reason = QString::fromUtf8(m_ctx->errstr);
    qCDebug(lcCache) << "Redis transport failure:" << reason << m_context;
    return makeError(timedOut ? ErrorCode::Timeout : ErrorCode::Unavailable,
                     QStringLiteral("lost the Redis connection: %1")
                         .arg(reason.isEmpty() ? QStringLiteral("closed by the server") : reason),
                     m_context);
}

} // namespace helios::data
