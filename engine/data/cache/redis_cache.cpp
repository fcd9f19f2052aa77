// SPDX-License-Identifier: Apache-2.0
#include "cache/redis_cache.h"

#include "cache/redis_address.h"
#include "cache/redis_connection.h"
#include "cache/token_bucket.h"
#include "core/config.h"
#include "core/logging.h"

#include <QCryptographicHash>
#include <QVarLengthArray>

#include <hiredis/hiredis.h>

#include <mutex>
#include <thread>

namespace helios::data {

namespace {

using Clock = std::chrono::steady_clock;
using Reply = RedisConnection::Reply;
using namespace std::chrono_literals;

constexpr auto InitialBackoff = 50ms;
constexpr auto MaxBackoff = 1000ms;
// A call may spend up to this many connect timeouts reconnecting before it gives up.
constexpr int ReconnectBudgetFactor = 2;
constexpr QByteArrayView ScanCount("500");

// Creates the counter with a ttl only when it did not exist, atomically (a script runs
// without interleaving). An existing counter keeps its expiry, as plain INCRBY does.
constexpr QByteArrayView
    IncrementScript("local created = redis.call('EXISTS', KEYS[1]) == 0\n"
                    "local value = redis.call('INCRBY', KEYS[1], ARGV[1])\n"
                    "if created then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n"
                    "return value\n");

// Cache::takeToken(), mirroring token_bucket.cpp. The clock is the server's TIME, so
// every process on this Redis agrees whatever its own clock says; TIME before a write is
// allowed because scripts replicate their effects (the default since Redis 5, asked for
// explicitly on older servers). The state is a string "tb1 <tokens> <microseconds>", like
// the in-process back end's, so get() shows a bucket the same way on both; it expires
// when the bucket would be full again.
constexpr QByteArrayView
    TokenBucketScript("if redis.replicate_commands then redis.replicate_commands() end\n"
                      "local burst = tonumber(ARGV[1])\n"
                      "local rate = tonumber(ARGV[2])\n"
                      "local t = redis.call('TIME')\n"
                      "local now = tonumber(t[1]) * 1000000 + tonumber(t[2])\n"
                      "local tokens = burst\n"
                      "local at = now\n"
                      "local state = redis.call('GET', KEYS[1])\n"
                      "if state then\n"
                      "  local a, b = string.match(state, '^tb1 (%S+) (%S+)$')\n"
                      "  tokens = tonumber(a)\n"
                      "  at = tonumber(b)\n"
                      "  if tokens == nil or at == nil then\n"
                      "    return redis.error_reply('WRONGTYPE the key does not hold a token bucket')\n"
                      "  end\n"
                      "end\n"
                      "local elapsed = (now - at) / 1000000\n"
                      "if elapsed < 0 then elapsed = 0 end\n"
                      "tokens = math.min(burst, tokens + elapsed * rate)\n"
                      "local allowed = 0\n"
                      "local retry = 0\n"
                      "if tokens >= 1 then\n"
                      "  tokens = tokens - 1\n"
                      "  allowed = 1\n"
                      "else\n"
                      "  retry = math.max(1, math.ceil((1 - tokens) / rate * 1000))\n"
                      "end\n"
                      "local left = string.format('%.17g', tokens)\n"
                      "local full = math.max(1, math.ceil((burst - tokens) / rate * 1000))\n"
                      "redis.call('SET', KEYS[1], 'tb1 ' .. left .. ' ' .. string.format('%.0f', now),"
                      " 'PX', string.format('%.0f', full))\n"
                      "return {allowed, left, retry}\n");

enum class Retry { Idempotent, NotIdempotent };

QByteArray escapeGlob(const QByteArray &prefix) {
    QByteArray escaped;
    escaped.reserve(prefix.size() + 8);
    for (const char c : prefix) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped.append('\\');
        escaped.append(c);
    }
    return escaped;
}

QByteArrayView replyBytes(const redisReply *r) {
    return QByteArrayView(r->str, qsizetype(r->len));
}

bool isError(const redisReply *r, QByteArrayView code) {
    return r->type == REDIS_REPLY_ERROR && replyBytes(r).startsWith(code);
}

// Errors after which the command was not run and may succeed shortly: a server still
// loading its data, or a former master that became a replica (failover in progress).
bool isTransient(const redisReply *r) {
    return isError(r, "LOADING") || isError(r, "BUSY") || isError(r, "MASTERDOWN") ||
           isError(r, "TRYAGAIN") || isError(r, "READONLY");
}

} // namespace

class RedisCache::Private {
public:
    std::optional<RedisAddress> server;   // REDIS_URL
    std::optional<RedisAddress> sentinel; // REDIS_SENTINEL_URL
    int connectTimeoutMs = 3000;
    int commandTimeoutMs = 3000;
    QString location;
    QByteArray scriptSha;
    QByteArray bucketScriptSha;

    std::mutex mutex; // guards conn and serialises every command
    std::unique_ptr<RedisConnection> conn;

    const RedisAddress &credentials() const { return server ? *server : *sentinel; }

    // Redis does not echo passwords, but a message built from a reply must never be the
    // place where one leaks.
    QString scrub(QString text) const {
        for (const RedisAddress *a :
             {server ? &*server : nullptr, sentinel ? &*sentinel : nullptr}) {
            if (a && !a->password.isEmpty())
                text.replace(a->password, QStringLiteral("***"));
        }
        return text;
    }

    Error replyError(const redisReply *r, QByteArrayView command) const {
        const QString text = scrub(QString::fromUtf8(replyBytes(r)));
        const QString what = QString::fromLatin1(command);
        if (isError(r, "NOAUTH") || isError(r, "WRONGPASS"))
            return makeError(ErrorCode::Unauthenticated,
                             QStringLiteral("Redis refused %1: %2").arg(what, text), location);
        if (isError(r, "NOPERM"))
            return makeError(ErrorCode::PermissionDenied,
                             QStringLiteral("Redis refused %1: %2").arg(what, text), location);
        if (isTransient(r))
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("Redis is not ready for %1: %2").arg(what, text),
                             location);
        if (isError(r, "WRONGTYPE") || text.contains(QLatin1StringView("not an integer")) ||
            text.contains(QLatin1StringView("overflow")) ||
            text.contains(QLatin1StringView("DB index")))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Redis rejected %1: %2").arg(what, text), location);
        return makeError(ErrorCode::Internal,
                         QStringLiteral("Redis replied to %1 with an error: %2").arg(what, text),
                         location);
    }

    Error unexpected(QByteArrayView command) const {
        return makeError(ErrorCode::Internal,
                         QStringLiteral("Redis sent an unexpected reply type to %1")
                             .arg(QString::fromLatin1(command)),
                         location);
    }

    Result<void> login(RedisConnection &c, const RedisAddress &who, bool selectDb) {
        if (!who.password.isEmpty()) {
            const QByteArray user = who.user.toUtf8();
            const QByteArray password = who.password.toUtf8();
            auto r = user.isEmpty() ? c.command({"AUTH", password})
                                    : c.command({"AUTH", user, password});
            HELIOS_TRY(r);
            if ((*r)->type == REDIS_REPLY_ERROR) {
                return makeError(ErrorCode::Unauthenticated,
                                 QStringLiteral("Redis refused the credentials in the URL: %1")
                                     .arg(scrub(QString::fromUtf8(replyBytes(r->get())))),
                                 c.context());
            }
        }
        const QByteArray db = QByteArray::number(who.db);
        auto r = selectDb && who.db != 0 ? c.command({"SELECT", db}) : c.command({"PING"});
        HELIOS_TRY(r);
        if (isError(r->get(), "NOAUTH"))
            return makeError(ErrorCode::Unauthenticated,
                             QStringLiteral("Redis requires a password and the URL gives none"),
                             c.context());
        if ((*r)->type == REDIS_REPLY_ERROR)
            return replyError(r->get(),
                              selectDb ? QByteArrayView("SELECT") : QByteArrayView("PING"));
        return {};
    }

    Result<std::pair<QString, int>> askSentinel() {
        auto opened = RedisConnection::open(sentinel->host, sentinel->port, connectTimeoutMs,
                                            commandTimeoutMs, sentinel->redacted);
        HELIOS_TRY(opened);
        RedisConnection &s = **opened;
        HELIOS_TRY(login(s, *sentinel, false));
        const QByteArray name = sentinel->masterName.toUtf8();
        auto r = s.command({"SENTINEL", "get-master-addr-by-name", name});
        HELIOS_TRY(r);
        const redisReply *reply = r->get();
        if (reply->type == REDIS_REPLY_NIL)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the Sentinel knows no master named \"%1\"")
                                 .arg(sentinel->masterName),
                             sentinel->redacted);
        if (reply->type == REDIS_REPLY_ERROR)
            return replyError(reply, "SENTINEL");
        if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 ||
            reply->element[0]->type != REDIS_REPLY_STRING ||
            reply->element[1]->type != REDIS_REPLY_STRING)
            return unexpected("SENTINEL");
        bool ok = false;
        const int port = QByteArray(replyBytes(reply->element[1]).toByteArray()).toInt(&ok);
        if (!ok)
            return unexpected("SENTINEL");
        return std::pair(QString::fromUtf8(replyBytes(reply->element[0])), port);
    }

    Result<std::unique_ptr<RedisConnection>> connectOnce() {
        QString host = server ? server->host : QString();
        int port = server ? server->port : 0;
        if (sentinel) {
            auto master = askSentinel();
            HELIOS_TRY(master);
            std::tie(host, port) = *master;
            qCDebug(lcCache) << "Sentinel names" << host << port << "as master"
                             << sentinel->masterName;
        }
        auto opened =
            RedisConnection::open(host, port, connectTimeoutMs, commandTimeoutMs, location);
        HELIOS_TRY(opened);
        HELIOS_TRY(login(**opened, credentials(), true));
        if (sentinel) {
            // Right after a failover the Sentinel may still name the old master.
            auto role = (*opened)->command({"ROLE"});
            HELIOS_TRY(role);
            const redisReply *r = role->get();
            if (r->type == REDIS_REPLY_ARRAY && r->elements > 0 &&
                r->element[0]->type == REDIS_REPLY_STRING &&
                replyBytes(r->element[0]) != QByteArrayView("master"))
                return makeError(
                    ErrorCode::Unavailable,
                    QStringLiteral("the server the Sentinel named (%1:%2) is not a master yet")
                        .arg(host)
                        .arg(port),
                    location);
        }
        return opened;
    }

    // Makes `conn` usable, reconnecting with exponential backoff until `deadline`. Only
    // "cannot reach" errors are retried; a refused password or an unknown master is final.
    Result<void> ensureConnected(Clock::time_point deadline) {
        if (conn && !conn->unusable())
            return {};
        const bool wasConnected = conn != nullptr;
        conn.reset();
        auto delay = std::chrono::duration_cast<Clock::duration>(InitialBackoff);
        for (;;) {
            auto attempt = connectOnce();
            if (attempt.ok()) {
                conn = std::move(attempt).value();
                if (wasConnected)
                    qCInfo(lcCache) << "reconnected to" << location;
                return {};
            }
            const Error &error = attempt.error();
            if (error.code != ErrorCode::Unavailable && error.code != ErrorCode::Timeout)
                return error;
            if (Clock::now() + delay >= deadline)
                return error;
            qCDebug(lcCache) << "Redis unreachable, retrying in" << delay.count() / 1000000
                             << "ms:" << error.message;
            std::this_thread::sleep_for(delay);
            delay = std::min<Clock::duration>(delay * 2, MaxBackoff);
        }
    }

    Clock::time_point callDeadline() const {
        return Clock::now() +
               std::chrono::milliseconds(qint64(connectTimeoutMs) * ReconnectBudgetFactor);
    }

    // Runs one command, reconnecting as needed. See the class comment for what is resent.
    Result<Reply> run(std::span<const QByteArrayView> args, Retry retry) {
        const QByteArrayView command = args.front();
        const auto deadline = callDeadline();
        auto delay = std::chrono::duration_cast<Clock::duration>(InitialBackoff);
        bool resent = false;
        for (;;) {
            HELIOS_TRY(ensureConnected(deadline));
            bool maybeApplied = true;
            auto r = conn->command(args, &maybeApplied);
            if (!r.ok()) {
                conn.reset();
                if (retry == Retry::NotIdempotent && maybeApplied)
                    return makeError(
                        r.error().code,
                        QStringLiteral(
                            "%1; %2 was not resent because it may already have been applied")
                            .arg(r.error().message, QString::fromLatin1(command)),
                        location);
                if (resent)
                    return r.error();
                resent = true;
                continue;
            }
            if (isTransient(r->get())) {
                if (isError(r->get(), "READONLY") || isError(r->get(), "MASTERDOWN"))
                    conn.reset(); // ask the Sentinel again
                if (Clock::now() + delay >= deadline)
                    return replyError(r->get(), command);
                std::this_thread::sleep_for(delay);
                delay = std::min<Clock::duration>(delay * 2, MaxBackoff);
                continue;
            }
            return r;
        }
    }

    Result<Reply> run(std::initializer_list<QByteArrayView> args, Retry retry) {
        return run(std::span<const QByteArrayView>(args.begin(), args.size()), retry);
    }

    Result<qint64> integerReply(Result<Reply> r, QByteArrayView command) const {
        HELIOS_TRY(r);
        const redisReply *reply = r->get();
        if (reply->type == REDIS_REPLY_ERROR)
            return replyError(reply, command);
        if (reply->type != REDIS_REPLY_INTEGER)
            return unexpected(command);
        return qint64(reply->integer);
    }
};

RedisCache::RedisCache(std::unique_ptr<Private> dd)
    : d(std::move(dd)) {}

RedisCache::~RedisCache() = default;

Result<std::unique_ptr<RedisCache>> RedisCache::open(const Config &config) {
    auto d = std::make_unique<Private>();
    d->connectTimeoutMs = config.connectTimeoutMs();
    d->commandTimeoutMs = config.connectTimeoutMs();
    if (!config.redisUrl().isEmpty()) {
        auto address = RedisAddress::parseServer(config.redisUrl());
        HELIOS_TRY(address);
        d->server = std::move(address).value();
        d->location = d->server->redacted;
    }
    if (!config.redisSentinelUrl().isEmpty()) {
        auto address = RedisAddress::parseSentinel(config.redisSentinelUrl());
        HELIOS_TRY(address);
        d->sentinel = std::move(address).value();
        d->location = QStringLiteral("%1 (master \"%2\")")
                          .arg(d->sentinel->redacted, d->sentinel->masterName);
    }
    if (!d->server && !d->sentinel)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("neither REDIS_URL nor REDIS_SENTINEL_URL is set"));
    d->scriptSha = QCryptographicHash::hash(IncrementScript, QCryptographicHash::Sha1).toHex();
    d->bucketScriptSha =
        QCryptographicHash::hash(TokenBucketScript, QCryptographicHash::Sha1).toHex();
    {
        std::lock_guard lock(d->mutex);
        HELIOS_TRY(
            d->ensureConnected(Clock::now() + std::chrono::milliseconds(d->connectTimeoutMs)));
    }
    qCInfo(lcCache) << "cache: Redis at" << d->location;
    return std::unique_ptr<RedisCache>(new RedisCache(std::move(d)));
}

QString RedisCache::kind() const {
    return QStringLiteral("redis");
}

QString RedisCache::location() const {
    return d->location;
}

Result<std::optional<QByteArray>> RedisCache::get(const QByteArray &key) {
    std::lock_guard lock(d->mutex);
    auto r = d->run({"GET", key}, Retry::Idempotent);
    HELIOS_TRY(r);
    const redisReply *reply = r->get();
    if (reply->type == REDIS_REPLY_NIL)
        return std::optional<QByteArray>();
    if (reply->type == REDIS_REPLY_STRING)
        return std::optional<QByteArray>(QByteArray(reply->str, qsizetype(reply->len)));
    if (reply->type == REDIS_REPLY_ERROR)
        return d->replyError(reply, "GET");
    return d->unexpected("GET");
}

Result<void> RedisCache::set(const QByteArray &key, const QByteArray &value, Ttl ttl) {
    if (ttl < Ttl::zero())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a cache ttl must not be negative"), d->location);
    std::lock_guard lock(d->mutex);
    const QByteArray ms = QByteArray::number(qint64(ttl.count()));
    auto r = ttl > Ttl::zero() ? d->run({"SET", key, value, "PX", ms}, Retry::Idempotent)
                               : d->run({"SET", key, value}, Retry::Idempotent);
    HELIOS_TRY(r);
    if ((*r)->type == REDIS_REPLY_ERROR)
        return d->replyError(r->get(), "SET");
    if ((*r)->type != REDIS_REPLY_STATUS)
        return d->unexpected("SET");
    return {};
}

Result<bool> RedisCache::remove(const QByteArray &key) {
    std::lock_guard lock(d->mutex);
    auto n = d->integerReply(d->run({"UNLINK", key}, Retry::Idempotent), "UNLINK");
    HELIOS_TRY(n);
    return *n > 0;
}

Result<qint64> RedisCache::removePrefix(const QByteArray &prefix) {
    const QByteArray pattern = escapeGlob(prefix) + '*';
    std::lock_guard lock(d->mutex);
    QByteArray cursor("0");
    qint64 removed = 0;
    QVarLengthArray<QByteArrayView, 512> unlink;
    do {
        auto r = d->run({"SCAN", cursor, "MATCH", pattern, "COUNT", ScanCount}, Retry::Idempotent);
        HELIOS_TRY(r);
        const redisReply *page = r->get();
        if (page->type == REDIS_REPLY_ERROR)
            return d->replyError(page, "SCAN");
        if (page->type != REDIS_REPLY_ARRAY || page->elements != 2 ||
            page->element[0]->type != REDIS_REPLY_STRING ||
            page->element[1]->type != REDIS_REPLY_ARRAY)
            return d->unexpected("SCAN");
        cursor = replyBytes(page->element[0]).toByteArray();
        const redisReply *keys = page->element[1];
        if (keys->elements == 0)
            continue;
        // One UNLINK per page: the keys of a SCAN page are a natural batch (about COUNT).
        unlink.clear();
        unlink.append("UNLINK");
        for (size_t i = 0; i < keys->elements; ++i)
            unlink.append(replyBytes(keys->element[i]));
        auto n = d->integerReply(
            d->run(std::span<const QByteArrayView>(unlink.constData(), size_t(unlink.size())),
                   Retry::Idempotent),
            "UNLINK");
        HELIOS_TRY(n);
        removed += *n; // keys SCAN repeats are counted once: the second UNLINK finds nothing
    } while (cursor != "0");
    return removed;
}

Result<qint64> RedisCache::increment(const QByteArray &key, qint64 delta, Ttl ttl) {
    if (ttl < Ttl::zero())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a cache ttl must not be negative"), d->location);
    const QByteArray by = QByteArray::number(delta);
    std::lock_guard lock(d->mutex);
    if (ttl == Ttl::zero())
        return d->integerReply(d->run({"INCRBY", key, by}, Retry::NotIdempotent), "INCRBY");
    const QByteArray ms = QByteArray::number(qint64(ttl.count()));
    auto r = d->run({"EVALSHA", d->scriptSha, "1", key, by, ms}, Retry::NotIdempotent);
    HELIOS_TRY(r);
    // NOSCRIPT means nothing ran (first use, or a restarted server): send the script.
    if (isError(r->get(), "NOSCRIPT"))
        return d->integerReply(
            d->run({"EVAL", IncrementScript, "1", key, by, ms}, Retry::NotIdempotent), "EVAL");
    return d->integerReply(std::move(r), "EVALSHA");
}

Result<TokenBucketResult> RedisCache::takeToken(const QByteArray &key, double burst,
                                                double perSecond) {
    HELIOS_TRY(checkTokenBucket(burst, perSecond, d->location));
    const QByteArray burstArg = QByteArray::number(burst, 'g', 17);
    const QByteArray rateArg = QByteArray::number(perSecond, 'g', 17);
    std::lock_guard lock(d->mutex);
    auto r = d->run({"EVALSHA", d->bucketScriptSha, "1", key, burstArg, rateArg},
                    Retry::NotIdempotent);
    HELIOS_TRY(r);
    const char *command = "EVALSHA";
    if (isError(r->get(), "NOSCRIPT")) {
        r = d->run({"EVAL", TokenBucketScript, "1", key, burstArg, rateArg}, Retry::NotIdempotent);
        HELIOS_TRY(r);
        command = "EVAL";
    }
    const redisReply *reply = r->get();
    if (reply->type == REDIS_REPLY_ERROR)
        return d->replyError(reply, command);
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 3 ||
        reply->element[0]->type != REDIS_REPLY_INTEGER ||
        reply->element[1]->type != REDIS_REPLY_STRING ||
        reply->element[2]->type != REDIS_REPLY_INTEGER)
        return d->unexpected(command);
    TokenBucketResult result;
    result.allowed = reply->element[0]->integer == 1;
    result.remaining = replyBytes(reply->element[1]).toByteArray().toDouble();
    result.retryAfter = std::chrono::milliseconds(qint64(reply->element[2]->integer));
    return result;
}

Result<void> RedisCache::ping() {
    std::lock_guard lock(d->mutex);
    auto r = d->run({"PING"}, Retry::Idempotent);
    HELIOS_TRY(r);
    if ((*r)->type == REDIS_REPLY_ERROR)
        return d->replyError(r->get(), "PING");
    return {};
}

} // namespace helios::data
