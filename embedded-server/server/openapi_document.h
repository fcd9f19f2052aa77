// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace helios::server {

class Router;

// The OpenAPI 3.1 document of every route the router holds: one operation per route,
// path parameters from the pattern, the bearer scheme on every non-public route with the
// role it needs, request and response schemas as the routes declare them, and the
// JSON error body every route may answer with.
QJsonObject openApiDocument(const Router &router, const QString &title, const QString &version);

} // namespace helios::server
