// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/event.h"
#include "core/result.h"

#include <functional>
#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

// Ends its subscription when destroyed; after the destructor returns, the handler is
// not running and will not run again.
class Subscription {
public:
    virtual ~Subscription() = default;
};

// The event bus. Embedded: in-process pub/sub with an in-memory log. Cluster: NATS with
// a JetStream stream over the subjects of eventTypes() (file storage, de-duplication on
// the event id). Thread-safe.
class Bus {
public:
    // Runs on a thread owned by the bus, one event at a time per subscription, in
    // publish order. Return true to acknowledge; false asks for redelivery later.
    using Handler = std::function<bool(const Event &)>;

    struct SubscribeOptions {
        QString pattern = QStringLiteral(">");  // subject pattern, see subjectMatches()
        // Empty: an ephemeral subscription that sees events published from now on.
        // Set: a durable consumer; the first time it starts at the oldest kept event,
        // later it resumes after the last event it acknowledged, across restarts of the
        // subscriber and (cluster) the server.
        QString durable;
    };

    virtual ~Bus() = default;

    virtual QString kind() const = 0;      // "memory" or "nats"
    virtual QString location() const = 0;  // secrets removed

    // Returns once the bus has stored the event (JetStream's PubAck); retries through a
    // reconnect within the connect timeout. Publishing an event id again is a no-op.
    virtual Result<void> publish(const Event &event) = 0;

    virtual Result<std::unique_ptr<Subscription>> subscribe(const SubscribeOptions &options,
                                                            Handler handler) = 0;

    virtual Result<void> ping() = 0;
};

// Whether the configured Bus reaches other processes (NATS) rather than this one alone.
bool isBusShared(const Config &config);
Result<std::unique_ptr<Bus>> openBus(const Config &config);

} // namespace helios::data
