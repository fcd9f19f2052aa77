// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QUrl>

#include <memory>

namespace helios::waypoint {
class LocalSites;
}

namespace helios::server {

// Serves WAYPOINT's LocalSites over plain HTTP on a thread of its own (GET and HEAD;
// ETag from the deployment id and path, Cache-Control no-cache for environment paths and
// immutable for deployment paths, 404 with a small HTML page). The workbench, `helios
// serve` and `helios deploy` start one; the health check probes it.
class SiteServer {
public:
    // port 0 picks a free port. Unavailable when the port cannot be bound.
    static Result<std::unique_ptr<SiteServer>> start(std::shared_ptr<waypoint::LocalSites> sites,
                                                     const QHostAddress &address, quint16 port);
    ~SiteServer(); // stops the thread

    QUrl baseUrl() const; // "http://127.0.0.1:<port>"

private:
    SiteServer();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::server
