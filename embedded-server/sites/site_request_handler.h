// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http_request.h"
#include "http_responder.h"

#include <memory>

namespace helios::waypoint {
class LocalSites;
}

namespace helios::server {

// Answers one request for LocalSites' paths, on the server's thread: GET and HEAD (405
// otherwise), 304 for a matching If-None-Match, the file itself -- whole when small,
// streamed in pieces when large -- or a small HTML 404 page. The deployment that
// answered is named in X-Helios-Deployment.
void answerSiteRequest(const waypoint::LocalSites &sites, const HttpRequest &request, HttpResponder responder);

} // namespace helios::server
