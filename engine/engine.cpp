// SPDX-License-Identifier: Apache-2.0
#include "engine.h"

#include "artifacts/artifact_store.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "core/logging.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>

namespace helios {

struct Engine::Private {
    Config config;
    std::unique_ptr<data::Store> store;
    std::unique_ptr<data::Cache> cache;
    std::unique_ptr<data::Bus> bus;
    std::unique_ptr<data::ArtifactStore> artifacts;
};

Engine::Engine() : d(std::make_unique<Private>()) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::open(const Config &config)
{
    if (!QDir().mkpath(config.dataDir()))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the data directory"), config.dataDir());

    std::unique_ptr<Engine> engine(new Engine);
    engine->d->config = config;

    auto store = data::openStore(config);
    HELIOS_TRY(store);
    engine->d->store = std::move(store).value();
    auto cache = data::openCache(config);
    HELIOS_TRY(cache);
    engine->d->cache = std::move(cache).value();
    auto bus = data::openBus(config);
    HELIOS_TRY(bus);
    engine->d->bus = std::move(bus).value();
    auto artifacts = data::openArtifactStore(config);
    HELIOS_TRY(artifacts);
    engine->d->artifacts = std::move(artifacts).value();

    qCInfo(lcCore) << "engine open: store" << engine->d->store->kind() << "cache" << engine->d->cache->kind()
                   << "bus" << engine->d->bus->kind() << "artifacts" << engine->d->artifacts->kind();
    return engine;
}

const Config &Engine::config() const { return d->config; }
data::Store &Engine::store() { return *d->store; }
data::Cache &Engine::cache() { return *d->cache; }
data::Bus &Engine::bus() { return *d->bus; }
data::ArtifactStore &Engine::artifacts() { return *d->artifacts; }

namespace {
template <typename Backend>
Engine::BackendStatus probe(const QString &role, Backend &backend)
{
    Engine::BackendStatus status{role, backend.kind(), backend.location()};
    QElapsedTimer timer;
    timer.start();
    const Result<void> result = backend.ping();
    status.latencyMicros = timer.nsecsElapsed() / 1000;
    status.reachable = result.ok();
    if (!result.ok())
        status.error = result.error().toString();
    return status;
}
} // namespace

QList<Engine::BackendStatus> Engine::backendStatus()
{
    return {probe(QStringLiteral("store"), *d->store), probe(QStringLiteral("cache"), *d->cache),
            probe(QStringLiteral("bus"), *d->bus), probe(QStringLiteral("artifacts"), *d->artifacts)};
}

} // namespace helios
