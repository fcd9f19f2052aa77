// SPDX-License-Identifier: Apache-2.0
#include "ignis/build_cache.h"

#include "cache/cache.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>

namespace helios::ignis {

namespace {

constexpr QLatin1StringView RecordMediaType{"application/vnd.helios.build-record.v1+json"};
constexpr QLatin1StringView EmptyMediaType{"application/vnd.oci.empty.v1+json"};
constexpr std::chrono::hours RecordTtl{24 * 7};

QByteArray cacheKey(const QString &key) { return "ignis:record:" + key.toLatin1(); }

QJsonObject descriptorJson(const data::Descriptor &descriptor)
{
    return {{QStringLiteral("mediaType"), descriptor.mediaType},
            {QStringLiteral("digest"), descriptor.digest},
            {QStringLiteral("size"), descriptor.size}};
}

std::optional<QJsonObject> parseRecord(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

BuildCache::BuildCache(data::Cache &cache, data::ArtifactStore &artifacts) : m_cache(cache), m_artifacts(artifacts) {}

std::optional<QJsonObject> BuildCache::lookup(const QString &key)
{
    const auto cached = m_cache.get(cacheKey(key));
    if (cached.ok() && cached->has_value())
        if (auto record = parseRecord(**cached))
            return record;

    const auto manifest = m_artifacts.getManifest(repository(), key);
    if (!manifest.ok()) {
        if (manifest.error().code != ErrorCode::NotFound)
            qCWarning(lcIgnis) << "build cache lookup failed, building instead:" << manifest.error().toString();
        return std::nullopt;
    }
    const auto references = data::manifestReferences(manifest->bytes, manifest->mediaType);
    if (!references.ok())
        return std::nullopt;
    for (const data::Descriptor &reference : *references) {
        if (reference.mediaType != RecordMediaType)
            continue;
        const auto bytes = m_artifacts.getBlob(repository(), reference.digest);
        if (!bytes.ok())
            return std::nullopt;
        auto record = parseRecord(*bytes);
        if (record)
            (void)m_cache.set(cacheKey(key), *bytes, RecordTtl);
        return record;
    }
    return std::nullopt;
}

void BuildCache::store(const QString &key, const QJsonObject &record, const QList<data::Descriptor> &files)
{
    const QByteArray bytes = QJsonDocument(record).toJson(QJsonDocument::Compact);
    auto recordBlob = m_artifacts.putBlob(repository(), bytes, RecordMediaType, data::Durability::Relaxed);
    auto configBlob = m_artifacts.putBlob(repository(), QByteArrayLiteral("{}"), EmptyMediaType, data::Durability::Relaxed);
    if (!recordBlob.ok() || !configBlob.ok()) {
        qCWarning(lcIgnis) << "build cache not updated:" << (recordBlob.ok() ? configBlob : recordBlob).error().toString();
        return;
    }
    QJsonArray layers{descriptorJson(*recordBlob)};
    for (const data::Descriptor &file : files)
        layers.append(descriptorJson(file));
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QString(data::OciManifestMediaType)},
                               {QStringLiteral("artifactType"), QString(RecordMediaType)},
                               {QStringLiteral("config"), descriptorJson(*configBlob)},
                               {QStringLiteral("layers"), layers}};
    const auto stored = m_artifacts.putManifest(repository(), key, QJsonDocument(manifest).toJson(QJsonDocument::Compact),
                                                data::OciManifestMediaType, data::Durability::Relaxed);
    if (!stored.ok()) {
        qCWarning(lcIgnis) << "build cache not updated:" << stored.error().toString();
        return;
    }
    (void)m_cache.set(cacheKey(key), bytes, RecordTtl);
}

Result<data::Descriptor> BuildCache::putFile(const QByteArray &bytes)
{
    // Build outputs can always be made again: no fsync for them.
    return m_artifacts.putBlob(repository(), bytes, QStringLiteral("application/octet-stream"), data::Durability::Relaxed);
}

Result<QByteArray> BuildCache::getFile(const QString &digest) { return m_artifacts.getBlob(repository(), digest); }

} // namespace helios::ignis
