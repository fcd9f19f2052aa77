// SPDX-License-Identifier: Apache-2.0
#include "ignis/image/image_publisher.h"

#include "artifacts/artifact_store.h"
#include "core/logging.h"
#include "ignis/image/base_image.h"
#include "ignis/image/layer_writer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace helios::ignis {

namespace {

using namespace Qt::StringLiterals;

constexpr QLatin1StringView CreatedLabel{"org.opencontainers.image.created"};
constexpr QLatin1StringView VersionLabel{"org.opencontainers.image.version"};
// The empty JSON object of image-spec 1.1: the config of an artifact that needs none.
const QByteArray EmptyConfig = QByteArrayLiteral("{}");

QString rfc3339(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject descriptorJson(const data::Descriptor &descriptor) {
    return QJsonObject{{"mediaType"_L1, descriptor.mediaType},
                       {"digest"_L1, descriptor.digest},
                       {"size"_L1, descriptor.size}};
}

QJsonObject toJson(const QMap<QString, QString> &map) {
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// "8080" -> "8080/tcp"; empty for something that is not a port.
QString exposedPortKey(const QString &port) {
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(u"([0-9]{1,5})(/(tcp|udp|sctp))?"_s));
    const QRegularExpressionMatch match = pattern.match(port);
    if (!match.hasMatch() || match.captured(1).toInt() < 1 || match.captured(1).toInt() > 65535)
        return {};
    return match.captured(2).isEmpty() ? port + "/tcp"_L1 : port;
}

Result<void> checkSpec(const ImageSpec &spec) {
    HELIOS_TRY(data::validateRepository(spec.repository));
    HELIOS_TRY(data::validateTag(spec.tag));
    const QFileInfo source(spec.sourceDir);
    if (spec.sourceDir.isEmpty() || !source.isDir())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("source directory does not exist"), spec.sourceDir);
    if (QDir(spec.sourceDir)
            .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("source directory is empty: nothing to publish"),
                         spec.sourceDir);
    HELIOS_TRY(LayerWriter::normalizedRoot(spec.rootPath));
    if (!spec.created.isValid() || spec.created.toSecsSinceEpoch() < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the image's created time must be set (after 1970)"));
    if (!spec.base && (spec.cmd || !spec.exposedPorts.isEmpty() || !spec.workingDir.isEmpty()))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Cmd, ExposedPorts and WorkingDir need a base image to run in; "
                           "without a base the build is published as an artifact"));
    for (const QString &port : spec.exposedPorts) {
        if (exposedPortKey(port).isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("exposed port \"%1\" is not a port number 1-65535 with an optional "
                               "/tcp, /udp or /sctp")
                    .arg(port));
    }
    if (!spec.workingDir.isEmpty() && !spec.workingDir.startsWith(QLatin1Char('/')))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("working directory \"%1\" must be absolute").arg(spec.workingDir));
    for (auto it = spec.labels.cbegin(); it != spec.labels.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a label name must not be empty"));
    }
    return {};
}

QMap<QString, QString> labelsFor(const ImageSpec &spec) {
    QMap<QString, QString> labels = spec.labels;
    if (!labels.contains(CreatedLabel))
        labels.insert(CreatedLabel, rfc3339(spec.created));
    if (!labels.contains(VersionLabel))
        labels.insert(VersionLabel, spec.tag);
    return labels;
}

// The base's config with the new layer on top: diff_id, history, labels, overrides.
QJsonObject imageConfig(const BaseImage &base, const ImageSpec &spec, const LayerBlob &layer,
                        const QMap<QString, QString> &labels) {
    QJsonObject config = base.config();
    config.insert("created"_L1, rfc3339(spec.created));

    QJsonObject run = config.value("config"_L1).toObject();
    QJsonObject mergedLabels = run.value("Labels"_L1).toObject();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        mergedLabels.insert(it.key(), it.value());
    run.insert("Labels"_L1, mergedLabels);
    if (spec.cmd)
        run.insert("Cmd"_L1, QJsonArray::fromStringList(*spec.cmd));
    if (!spec.exposedPorts.isEmpty()) {
        QJsonObject ports = run.value("ExposedPorts"_L1).toObject();
        for (const QString &port : spec.exposedPorts)
            ports.insert(exposedPortKey(port), QJsonObject());
        run.insert("ExposedPorts"_L1, ports);
    }
    if (!spec.workingDir.isEmpty())
        run.insert("WorkingDir"_L1, spec.workingDir);
    config.insert("config"_L1, run);

    QJsonObject rootfs = config.value("rootfs"_L1).toObject();
    QJsonArray diffIds = rootfs.value("diff_ids"_L1).toArray();
    const qsizetype baseLayers = diffIds.size();
    diffIds.append(layer.diffId);
    rootfs.insert("type"_L1, u"layers"_s);
    rootfs.insert("diff_ids"_L1, diffIds);
    config.insert("rootfs"_L1, rootfs);

    // Tools pair history entries that are not empty_layer with layers in order. Append
    // ours only where the base's history lines up with its layers; a base without
    // history (allowed: it is optional) keeps none rather than a misleading one.
    QJsonArray history = config.value("history"_L1).toArray();
    qsizetype layerEntries = 0;
    for (const QJsonValue &entry : std::as_const(history)) {
        if (!entry.toObject().value("empty_layer"_L1).toBool())
            ++layerEntries;
    }
    if (layerEntries == baseLayers) {
        history.append(QJsonObject{
            {"created"_L1, rfc3339(spec.created)},
            {"created_by"_L1,
             QStringLiteral("helios ignis: static files in %1").arg(spec.rootPath)},
        });
        config.insert("history"_L1, history);
    }
    return config;
}

} // namespace

ImagePublisher::ImagePublisher(data::ArtifactStore &store)
    : m_store(store) {}

Result<PublishedImage> ImagePublisher::publish(const ImageSpec &spec) {
    // Everything that can fail without pushing happens first.
    HELIOS_TRY(checkSpec(spec));
    std::optional<BaseImage> base;
    if (spec.base) {
        auto resolved = BaseImage::resolve(m_store, *spec.base, spec.os, spec.architecture);
        HELIOS_TRY(resolved);
        base = std::move(resolved.value());
    }
    LayerWriter writer;
    writer.setRootPath(spec.rootPath);
    writer.setModificationTime(spec.created);
    auto layer = writer.write(spec.sourceDir);
    HELIOS_TRY(layer);

    const QMap<QString, QString> labels = labelsFor(spec);
    const data::Descriptor layerDescriptor{QString(OciLayerGzipMediaType), layer->digest,
                                           layer->size};
    PublishedImage published;
    published.repository = spec.repository;
    published.tag = spec.tag;
    published.diffId = layer->diffId;
    published.artifact = !base;

    QByteArray configBytes;
    QJsonObject manifest{{"schemaVersion"_L1, 2},
                         {"mediaType"_L1, QString(data::OciManifestMediaType)}};
    QJsonArray layers;
    QJsonObject annotations = toJson(labels);
    if (base) {
        configBytes = QJsonDocument(imageConfig(*base, spec, layer.value(), labels))
                          .toJson(QJsonDocument::Compact);
        published.config = {QString(OciImageConfigMediaType), data::sha256Digest(configBytes),
                            configBytes.size()};
        manifest.insert("config"_L1, descriptorJson(published.config));
        for (const QJsonValue &value : base->layers()) {
            const QJsonObject object = value.toObject();
            layers.append(object);
            published.layers.append({object.value("mediaType"_L1).toString(),
                                     object.value("digest"_L1).toString(),
                                     static_cast<qint64>(object.value("size"_L1).toDouble())});
        }
        annotations.insert("org.opencontainers.image.base.name"_L1, base->reference().toString());
        annotations.insert("org.opencontainers.image.base.digest"_L1, base->digest());
    } else {
        // An OCI 1.1 artifact: the empty config, with its content inlined as "data" too.
        // Debian's docker-registry (distribution 2.8) stores such manifests as given; it
        // only requires the config blob to exist, so "{}" is pushed like any blob. skopeo
        // 1.9 copies it and shows it with "inspect --raw"; plain "inspect" refuses
        // artifacts, having no image config to show.
        configBytes = EmptyConfig;
        published.config = {QString(OciEmptyMediaType), data::sha256Digest(configBytes),
                            configBytes.size()};
        QJsonObject config = descriptorJson(published.config);
        config.insert("data"_L1, QString::fromLatin1(configBytes.toBase64()));
        manifest.insert("artifactType"_L1, QString(StaticSiteArtifactType));
        manifest.insert("config"_L1, config);
    }
    layers.append(descriptorJson(layerDescriptor));
    published.layers.append(layerDescriptor);
    manifest.insert("layers"_L1, layers);
    manifest.insert("annotations"_L1, annotations);
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);

    // Pushing: base blobs the target lacks, the new layer and config, then the tag.
    if (base && base->reference().repository != spec.repository) {
        for (const data::Descriptor &blob : base->layerBlobs()) {
            auto present = m_store.hasBlob(spec.repository, blob.digest);
            HELIOS_TRY(present);
            if (present.value())
                continue;
            auto bytes = m_store.getBlob(base->reference().repository, blob.digest);
            HELIOS_TRY(bytes);
            HELIOS_TRY(m_store.putBlob(spec.repository, bytes.value(), blob.mediaType));
        }
    }
    HELIOS_TRY(m_store.putBlob(spec.repository, layer->bytes, layerDescriptor.mediaType));
    HELIOS_TRY(m_store.putBlob(spec.repository, configBytes, published.config.mediaType));
    auto digest = m_store.putManifest(spec.repository, spec.tag, manifestBytes,
                                      QString(data::OciManifestMediaType));
    HELIOS_TRY(digest);
    published.manifest = {QString(data::OciManifestMediaType), digest.value(),
                          manifestBytes.size()};
    qCInfo(lcIgnis).noquote() << "published" << published.reference() << published.manifest.digest
                              << (base ? QStringLiteral("on ") + base->reference().toString()
                                       : u"as an artifact"_s)
                              << "to" << m_store.location();
    return published;
}

Result<PublishedImage> publishImage(data::ArtifactStore &store, const ImageSpec &spec) {
    return ImagePublisher(store).publish(spec);
}

} // namespace helios::ignis
