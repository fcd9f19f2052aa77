// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "artifacts/artifact_store.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace helios::data {
class Cache;
}

namespace helios::ignis {

// The content-addressed build cache. A result is a small JSON record (what a step
// produced: output paths with their digests, dependencies, warnings) under a key made
// from every input of the step; the output files themselves are blobs.
//
// The ArtifactStore holds both durably -- each record is an OCI artifact manifest tagged
// with its key whose layers are the record and its files, so a registry's garbage
// collection keeps what a record points at, and nodes sharing a registry share builds.
// The Cache sits in front for the records: a hit there costs one round trip.
//
// The cache never fails a build: a back end that errors is a miss (lookup) or a warning
// (store), and the build goes on.
class BuildCache {
public:
    BuildCache(data::Cache &cache, data::ArtifactStore &artifacts);

    static QString repository() { return QStringLiteral("helios/build-cache"); }

    std::optional<QJsonObject> lookup(const QString &key);
    // `files` are descriptors putFile() returned; the record should name them.
    void store(const QString &key, const QJsonObject &record, const QList<data::Descriptor> &files);

    Result<data::Descriptor> putFile(const QByteArray &bytes);
    Result<QByteArray> getFile(const QString &digest);

private:
    data::Cache &m_cache;
    data::ArtifactStore &m_artifacts;
};

} // namespace helios::ignis
