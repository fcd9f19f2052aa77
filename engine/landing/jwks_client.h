// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "json_web_key.h"

#include "core/result.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace helios::landing {

// The public keys at a JWKS URL, fetched on demand and kept. A token naming a key id that
// is not known triggers a fetch -- at most one per `minRefetchInterval`, so tokens with
// made-up key ids cannot turn into a flood of requests -- and the caller waits for it up
// to `timeout`. A set older than `maxAge` is refreshed in the background while the old
// keys stay in use. A failed fetch keeps the keys already known. Thread-safe; no event
// loop is needed (or entered) on the caller's thread.
class JwksClient {
public:
    struct Options {
        QUrl url;
        std::chrono::milliseconds timeout{2000};
        std::chrono::milliseconds minRefetchInterval{30000};
        std::chrono::milliseconds maxAge{std::chrono::minutes(10)};
        qint64 maxBytes = 1024 * 1024;
    };

    explicit JwksClient(Options options);
    ~JwksClient();

    // The keys that may have signed a token with `algorithm` and key id `keyId` (empty:
    // every key of that algorithm). Unauthenticated when there is none, also after a
    // fetch; an unreachable JWKS shows in the message.
    Result<QList<JsonWebKey>> keysFor(const QString &keyId, JwsAlgorithm algorithm);

private:
    struct Private;
    std::shared_ptr<Private> d; // shared with fetches still running on the fetch thread
};

} // namespace helios::landing
