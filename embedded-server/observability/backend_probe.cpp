// SPDX-License-Identifier: Apache-2.0
#include "backend_probe.h"

#include "artifacts/artifact_store.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "engine.h"
#include "store/store.h"

namespace helios::server {

namespace {
template <typename Backend> BackendProbe probeFor(const QString &name, Backend &backend) {
    // Every engine back end documents itself as thread-safe, so pinging it from a pool
    // thread while the event loop uses it is allowed.
    return BackendProbe{name, backend.kind(), [&backend] { return backend.ping(); }};
}
} // namespace

QList<BackendProbe> engineProbes(Engine &engine) {
    return {probeFor(QStringLiteral("store"), engine.store()),
            probeFor(QStringLiteral("cache"), engine.cache()),
            probeFor(QStringLiteral("bus"), engine.bus()),
            probeFor(QStringLiteral("artifacts"), engine.artifacts())};
}

} // namespace helios::server
