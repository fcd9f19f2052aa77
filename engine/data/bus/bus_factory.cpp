// SPDX-License-Identifier: Apache-2.0
#include "bus/bus.h"

#include "bus/memory_bus.h"
#include "bus/nats_bus.h"
#include "core/config.h"

namespace helios::data {

bool isBusShared(const Config &config) { return !config.natsUrl().trimmed().isEmpty(); }

Result<std::unique_ptr<Bus>> openBus(const Config &config)
{
    if (!isBusShared(config))
        return std::unique_ptr<Bus>(std::make_unique<MemoryBus>());
    return NatsBus::open(config);
}

} // namespace helios::data
