// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace helios {
class Config;
}

namespace helios::cli {

// `helios tokens diff <before> <after> [--json] [--exit-code]`: tokens added, removed and
// changed (old and new resolved value, and type when it changed). Each side is a token
// file, or several joined with ','.
int runTokensDiff(const Config &config, const QStringList &args);

} // namespace helios::cli
