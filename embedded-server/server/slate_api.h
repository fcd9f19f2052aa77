// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace helios::slate {
class TokenLibrary;
}

namespace helios::server {

class Router;

// SLATE's REST routes under /api/slate: token sets (list, get, versions, put), validation
// of files not stored, and build outputs of a stored set in every format.
void addSlateRoutes(Router &router, slate::TokenLibrary &library);

} // namespace helios::server
