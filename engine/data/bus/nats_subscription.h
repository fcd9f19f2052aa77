// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/bus.h"

#include <memory>

namespace helios::data {

class NatsConnection;

// A pull subscription on a JetStream consumer of the HELIOS stream, served by one worker
// thread that fetches one message at a time (the consumer allows a single unacknowledged
// message, which keeps publish order through redeliveries).
//
// The consumer is created explicitly and the subscription binds to it, so cnats never
// deletes a durable when the subscription ends: the next subscribe with the same name
// resumes after its last acknowledged event. An ephemeral consumer is deleted when the
// subscription ends. If the server loses the consumer (an ephemeral across a restart),
// the worker creates it again at the next unseen stream sequence.
class NatsSubscription final : public Subscription {
public:
    static Result<std::unique_ptr<Subscription>> start(std::shared_ptr<NatsConnection> connection,
                                                       const Bus::SubscribeOptions &options,
                                                       Bus::Handler handler);
    ~NatsSubscription() override;

    // The consumer name a durable name maps to: NATS allows only [A-Za-z0-9_-]; other
    // characters become '_' and a digest of the original keeps different names apart.
    static QString consumerName(const QString &durable);

    struct Worker;  // defined in nats_subscription.cpp

private:
    explicit NatsSubscription(std::shared_ptr<Worker> worker);
    std::shared_ptr<Worker> m_worker;
};

} // namespace helios::data
