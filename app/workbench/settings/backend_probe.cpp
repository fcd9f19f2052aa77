// SPDX-License-Identifier: Apache-2.0
#include "backend_probe.h"

#include "artifacts/artifact_store.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "core/config.h"
#include "store/postgres_store.h"

#include <QElapsedTimer>
#include <QUrl>

namespace helios::workbench {

namespace {

template <typename Backend>
ProbeResult ping(Result<std::unique_ptr<Backend>> opened)
{
    ProbeResult result;
    if (!opened.ok()) {
        result.error = opened.error().toString();
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<void> pinged = opened.value()->ping();
    if (!pinged.ok()) {
        result.error = pinged.error().toString();
        return result;
    }
    result.outcome = ProbeResult::Outcome::Reachable;
    result.latencyMs = timer.elapsed();
    return result;
}

ProbeResult open(const QString &key, const QString &url, int connectTimeoutMs)
{
    Config config;
    config.set(key, url);
    config.set(QString::fromLatin1(Config::ConnectTimeoutMs), QString::number(connectTimeoutMs));
    if (key == QLatin1StringView(Config::DatabaseUrl)) {
        // PostgresStore directly rather than openStore(): the factory applies the
        // migrations, and testing a connection string must not create tables in a
        // database the user has not chosen yet.
        return ping(data::PostgresStore::open(url, QString(), connectTimeoutMs));
    }
    if (key == QLatin1StringView(Config::RedisUrl))
        return ping(data::openCache(config));
    if (key == QLatin1StringView(Config::NatsUrl))
        return ping(data::openBus(config));
    if (key == QLatin1StringView(Config::RegistryUrl))
        return ping(data::openArtifactStore(config));
    ProbeResult unknown;
    unknown.error = QStringLiteral("%1 is not a back end that can be tested").arg(key);
    return unknown;
}

} // namespace

ProbeResult probeBackend(const QString &key, const QString &url, int connectTimeoutMs)
{
    if (url.trimmed().isEmpty()) {
        ProbeResult embedded;
        embedded.outcome = ProbeResult::Outcome::Embedded;
        return embedded;
    }
    ProbeResult result = open(key, url.trimmed(), connectTimeoutMs);
    // The engine redacts URLs in its errors; this guards against a library that echoes
    // the connection string it was given.
    const QUrl parsed(url.trimmed());
    for (const QString &password : {parsed.password(QUrl::FullyDecoded), parsed.password(QUrl::FullyEncoded)}) {
        if (!password.isEmpty())
            result.error.replace(password, QStringLiteral("***"));
    }
    return result;
}

} // namespace helios::workbench
