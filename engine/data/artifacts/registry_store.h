// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"
#include "artifacts/registry_client.h"

#include <memory>
#include <optional>

namespace helios::data {

// The cluster ArtifactStore: an OCI Distribution (Registry HTTP API v2) server. Pushes
// go to the primary only. Pulls (hasBlob, getBlob, getManifest, listTags) fall back to
// the mirror when the primary is unavailable (connection failure, timeout or 5xx) -
// not when it answers 404, which is an answer. Every blob and manifest read is hashed
// and compared with its digest. Thread-safe: all state is immutable after open().
class RegistryStore final : public ArtifactStore {
public:
    // `mirrorUrl` may be empty. Fails with InvalidArgument on a malformed URL; does not
    // contact the registry (ping() does).
    static Result<std::unique_ptr<RegistryStore>> open(const QString &url, const QString &mirrorUrl,
                                                       int connectTimeoutMs);

    QString kind() const override { return QStringLiteral("registry"); }
    QString location() const override { return m_primary.redactedBase(); }

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
    explicit RegistryStore(RegistryClient primary, std::optional<RegistryClient> mirror);

    // Runs `pull` against the primary and, if that is unavailable, against the mirror.
    template <typename T, typename Pull>
    Result<T> withFallback(Pull &&pull) const;

    static Result<bool> headBlob(const RegistryClient &client, const QString &repository, const QString &digest);
    static Result<QByteArray> fetchBlob(const RegistryClient &client, const QString &repository, const QString &digest);
    static Result<Manifest> fetchManifest(const RegistryClient &client, const QString &repository,
                                          const QString &reference);
    static Result<QStringList> fetchTags(const RegistryClient &client, const QString &repository);

    RegistryClient m_primary;
    std::optional<RegistryClient> m_mirror;
};

} // namespace helios::data
