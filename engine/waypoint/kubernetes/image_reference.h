// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace helios::waypoint {

// The repository of an image reference without tag or digest: "helios/acme-ui:1.4.2"
// -> "helios/acme-ui" (a ':' before the last '/' is a registry's port, not a tag).
inline QString repositoryOf(const QString &image)
{
    QString repository = image.section(u'@', 0, 0);
    const auto slash = repository.lastIndexOf(u'/');
    const auto colon = repository.lastIndexOf(u':');
    if (colon > slash)
        repository.truncate(colon);
    return repository;
}

} // namespace helios::waypoint
