// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios tokens validate <files...> | --resolver X [--input k=v] [--json]`: reads the
// files merged in order (or every context of a resolver), reports every problem as
// "file:line:col: error: message [token.path]" and exits 1 when any is an error.
int runTokensValidate(const Config &config, const QStringList &args);

} // namespace helios::cli
