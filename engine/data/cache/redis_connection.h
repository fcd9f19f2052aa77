// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>
#include <memory>
#include <span>

struct redisContext;
struct redisReply;

namespace helios::data {

// One synchronous hiredis connection. Not thread-safe: the owner serialises calls.
// After a transport failure the connection is broken for good; the owner opens a new one.
class RedisConnection {
public:
    struct ReplyDeleter {
        void operator()(redisReply *reply) const;
    };
    using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

    // Connects within `connectTimeoutMs`; commands then time out after `commandTimeoutMs`.
    // Unavailable (with `context`) when nothing answers.
    static Result<std::unique_ptr<RedisConnection>> open(const QString &host, int port,
                                                         int connectTimeoutMs, int commandTimeoutMs,
                                                         const QString &context);
    ~RedisConnection();

    // Sends one command (binary-safe arguments) and waits for its reply. A Redis error
    // reply is a successful call whose reply has type REDIS_REPLY_ERROR. A transport
    // failure returns Unavailable/Timeout, breaks the connection and sets `*maybeApplied`
    // to false only when the command certainly did not reach the server (not fully written).
    Result<Reply> command(std::span<const QByteArrayView> args, bool *maybeApplied = nullptr);
    Result<Reply> command(std::initializer_list<QByteArrayView> args,
                          bool *maybeApplied = nullptr) {
        return command(std::span<const QByteArrayView>(args.begin(), args.size()), maybeApplied);
    }

    // True when the connection cannot be used: it failed, or the server closed it while
    // idle (a restarted server). Checked before each command so that a stale socket is
    // replaced before anything is sent on it, which is what lets non-idempotent commands
    // avoid the "was it applied?" question in the common restart case.
    bool unusable() const;

    QString context() const { return m_context; }

private:
    RedisConnection(redisContext *context, QString where);

    redisContext *m_ctx = nullptr;
    QString m_context;
    bool m_broken = false;
};

} // namespace helios::data
