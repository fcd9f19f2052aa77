// SPDX-License-Identifier: Apache-2.0
#include "artifacts/artifact_store.h"
#include "artifacts/oci_layout_store.h"
#include "artifacts/registry_store.h"

#include "core/config.h"
#include "core/logging.h"

namespace helios::data {

Result<std::unique_ptr<ArtifactStore>> openArtifactStore(const Config &config)
{
    if (config.registryUrl().isEmpty()) {
        if (config.dataDir().isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data directory for the OCI image layout"));
        auto store = std::make_unique<OciLayoutStore>(config.dataDir());
        qCDebug(lcArtifacts) << "artifacts in OCI image layouts under" << store->location();
        return std::unique_ptr<ArtifactStore>(std::move(store));
    }
    auto store = RegistryStore::open(config.registryUrl(), config.registryMirrorUrl(), config.connectTimeoutMs());
    HELIOS_TRY(store);
    qCDebug(lcArtifacts) << "artifacts in registry" << store.value()->location();
    return std::unique_ptr<ArtifactStore>(std::move(store.value()));
}

} // namespace helios::data
