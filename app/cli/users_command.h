// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios users add|role|remove|list|token`: the users table LANDING reads roles from,
// and HS256 tokens for them. Exit 0 on success, 1 when the operation failed (unknown or
// existing user, unreachable back end, no secret), 2 for misuse.
int runUsers(const Config &config, const QStringList &args);

} // namespace helios::cli
