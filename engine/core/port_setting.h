// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

namespace helios {

class Config;

// A port from the setting `key` (HELIOS_<NAME>_PORT, HELIOS_SITES_PORT): `fallback` when
// unset, 0 meaning "pick a free one"; InvalidArgument naming the key, the value and where
// it was set when the value is no port number.
Result<quint16> portSetting(const Config &config, const QString &key, quint16 fallback);

} // namespace helios
