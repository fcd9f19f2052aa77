// SPDX-License-Identifier: Apache-2.0
#include "bus/nats_bus.h"

#include "bus/nats_connection.h"
#include "bus/nats_subscription.h"
#include "bus/subject_pattern.h"

namespace helios::data {

Result<std::unique_ptr<Bus>> NatsBus::open(const Config &config)
{
    auto connection = NatsConnection::open(config);
    if (!connection.ok())
        return connection.error();
    return std::unique_ptr<Bus>(new NatsBus(std::move(*connection)));
}

NatsBus::NatsBus(std::shared_ptr<NatsConnection> connection) : m_connection(std::move(connection)) {}

NatsBus::~NatsBus() = default;

QString NatsBus::kind() const { return QStringLiteral("nats"); }

QString NatsBus::location() const { return m_connection->location(); }

Result<void> NatsBus::publish(const Event &event) { return m_connection->publish(event); }

Result<std::unique_ptr<Subscription>> NatsBus::subscribe(const SubscribeOptions &options, Handler handler)
{
    HELIOS_TRY(SubjectPattern::parse(options.pattern));
    if (!handler)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("subscribe needs a handler"));
    return NatsSubscription::start(m_connection, options, std::move(handler));
}

Result<void> NatsBus::ping() { return m_connection->ping(); }

} // namespace helios::data
