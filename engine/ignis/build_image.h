// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/image/image_spec.h"

#include <QString>

namespace helios::data {
class ArtifactStore;
}

namespace helios::ignis {

struct ProjectConfig;

// How a finished build becomes an image: which tag, on which base.
struct BuildImageOptions {
    QString version;   // the tag; default: package.json's "version", else "0.0.0"
    QString base;      // "repository:tag" or "repository@sha256:..."; default: helios.json's image.base
    QString created;   // RFC 3339; the image's creation time and every file's mtime
};

// Publishes the output directory of a successful build as an OCI image in the
// ArtifactStore: helios.json's image.repository, tagged with the version, its files under
// image.root on top of the base (or, without one, as an artifact), labelled with
// org.opencontainers.image.{title,version,created,revision,description,licenses} from
// helios.json, package.json and the git HEAD.
Result<PublishedImage> publishBuildImage(data::ArtifactStore &store, const ProjectConfig &config,
                                         const BuildImageOptions &options);

// "repository:tag" or "repository@digest" split; InvalidArgument when neither.
Result<BaseImageReference> parseImageReference(const QString &text);

} // namespace helios::ignis
