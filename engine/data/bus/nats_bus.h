// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/bus.h"

#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

class NatsConnection;

// The cluster Bus: NATS with the JetStream stream "HELIOS" over eventTypes() (file
// storage, a two-minute de-duplication window on the event id). See NatsConnection for
// connecting and publishing, NatsSubscription for consumers.
class NatsBus final : public Bus {
public:
    // Connects and creates or updates the stream; fails as NatsConnection::open does.
    static Result<std::unique_ptr<Bus>> open(const Config &config);
    ~NatsBus() override;

    QString kind() const override;
    QString location() const override;
    Result<void> publish(const Event &event) override;
    // Durable names are mapped to NATS consumer names by NatsSubscription::consumerName.
    Result<std::unique_ptr<Subscription>> subscribe(const SubscribeOptions &options,
                                                    Handler handler) override;
    Result<void> ping() override;

private:
    explicit NatsBus(std::shared_ptr<NatsConnection> connection);
    std::shared_ptr<NatsConnection> m_connection;
};

} // namespace helios::data
