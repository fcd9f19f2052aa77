// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace helios {
class Engine;
}

namespace helios::server {

// One thing /readyz asks "are you there?". `ping` runs on a worker thread, so it must
// be thread-safe and must not touch QObjects of the caller's thread; it should give up
// on its own within the back end's connect timeout (every engine back end does).
struct BackendProbe {
    QString name; // "store", "cache", "bus", "artifacts" or an upstream's name
    QString kind; // "sqlite", "postgresql", "redis", …; never a URL
    std::function<Result<void>()> ping;
};

// The four back ends of `engine`, in the order store, cache, bus, artifacts. The probes
// refer to the engine's back ends: the engine must outlive every use of them.
QList<BackendProbe> engineProbes(Engine &engine);

} // namespace helios::server
