// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "backend_probe.h"
#include "readiness_report.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace helios {
class Engine;
}

namespace helios::server {

// Answers /readyz: pings every back end on worker threads of its own, never on the
// caller's thread, and hands the report back on the thread of a context object.
//
// - Each back end gets `timeout`; one that has not answered by then counts as down
//   ("timeout": true) and the report goes out without it.
// - A back end whose ping from an earlier check is still running is not pinged again
//   (it counts as down), so a hung server does not collect one stuck thread per request.
// - A finished report is reused for `cacheFor`, and callers that ask while a check is
//   running share it: a flood of /readyz costs the back ends one ping each per second.
//
// Lives on the thread that created it; call check() from that thread only. The engine
// (or whatever the probes refer to) must outlive this object. The destructor waits for
// pings still running, which the back ends bound by their connect timeouts.
class Readiness : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::milliseconds timeout{2000};
        std::chrono::milliseconds cacheFor{1000};
    };
    using Callback = std::function<void(const ReadinessReport &)>;

    Readiness(Engine &engine, Options options, QObject *parent = nullptr);
    // For checks beyond the engine (upstream nodes) and for tests.
    Readiness(QList<BackendProbe> probes, Options options, QObject *parent = nullptr);
    ~Readiness() override;

    // Calls `done` once, later, on `context`'s thread; never from inside check() and not
    // at all if `context` is destroyed first.
    void check(QObject *context, Callback done);

    // The most recent finished report, if any (not marked cached).
    std::optional<ReadinessReport> lastReport() const;

Q_SIGNALS:
    // Emitted when a check finds the set of failing back ends changed: for logs and
    // the event stream.
    void readinessChanged(const helios::server::ReadinessReport &report);

private:
    void startRound();
    void probeFinished(quint64 round, int index, const BackendCheck &check);
    void roundTimedOut(quint64 round);
    void finishRound();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
