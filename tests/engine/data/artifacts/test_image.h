// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"

#include <QByteArray>
#include <QString>

namespace helios::test {

// A small but real OCI image: an image config (amd64/linux, with the layer's diff_id)
// and one gzip'd tar layer, plus the manifest tying them together. Built with the
// system's tar and gzip so that the layer is exactly what other tools produce.
struct TestImage {
    QByteArray config;
    QByteArray layer;
    QByteArray manifest;  // compact JSON: its digest is over these bytes
    data::Descriptor configDescriptor;
    data::Descriptor layerDescriptor;
    QString manifestDigest;
};

inline constexpr QLatin1StringView ImageConfigMediaType{"application/vnd.oci.image.config.v1+json"};
inline constexpr QLatin1StringView LayerMediaType{"application/vnd.oci.image.layer.v1.tar+gzip"};

// Builds the image in `workDir` (a temporary dir). `variant` goes into a file of the
// layer and an annotation of the manifest, so different variants have different
// digests. Returns an empty image (config empty) and sets `error` on failure.
TestImage buildTestImage(const QString &workDir, const QString &variant, QString *error);

// A manifest for `image`'s config and layer with `variant` as an annotation: a
// second manifest over the same blobs, for re-tagging.
QByteArray manifestFor(const TestImage &image, const QString &variant);

// Pushes config, layer and manifest; returns the manifest digest.
Result<QString> pushTestImage(data::ArtifactStore &store, const QString &repository, const QString &tag,
                              const TestImage &image);

// Runs skopeo with `arguments`; returns its exit code (-1 when it did not run) and
// fills `output` with stdout and `errors` with stderr.
int runSkopeo(const QStringList &arguments, QByteArray *output, QByteArray *errors);

// A repository name no earlier run has used: "helios-test/<what>-<random>".
QString uniqueRepository(const QString &what);

} // namespace helios::test
