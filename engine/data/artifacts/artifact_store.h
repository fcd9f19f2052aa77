// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ids.h"
#include "core/result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace helios {
class Config;
}

namespace helios::data {

// An OCI content descriptor.
struct Descriptor {
    QString mediaType;
    QString digest;  // "sha256:<hex>"
    qint64 size = 0;
};

struct Manifest {
    QString mediaType;  // e.g. application/vnd.oci.image.manifest.v1+json
    QString digest;
    QByteArray bytes;   // exactly as stored: the digest is over these bytes
};

// How hard a write works to survive a crash. Synced: on stable storage before the call
// returns. Relaxed: for content that can be made again (the build cache) -- the embedded
// store skips fsync and the read-back; a blob torn by a power cut then fails its digest
// check when read, which its user treats as a miss. A registry decides for itself.
enum class Durability { Synced, Relaxed };

// Content-addressed storage of OCI images and artifacts, by repository ("helios/app")
// and tag. Embedded: one OCI image-layout directory per repository under the data
// dir. Cluster: an OCI Distribution (Registry HTTP API v2) server; pulls fall back to
// REGISTRY_MIRROR_URL. Every blob read or written is checked against its digest.
// Thread-safe.
class ArtifactStore {
public:
    virtual ~ArtifactStore() = default;

    virtual QString kind() const = 0;      // "oci-layout" or "registry"
    virtual QString location() const = 0;  // secrets removed

    // Stores the bytes (skipped if present) and returns their descriptor.
    virtual Result<Descriptor> putBlob(const QString &repository, const QByteArray &bytes,
                                       const QString &mediaType, Durability durability = Durability::Synced) = 0;
    virtual Result<bool> hasBlob(const QString &repository, const QString &digest) = 0;
    // Fails with Corrupt if the bytes read do not hash to `digest`.
    virtual Result<QByteArray> getBlob(const QString &repository, const QString &digest) = 0;

    // Stores a manifest under a tag (or only by digest when `tag` is empty). The blobs
    // it references must be present. Returns the manifest's digest.
    virtual Result<QString> putManifest(const QString &repository, const QString &tag,
                                        const QByteArray &bytes, const QString &mediaType,
                                        Durability durability = Durability::Synced) = 0;
    // `reference` is a tag or a digest.
    virtual Result<Manifest> getManifest(const QString &repository, const QString &reference) = 0;
    virtual Result<QStringList> listTags(const QString &repository) = 0;

    virtual Result<void> ping() = 0;
};

Result<std::unique_ptr<ArtifactStore>> openArtifactStore(const Config &config);

// Repository names and tags as the OCI distribution spec allows them; used by both
// back ends so that bad names fail the same way everywhere.
Result<void> validateRepository(const QString &repository);
Result<void> validateTag(const QString &tag);
// A digest this store can check: "sha256:" followed by 64 lower-case hex digits.
Result<void> validateDigest(const QString &digest);

// Blobs and manifests are addressed by helios::sha256Digest (core/ids.h).
using helios::sha256Digest;

// Media types the stores understand when reading a manifest's references.
inline constexpr QLatin1StringView OciManifestMediaType{"application/vnd.oci.image.manifest.v1+json"};
inline constexpr QLatin1StringView OciIndexMediaType{"application/vnd.oci.image.index.v1+json"};
inline constexpr QLatin1StringView DockerManifestMediaType{"application/vnd.docker.distribution.manifest.v2+json"};
inline constexpr QLatin1StringView DockerManifestListMediaType{
    "application/vnd.docker.distribution.manifest.list.v2+json"};

// The descriptors a manifest (or index) points at: its config and layers, or the
// manifests of an index. Fails with InvalidArgument on malformed JSON, a missing or
// bad digest, or a "mediaType" field that disagrees with `mediaType`.
Result<QList<Descriptor>> manifestReferences(const QByteArray &bytes, const QString &mediaType);

// Everything both back ends check before storing a manifest: the repository, the tag
// (empty means by digest only), the media type and the manifest itself. Returns the
// blobs it references.
Result<QList<Descriptor>> checkManifestInput(const QString &repository, const QString &tag,
                                             const QByteArray &bytes, const QString &mediaType);

} // namespace helios::data
