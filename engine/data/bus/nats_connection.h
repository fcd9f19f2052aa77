// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/event.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <nats/nats.h>

#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

// One cnats connection with its JetStream context and the "HELIOS" stream, shared by
// NatsBus and its subscriptions (which may outlive the bus). The connection reconnects
// by itself, forever; a server that is down at open() is an error, not a retry loop.
class NatsConnection {
public:
    static constexpr const char *StreamName = "HELIOS";

    // Connects to NATS_URL (plus NATS_CLUSTER_URL, if set) with the credentials from the
    // URL, and creates or updates the stream. Fails with InvalidArgument (malformed URL),
    // Unavailable (no server answers within the connect timeout), Unauthenticated or
    // Unsupported (no JetStream); the context is the URL with its password removed.
    static Result<std::shared_ptr<NatsConnection>> open(const Config &config);

    ~NatsConnection();
    NatsConnection(const NatsConnection &) = delete;
    NatsConnection &operator=(const NatsConnection &) = delete;

    // Waits for the PubAck; through a reconnect, retries with the same message id (the
    // stream de-duplicates on it) until a few connect timeouts have passed.
    Result<void> publish(const Event &event);
    Result<void> ping();

    natsConnection *connection() const { return m_nc; }
    jsCtx *jetStream() const { return m_js; }
    int timeoutMs() const { return m_timeoutMs; }
    const QString &location() const { return m_location; }
    // Describes a cnats failure for an Error message; never contains the password.
    QString describe(natsStatus status, jsErrCode jsError = jsErrCode(0)) const;

private:
    NatsConnection() = default;
    Result<void> ensureStream();

    natsConnection *m_nc = nullptr;
    jsCtx *m_js = nullptr;
    int m_timeoutMs = 0;
    QString m_location;  // redacted URLs
    QString m_password;  // only to scrub it from library error texts
};

} // namespace helios::data
