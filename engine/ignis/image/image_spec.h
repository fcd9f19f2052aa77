// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace helios::ignis {

// Media types of what publishImage writes.
inline constexpr QLatin1StringView OciImageConfigMediaType{
    "application/vnd.oci.image.config.v1+json"};
inline constexpr QLatin1StringView OciLayerGzipMediaType{
    "application/vnd.oci.image.layer.v1.tar+gzip"};
inline constexpr QLatin1StringView OciEmptyMediaType{"application/vnd.oci.empty.v1+json"};
// The artifactType of a build published without a base image.
inline constexpr QLatin1StringView StaticSiteArtifactType{"application/vnd.helios.static-site.v1"};

// An image in the same ArtifactStore: a repository and a tag or "sha256:" digest.
struct BaseImageReference {
    QString repository;
    QString reference;

    bool isNull() const { return repository.isEmpty() && reference.isEmpty(); }
    QString toString() const {
        return repository +
               (reference.contains(QLatin1Char(':')) ? QLatin1Char('@') : QLatin1Char(':')) +
               reference;
    }
};

// What to publish. Only sourceDir, repository, tag and created are required.
struct ImageSpec {
    QString sourceDir;                             // the build output
    QString rootPath = QStringLiteral("/srv/www"); // where it goes in the image
    QString repository;                            // target, e.g. "helios/shop-web"
    QString tag;                                   // the version, e.g. "1.4.0"
    // The layer goes on top of this image. Without one the result is an OCI artifact
    // (artifactType StaticSiteArtifactType) holding only the layer.
    std::optional<BaseImageReference> base;
    // org.opencontainers.image.* and any others; created and version are filled from
    // `created` and `tag` when absent. Image config Labels (merged over the base's) and
    // manifest annotations.
    QMap<QString, QString> labels;
    // Overrides of the base's run config; only allowed with a base.
    std::optional<QStringList> cmd;
    QStringList exposedPorts; // "8080" or "8080/tcp"; added to the base's
    QString workingDir;
    // The image's creation time and every file's mtime in the layer: the same time and
    // tree publish the same digest.
    QDateTime created;
    // The platform chosen from a multi-platform base, and required of a single one.
    QString os = QStringLiteral("linux");
    QString architecture = QStringLiteral("amd64");
};

struct PublishedImage {
    QString repository;
    QString tag;
    data::Descriptor manifest; // what the tag points at
    data::Descriptor config;
    QList<data::Descriptor> layers; // the base's first, the new one last
    QString diffId;                 // of the new layer
    bool artifact = false;          // published without a base
    QString reference() const { return repository + QLatin1Char(':') + tag; }
};

} // namespace helios::ignis
