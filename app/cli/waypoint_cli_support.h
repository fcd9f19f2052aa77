// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "waypoint/release.h"

#include <QString>

#include <memory>

class QTextStream;

namespace helios {
class Config;
class Engine;
}

namespace helios::server {
class SiteServer;
}

namespace helios::waypoint {
class LocalSites;
class WaypointService;
}

namespace helios::cli {

// What `helios deploy`, `releases`, `rollback` and `build` need to reach WAYPOINT from
// one process: the engine, the local target's deployments under
// <dataDir>/waypoint/deployments, a SiteServer on 127.0.0.1 (a free port) that the
// health check probes, and the service. The addresses users are given are on
// HELIOS_SITES_PORT (default 3105), where `helios serve` or the workbench serves the same
// directory. Members are destroyed in reverse order: the service before what it uses.
struct WaypointSession {
    std::unique_ptr<Engine> ownedEngine;
    Engine *engine = nullptr;
    std::shared_ptr<waypoint::LocalSites> sites;
    std::unique_ptr<server::SiteServer> siteServer;
    std::unique_ptr<waypoint::WaypointService> service;

    // Opens the engine the config names.
    static Result<std::unique_ptr<WaypointSession>> open(const Config &config);
    // Over an engine the caller keeps open for longer than the session.
    static Result<std::unique_ptr<WaypointSession>> over(Engine &engine);
    ~WaypointSession();
};

// After a successful build with service.followBuilds() attached: waits (bounded) until
// the service has released the build and finished the deployments it started for it,
// and prints them (or that they failed) to `out`.
void reportReleaseOfBuild(WaypointSession &session, const QString &buildId, QTextStream &out);

// The project a command acts on: `dir` must hold a helios.json (InvalidArgument naming
// the directory otherwise). Returns its WAYPOINT project id.
Result<QString> projectIdOf(waypoint::WaypointService &service, const QString &dir);

// The project at `dir` (as projectIdOf), refusing one without releases: there is
// nothing to deploy before `helios build` made one.
Result<QString> releasedProjectIdOf(waypoint::WaypointService &service, const QString &dir);

// "sha256:0123456789ab" from a full digest.
QString shortDigest(const QString &digest);

// One line per step: "  pull      ok    132 ms  unpacked 12 files".
void printSteps(QTextStream &out, const waypoint::Deployment &deployment);

} // namespace helios::cli
