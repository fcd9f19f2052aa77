// SPDX-License-Identifier: Apache-2.0
#include "cache/redis_address.h"

#include "core/config.h"

#include <QUrl>
#include <QUrlQuery>

namespace helios::data {

namespace {

Result<RedisAddress> parseCommon(const QString &url, bool sentinel) {
    RedisAddress address;
    address.redacted = redactUrl(url);
    const QString what =
        sentinel ? QStringLiteral("Redis Sentinel URL") : QStringLiteral("Redis URL");
    const QUrl u(url, QUrl::StrictMode);
    if (url.trimmed().isEmpty() || !u.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 is not a valid URL").arg(what), address.redacted);
    const QString scheme = u.scheme();
    if (scheme == QLatin1StringView("rediss"))
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("rediss:// (TLS) is not supported: this build uses hiredis without TLS"),
            address.redacted);
    const bool schemeOk = scheme == QLatin1StringView("redis") ||
                          (sentinel && scheme == QLatin1StringView("redis-sentinel"));
    if (!schemeOk)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the %1 has scheme \"%2\"; expected redis://").arg(what, scheme),
            address.redacted);
    address.host = u.host(QUrl::FullyDecoded);
    if (address.host.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 names no host").arg(what), address.redacted);
    address.port = u.port(sentinel ? RedisAddress::DefaultSentinelPort : RedisAddress::DefaultPort);
    if (address.port <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 has an invalid port").arg(what), address.redacted);
    address.user = u.userName(QUrl::FullyDecoded);
    address.password = u.password(QUrl::FullyDecoded);
    if (!address.user.isEmpty() && address.password.isEmpty()) {
        // "redis://secret@host" is a common slip for ":secret@"; refusing it beats sending
        // the secret as a user name nobody asked for.
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the %1 has a user but no password; write redis://:password@host "
                           "or redis://user:password@host")
                .arg(what),
            redactUrl(u.adjusted(QUrl::RemoveUserInfo).toString()));
    }
    return address;
}

} // namespace

Result<RedisAddress> RedisAddress::parseServer(const QString &url) {
    auto parsed = parseCommon(url, false);
    HELIOS_TRY(parsed);
    RedisAddress address = std::move(parsed).value();
    QString path = QUrl(url).path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        address.db = path.toInt(&ok);
        if (!ok || address.db < 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the Redis URL path must be a database number like /0"),
                             address.redacted);
    }
    return address;
}

Result<RedisAddress> RedisAddress::parseSentinel(const QString &url) {
    auto parsed = parseCommon(url, true);
    HELIOS_TRY(parsed);
    RedisAddress address = std::move(parsed).value();
    const QUrl u(url);
    const QUrlQuery query(u);
    QString path = u.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (query.hasQueryItem(QStringLiteral("master")))
        address.masterName = query.queryItemValue(QStringLiteral("master"), QUrl::FullyDecoded);
    else if (!path.isEmpty())
        address.masterName = path;
    else
        address.masterName = QStringLiteral("mymaster");
    if (address.masterName.isEmpty() || address.masterName.contains(QLatin1Char('/')))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "the Redis Sentinel URL names no valid master (use /<name> or ?master=<name>)"),
            address.redacted);
    return address;
}

} // namespace helios::data
