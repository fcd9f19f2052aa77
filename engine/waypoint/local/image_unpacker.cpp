// SPDX-License-Identifier: Apache-2.0
#include "waypoint/image_unpacker.h"

#include "artifacts/artifact_store.h"
#include "core/logging.h"
#include "layer_applier.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace helios::waypoint {

namespace {

bool isIndex(const data::Manifest &manifest)
{
    const QString type = manifest.mediaType.isEmpty()
                             ? QJsonDocument::fromJson(manifest.bytes).object().value(QStringLiteral("mediaType")).toString()
                             : manifest.mediaType;
    return type == data::OciIndexMediaType || type == data::DockerManifestListMediaType;
}

// The manifest `digest` names, checked against it; for an index, its linux/amd64
// manifest (or its only one), as the image publisher picks bases.
Result<data::Manifest> imageManifest(data::ArtifactStore &store, const QString &repository, const QString &digest)
{
    Result<data::Manifest> manifest = store.getManifest(repository, digest);
    if (!manifest.ok())
        return manifest.error();
    if (sha256Digest(manifest->bytes) != digest)
        return makeError(ErrorCode::Corrupt, QStringLiteral("manifest does not hash to its digest"),
                         repository + QLatin1Char('@') + digest);
    if (!isIndex(*manifest))
        return manifest;

    const QJsonArray manifests = QJsonDocument::fromJson(manifest->bytes).object().value(QStringLiteral("manifests")).toArray();
    QString chosen;
    for (const QJsonValue &value : manifests) {
        const QJsonObject platform = value.toObject().value(QStringLiteral("platform")).toObject();
        if (platform.value(QStringLiteral("os")).toString() == QLatin1StringView("linux") &&
            platform.value(QStringLiteral("architecture")).toString() == QLatin1StringView("amd64")) {
            chosen = value.toObject().value(QStringLiteral("digest")).toString();
            break;
        }
    }
    if (chosen.isEmpty() && manifests.size() == 1)
        chosen = manifests.first().toObject().value(QStringLiteral("digest")).toString();
    if (chosen.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("image index has no linux/amd64 manifest"),
                         repository + QLatin1Char('@') + digest);
    HELIOS_TRY(data::validateDigest(chosen));
    return imageManifest(store, repository, chosen);
}

Result<QStringList> layerDigests(const data::Manifest &manifest, const QString &where)
{
    const QJsonObject json = QJsonDocument::fromJson(manifest.bytes).object();
    if (!json.value(QStringLiteral("layers")).isArray())
        return makeError(ErrorCode::Corrupt, QStringLiteral("manifest lists no layers"), where);
    QStringList digests;
    for (const QJsonValue &layer : json.value(QStringLiteral("layers")).toArray()) {
        const QString digest = layer.toObject().value(QStringLiteral("digest")).toString();
        if (!data::validateDigest(digest).ok())
            return makeError(ErrorCode::Corrupt, QStringLiteral("manifest names a layer with a bad digest \"%1\"").arg(digest),
                             where);
        digests.append(digest);
    }
    return digests;
}

void countFiles(const QString &dir, UnpackedImage &image)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue;
        ++image.files;
        image.bytes += info.size();
    }
}

} // namespace

Result<UnpackedImage> unpackImage(data::ArtifactStore &store, const QString &repository, const QString &digest,
                                  const QString &root, const QString &targetDir)
{
    const QString where = repository + QLatin1Char('@') + digest;
    HELIOS_TRY(data::validateDigest(digest));
    const QFileInfo target(targetDir);
    if (target.exists() || target.isSymLink())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("deployment directory exists already"), targetDir);

    const Result<data::Manifest> manifest = imageManifest(store, repository, digest);
    if (!manifest.ok())
        return manifest.error();
    const Result<QStringList> layers = layerDigests(*manifest, where);
    if (!layers.ok())
        return layers.error();

    // Written beside the target and renamed into place: a deployment directory is
    // whole or absent, whatever fails or crashes meanwhile.
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create directory"), parent);
    QTemporaryDir staging(parent + QStringLiteral("/.") + target.fileName() + QStringLiteral(".unpacking-XXXXXX"));
    if (!staging.isValid())
        return makeError(ErrorCode::Io, QStringLiteral("cannot create a temporary directory: ") + staging.errorString(),
                         parent);

    LayerApplier applier(root, staging.path());
    for (const QString &layerDigest : *layers) {
        // getBlob checks the bytes against the digest: a damaged layer fails here, Corrupt.
        const Result<QByteArray> blob = store.getBlob(repository, layerDigest);
        if (!blob.ok())
            return blob.error();
        HELIOS_TRY(applier.apply(*blob, layerDigest));
    }

    UnpackedImage image;
    image.manifestDigest = manifest->digest.isEmpty() ? digest : manifest->digest;
    image.layers = int(layers->size());
    countFiles(staging.path(), image);
    if (image.files == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("image has no files under %1").arg(root), where);

    // QTemporaryDir makes its directory private (0700); a deployment is read by whoever serves it.
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
    if (!QDir().rename(staging.path(), targetDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot move the unpacked image into place"), targetDir);
    staging.setAutoRemove(false);
    qCDebug(lcWaypoint) << "unpacked" << where << "into" << targetDir << image.files << "files" << image.bytes << "bytes";
    return image;
}

} // namespace helios::waypoint
