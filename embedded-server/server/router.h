// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "route.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace helios::server {

// Maps method + path to a route. Every subsystem adds its routes here; the OpenAPI
// document is generated from the same list, so the two cannot disagree.
//
// Paths are matched on their raw segments, each decoded on its own, so a parameter may
// hold an encoded '/' ("sets/brand%2Fweb"). Literal segments win over parameters.
class Router {
public:
    struct Route {
        RouteSpec spec;
        RouteHandler handler;
        std::vector<QString> segments; // "{name}" marks a parameter
    };
    struct Match {
        const Route *route = nullptr;  // null: no route for this method and path
        QList<std::pair<QString, QString>> parameters;
        QByteArrayList allowedMethods; // when the path exists with other methods: 405
    };

    // Refuses (returns false) a duplicate method + pattern or a malformed pattern.
    bool add(RouteSpec spec, RouteHandler handler);

    // `rawPath` is the request target without its query, not decoded.
    Match match(QByteArrayView method, QByteArrayView rawPath) const;

    const std::vector<std::unique_ptr<Route>> &routes() const { return m_routes; }

private:
    std::vector<std::unique_ptr<Route>> m_routes;
};

} // namespace helios::server
