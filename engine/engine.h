// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace helios {

namespace data {
class ArtifactStore;
class Bus;
class Cache;
class Store;
} // namespace data

// One instance of every subsystem for a Config: what both the workbench and the
// server hold. Subsystems reach each other only through it or the Bus.
class Engine {
public:
    // Opens every back end the Config names (embedded ones are created under the data
    // dir). Fails with the first back end's error; nothing stays open then.
    static Result<std::unique_ptr<Engine>> open(const Config &config);
    ~Engine();

    const Config &config() const;
    data::Store &store();
    data::Cache &cache();
    data::Bus &bus();
    data::ArtifactStore &artifacts();

    struct BackendStatus {
        QString role;      // "store", "cache", "bus", "artifacts"
        QString kind;      // "sqlite", "postgresql", "memory", "redis", …
        QString location;  // secrets removed
        bool reachable = false;
        qint64 latencyMicros = 0;
        QString error;
    };
    // Pings every back end; takes at most about one connect timeout per unreachable one.
    QList<BackendStatus> backendStatus();

private:
    Engine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios
