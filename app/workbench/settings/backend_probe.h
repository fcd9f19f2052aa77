// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::workbench {

// What testing one back end's connection string found.
struct ProbeResult {
    enum class Outcome { Embedded, Reachable, Failed };
    Outcome outcome = Outcome::Failed;
    qint64 latencyMs = 0;  // the ping's round trip, when Reachable
    QString error;         // English engine text, passwords replaced by "***", when Failed
};

// Opens just the back end `key` names (DATABASE_URL, REDIS_URL, NATS_URL or REGISTRY_URL)
// at `url`, pings it and closes it again. An empty URL means the embedded back end, which
// is not opened. Blocks for up to about `connectTimeoutMs` per connection attempt: call
// it off the UI thread. Nothing is written to the back end, except that NATS creates or
// updates the workbench's stream as it does at every start.
ProbeResult probeBackend(const QString &key, const QString &url, int connectTimeoutMs);

} // namespace helios::workbench
