// SPDX-License-Identifier: Apache-2.0
#include "event_feed.h"

#include "bus/bus.h"

#include <QLoggingCategory>

namespace helios::panels {

namespace {
Q_LOGGING_CATEGORY(lcEventFeed, "helios.panels.events")
}

EventFeed::EventFeed(data::Bus &bus, QObject *parent) : QObject(parent)
{
    data::Bus::SubscribeOptions options;
    options.pattern = QStringLiteral(">");
    auto subscription = bus.subscribe(options, [this](const data::Event &event) {
        // A bus thread: hand the event to this object's thread and acknowledge at once.
        QMetaObject::invokeMethod(
            this, [this, event] { Q_EMIT received(event); }, Qt::QueuedConnection);
        return true;
    });
    if (subscription.ok()) {
        m_subscription = std::move(*subscription);
    } else {
        m_error = subscription.error().toString();
        qCWarning(lcEventFeed) << "no live events:" << m_error;
    }
}

EventFeed::~EventFeed()
{
    // Before QObject's destructor: the handler uses `this` as the context of its call.
    m_subscription.reset();
}

} // namespace helios::panels
