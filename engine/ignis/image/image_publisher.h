// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/image/image_spec.h"

namespace helios::data {
class ArtifactStore;
}

namespace helios::ignis {

// Publishes a build output as an OCI image in an ArtifactStore: one gzip'd layer of the
// static files on top of the spec's base image (base layers first and unchanged, a new
// config with the layer's diff_id, a history entry and the labels), or, without a base,
// an OCI 1.1 artifact of that one layer. Blobs go first, then the manifest under the tag.
//
// Everything that can be checked without pushing is checked first (names, source
// directory, base image and its platform, the layer itself), so a bad spec leaves the
// target repository untouched. A failure while pushing can leave unreferenced blobs
// behind, never a tag pointing at an incomplete image.
class ImagePublisher {
public:
    // `store` must outlive the publisher.
    explicit ImagePublisher(data::ArtifactStore &store);

    // Fails with InvalidArgument for a bad spec (with the reason), NotFound for a missing
    // base, and whatever the store reports while pushing.
    Result<PublishedImage> publish(const ImageSpec &spec);

private:
    data::ArtifactStore &m_store;
};

// ImagePublisher(store).publish(spec).
Result<PublishedImage> publishImage(data::ArtifactStore &store, const ImageSpec &spec);

} // namespace helios::ignis
