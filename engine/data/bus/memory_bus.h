// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/bus.h"

#include <memory>

namespace helios::data {

// The embedded Bus: in-process pub/sub over an in-memory log of the last `logCapacity`
// events, so durable subscriptions behave like JetStream consumers within one process
// (a new durable starts at the oldest kept event, a returning one resumes after its last
// acknowledged event). Each subscription delivers on its own worker thread. Nothing
// survives the process. Subscriptions may outlive the bus: they share its log.
class MemoryBus final : public Bus {
public:
    static constexpr int DefaultLogCapacity = 100000;

    explicit MemoryBus(int logCapacity = DefaultLogCapacity);
    ~MemoryBus() override;

    QString kind() const override;
    QString location() const override;
    Result<void> publish(const Event &event) override;
    // Fails with Conflict if another live subscription already uses the same durable name.
    Result<std::unique_ptr<Subscription>> subscribe(const SubscribeOptions &options,
                                                    Handler handler) override;
    Result<void> ping() override;

    struct Log;  // shared with the subscriptions; defined in memory_bus.cpp

private:
    std::shared_ptr<Log> m_log;
};

} // namespace helios::data
