// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"

#include <QMutex>
#include <QString>

namespace helios::data {

// The embedded ArtifactStore: one OCI image-layout directory per repository under
// `<dataDir>/oci/<repository>` (oci-layout, index.json, blobs/sha256/<hex>), so that
// skopeo, umoci or crane can read it with `oci:<dir>:<tag>`. Tags are index.json
// entries annotated with org.opencontainers.image.ref.name.
//
// Every file is replaced atomically (temporary file in the same directory, fsync,
// rename), so a crash leaves either the old or the new content. index.json updates are
// serialized within the process by a mutex and across processes by a lock file.
class OciLayoutStore final : public ArtifactStore {
public:
    explicit OciLayoutStore(const QString &dataDir);
    ~OciLayoutStore() override;

    QString kind() const override { return QStringLiteral("oci-layout"); }
    QString location() const override { return m_root; }

    // The image-layout directory of `repository` (whether or not it exists yet).
    QString repositoryPath(const QString &repository) const;

    Result<Descriptor> putBlob(const QString &repository, const QByteArray &bytes, const QString &mediaType,
                               Durability durability = Durability::Synced) override;
    Result<bool> hasBlob(const QString &repository, const QString &digest) override;
    Result<QByteArray> getBlob(const QString &repository, const QString &digest) override;
    Result<QString> putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                                const QString &mediaType, Durability durability = Durability::Synced) override;
    Result<Manifest> getManifest(const QString &repository, const QString &reference) override;
    Result<QStringList> listTags(const QString &repository) override;
    Result<void> ping() override;

private:
    QString blobPath(const QString &repository, const QString &digest) const;
    Result<void> ensureLayout(const QString &repository);
    Result<void> writeBlob(const QString &repository, const QString &digest, const QByteArray &bytes,
                           Durability durability);
    Result<void> addToIndex(const QString &repository, const QString &tag, const Descriptor &manifest,
                            Durability durability);

    QString m_root;
    QMutex m_indexMutex;
};

} // namespace helios::data
