// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"
#include "http_responder.h"
#include "landing/identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace helios::server {

// Who may call a route. Reads need a viewer, writes a developer, role changes and
// production deploys an admin; Public routes (health, metrics, the OpenAPI document,
// the landing page) need no identity.
enum class Access { Public, Viewer, Developer, Admin };

std::optional<landing::Role> requiredRole(Access access);

// What a route is, for dispatch and for the OpenAPI document.
struct RouteSpec {
    QByteArray method;        // "GET"
    QString pattern;          // "/api/slate/sets/{name}": literal segments and {parameters}
    Access access = Access::Viewer;
    QString summary;
    QString tag;              // "slate"
    QJsonObject requestBody;  // a JSON Schema of the body, or empty for none
    // Status code ("200") -> {"description": ..., "schema": {...}} (schema optional).
    QJsonObject responses;
    QByteArray responseType = QByteArrayLiteral("application/json");
};

// One request on its way to a handler.
struct RequestContext {
    const HttpRequest &request;
    HttpResponder responder;
    QList<std::pair<QString, QString>> parameters; // from the pattern, percent-decoded
    std::optional<landing::Identity> identity;     // set for every non-public route

    QString parameter(QStringView name) const;
};

using RouteHandler = std::function<void(RequestContext &)>;

} // namespace helios::server
