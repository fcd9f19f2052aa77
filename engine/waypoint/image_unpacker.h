// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

namespace helios::data {
class ArtifactStore;
}

namespace helios::waypoint {

struct UnpackedImage {
    QString manifestDigest;
    int layers = 0;
    int files = 0;
    qint64 bytes = 0;
};

// Pulls `repository@digest` from the ArtifactStore (a registry store falls back to its
// mirror by itself; every blob is digest-checked) and writes the files under `root`
// inside the image ("/srv/www") into `targetDir`, which must not exist: it is written
// beside it and renamed into place, so it appears whole or not at all. Layers apply in
// order (OCI whiteouts honoured); tar+gzip and plain tar layers; entries that escape
// the root (.., absolute links) are refused with Corrupt.
Result<UnpackedImage> unpackImage(data::ArtifactStore &store, const QString &repository, const QString &digest,
                                  const QString &root, const QString &targetDir);

} // namespace helios::waypoint
