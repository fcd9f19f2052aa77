// SPDX-License-Identifier: Apache-2.0
#include "core/port_setting.h"

#include "core/config.h"

namespace helios {

Result<quint16> portSetting(const Config &config, const QString &key, quint16 fallback)
{
    const QString text = config.value(key).trimmed();
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be a port number (0-65535; 0 picks a free port), not \"%2\"").arg(key, text),
                         config.sourceOf(key));
    return quint16(port);
}

} // namespace helios
