// SPDX-License-Identifier: Apache-2.0
#include "jwks_client.h"

#include "http_fetch_thread.h"

#include "core/config.h"
#include "core/logging.h"

#include <condition_variable>
#include <mutex>

namespace helios::landing {

namespace {
using Clock = std::chrono::steady_clock;
}

struct JwksClient::Private {
    Options options;
    QString where; // the URL with any password removed

    std::mutex mutex;
    std::condition_variable fetched; // signalled whenever a fetch ends
    QList<JsonWebKey> keys;
    std::optional<Clock::time_point> loadedAt;    // last successful fetch
    std::optional<Clock::time_point> attemptedAt; // last fetch started
    bool inFlight = false;
    quint64 completedFetches = 0;
    QString lastError;

    // Taken out and destroyed by ~JwksClient, which waits for the fetch thread to end.
    std::unique_ptr<HttpFetchThread> http;

    QList<JsonWebKey> matching(const QString &keyId, JwsAlgorithm algorithm) const {
        QList<JsonWebKey> result;
        for (const JsonWebKey &key : keys) {
            if (key.algorithm() == algorithm && (keyId.isEmpty() || key.keyId() == keyId))
                result.append(key);
        }
        return result;
    }

    bool mayFetch(Clock::time_point now) const {
        return !attemptedAt || now - *attemptedAt >= options.minRefetchInterval;
    }

    // Call with `mutex` held.
    void startFetch(const std::shared_ptr<Private> &self, Clock::time_point now) {
        inFlight = true;
        attemptedAt = now;
        std::weak_ptr<Private> weak = self;
        http->get(options.url, options.timeout, options.maxBytes, [weak](Result<QByteArray> body) {
            if (const auto p = weak.lock())
                p->finish(std::move(body));
        });
    }

    void finish(Result<QByteArray> body) {
        Result<QList<JsonWebKey>> parsed =
            body.ok() ? JsonWebKey::parseSet(*body) : Result<QList<JsonWebKey>>(body.error());
        std::lock_guard lock(mutex);
        inFlight = false;
        ++completedFetches;
        if (parsed.ok()) {
            keys = std::move(parsed).value();
            loadedAt = Clock::now();
            lastError.clear();
            qCDebug(lcLanding) << "JWKS" << where << "has" << keys.size() << "usable keys";
        } else {
            lastError = parsed.error().message;
            qCWarning(lcLanding) << "JWKS fetch from" << where << "failed:" << lastError;
        }
        fetched.notify_all();
    }
};

JwksClient::JwksClient(Options options)
    : d(std::make_shared<Private>()) {
    d->options = std::move(options);
    d->where = redactUrl(d->options.url.toString());
    d->http = std::make_unique<HttpFetchThread>();
}

JwksClient::~JwksClient() {
    // Stops the fetch thread before the state goes; a fetch still running sees the weak
    // pointer expire and does nothing.
    auto http = std::move(d->http);
    d.reset();
    http.reset();
}

Result<QList<JsonWebKey>> JwksClient::keysFor(const QString &keyId, JwsAlgorithm algorithm) {
    const auto now = Clock::now();
    std::unique_lock lock(d->mutex);
    QList<JsonWebKey> keys = d->matching(keyId, algorithm);
    if (!keys.isEmpty()) {
        if (d->loadedAt && now - *d->loadedAt >= d->options.maxAge && !d->inFlight &&
            d->mayFetch(now))
            d->startFetch(d, now); // refresh in the background; the known keys serve meanwhile
        return keys;
    }
    const QString what = keyId.isEmpty()
                             ? QStringLiteral("no %1 key").arg(jwsAlgorithmName(algorithm))
                             : QStringLiteral("unknown key id \"%1\"").arg(keyId);
    if (!d->inFlight) {
        if (!d->mayFetch(now))
            return makeError(ErrorCode::Unauthenticated,
                             QStringLiteral("%1 in the JWKS (fetched again at most every %2 s)")
                                 .arg(what)
                                 .arg(d->options.minRefetchInterval.count() / 1000.0),
                             d->where);
        d->startFetch(d, now);
    }
    const quint64 before = d->completedFetches;
    d->fetched.wait_for(lock, d->options.timeout, [&] { return d->completedFetches != before; });
    keys = d->matching(keyId, algorithm);
    if (!keys.isEmpty())
        return keys;
    if (d->completedFetches == before)
        return makeError(ErrorCode::Unauthenticated,
                         QStringLiteral("%1; the JWKS did not answer in time").arg(what), d->where);
    if (!d->lastError.isEmpty())
        return makeError(
            ErrorCode::Unauthenticated,
            QStringLiteral("%1; the JWKS could not be fetched: %2").arg(what, d->lastError),
            d->where);
    return makeError(ErrorCode::Unauthenticated, QStringLiteral("%1 in the JWKS").arg(what),
                     d->where);
}

} // namespace helios::landing
