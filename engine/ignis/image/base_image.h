// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignis/image/image_spec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace helios::data {
class ArtifactStore;
}

namespace helios::ignis {

// A base image as read from an ArtifactStore, reduced to what a new image on top of it
// needs: the config of one platform and that platform's layers as OCI descriptors.
// Understands OCI image manifests and indexes and their Docker v2 schema 2 equivalents
// (manifest and manifest list); Docker layer media types are mapped to the OCI ones,
// which name the same bytes.
class BaseImage {
public:
    // Reads the manifest (choosing `os`/`architecture` from an index), its config, and
    // checks that config and layers agree. Fails with NotFound when the reference does
    // not exist, InvalidArgument when it is an artifact or only exists for other
    // platforms, Unsupported for media types that are not an image's, Corrupt when the
    // config does not match the manifest. Reads only; pushes nothing.
    static Result<BaseImage> resolve(data::ArtifactStore &store,
                                     const BaseImageReference &reference, const QString &os,
                                     const QString &architecture);

    const BaseImageReference &reference() const { return m_reference; }
    // The digest the reference resolved to (the index's, for a multi-platform base).
    QString digest() const { return m_digest; }
    // The chosen platform's image config, as stored.
    const QJsonObject &config() const { return m_config; }
    // Its layers, bottom first, with OCI media types; other descriptor fields are kept.
    const QJsonArray &layers() const { return m_layers; }
    // The layer blobs to copy into another repository: all but those with "urls"
    // (non-distributable layers the registry never held).
    QList<data::Descriptor> layerBlobs() const { return m_layerBlobs; }

    // The OCI media type for a base layer's media type; Unsupported for one that is not
    // a layer.
    static Result<QString> ociLayerMediaType(const QString &mediaType);

private:
    BaseImageReference m_reference;
    QString m_digest;
    QJsonObject m_config;
    QJsonArray m_layers;
    QList<data::Descriptor> m_layerBlobs;
};

} // namespace helios::ignis
