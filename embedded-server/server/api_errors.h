// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QJsonObject>

#include <optional>

namespace helios::server {

class HttpResponder;
struct RequestContext;

// The HTTP status that stands for an engine error code (NotFound -> 404 ...).
int httpStatus(ErrorCode code);

// Answers with the error's status and {"error": {status, code, message}}. Internal
// errors keep their detail in the log and say only "internal error" to the client.
void sendEngineError(HttpResponder &responder, const Error &error);

// The request body as a JSON object, or nullopt after answering 415 (not JSON) or 400
// (malformed, or not an object) with a JSON error body that says where.
std::optional<QJsonObject> jsonObjectBody(RequestContext &context);

} // namespace helios::server
