// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/event.h"

#include <QObject>
#include <QString>

#include <memory>

namespace helios::data {
class Bus;
class Subscription;
} // namespace helios::data

namespace helios::panels {

// Every event published on a bus from now on, delivered as received() on this object's
// thread. The bus calls its handler on a thread of its own; the feed only queues the event
// to itself from there, so receivers never run on a bus thread.
class EventFeed : public QObject {
    Q_OBJECT
public:
    // Subscribes at once (an ephemeral subscription to ">"). On failure the feed stays
    // silent and error() says why.
    explicit EventFeed(data::Bus &bus, QObject *parent = nullptr);
    // Unsubscribes: when it returns the handler is not running and never runs again, and
    // events still queued to this object are dropped with it.
    ~EventFeed() override;

    bool isSubscribed() const { return m_subscription != nullptr; }
    // The bus's English text when subscribing failed; empty otherwise.
    QString error() const { return m_error; }

Q_SIGNALS:
    void received(const helios::data::Event &event);

private:
    std::unique_ptr<data::Subscription> m_subscription;
    QString m_error;
};

} // namespace helios::panels
