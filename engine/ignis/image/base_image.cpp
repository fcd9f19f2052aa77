// SPDX-License-Identifier: Apache-2.0
#include "ignis/image/base_image.h"

#include "artifacts/artifact_store.h"
#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace helios::ignis {

namespace {

using namespace Qt::StringLiterals;

constexpr QLatin1StringView DockerConfigMediaType{"application/vnd.docker.container.image.v1+json"};

Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &what,
                                const QString &context) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(
            ErrorCode::Corrupt,
            QStringLiteral("%1 is not a JSON object: %2").arg(what, parseError.errorString()),
            context);
    return document.object();
}

bool isIndex(const QString &mediaType) {
    return mediaType == data::OciIndexMediaType || mediaType == data::DockerManifestListMediaType;
}

bool isManifest(const QString &mediaType) {
    return mediaType == data::OciManifestMediaType || mediaType == data::DockerManifestMediaType;
}

// A manifest's type: the one the store reports, else the one it declares.
QString mediaTypeOf(const data::Manifest &manifest, const QJsonObject &root) {
    return manifest.mediaType.isEmpty() ? root.value("mediaType"_L1).toString()
                                        : manifest.mediaType;
}

} // namespace

Result<QString> BaseImage::ociLayerMediaType(const QString &mediaType) {
    if (mediaType == "application/vnd.docker.image.rootfs.diff.tar.gzip"_L1)
        return QString(OciLayerGzipMediaType);
    if (mediaType == "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"_L1)
        return u"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"_s;
    if (mediaType.startsWith("application/vnd.oci.image.layer."_L1))
        return mediaType;
    return makeError(
        ErrorCode::Unsupported,
        QStringLiteral("base layer media type \"%1\" is not an image layer").arg(mediaType));
}

Result<BaseImage> BaseImage::resolve(data::ArtifactStore &store,
                                     const BaseImageReference &reference, const QString &os,
                                     const QString &architecture) {
    const QString name = reference.toString();
    HELIOS_TRY(data::validateRepository(reference.repository));
    if (reference.reference.contains(QLatin1Char(':')))
        HELIOS_TRY(data::validateDigest(reference.reference));
    else
        HELIOS_TRY(data::validateTag(reference.reference));

    auto top = store.getManifest(reference.repository, reference.reference);
    if (!top.ok()) {
        if (top.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("base image %1 not found").arg(name),
                             top.error().context);
        return top.error();
    }
    BaseImage base;
    base.m_reference = reference;
    base.m_digest = top->digest;

    auto root = parseObject(top->bytes, QStringLiteral("manifest of base image ") + name, name);
    HELIOS_TRY(root);
    data::Manifest chosen = top.value();
    QString mediaType = mediaTypeOf(chosen, root.value());
    const bool fromIndex = isIndex(mediaType);
    if (fromIndex) {
        // A multi-platform base: take the wanted platform's manifest.
        QString digest;
        QStringList available;
        for (const QJsonValue &value : root->value("manifests"_L1).toArray()) {
            const QJsonObject platform = value.toObject().value("platform"_L1).toObject();
            const QString entryOs = platform.value("os"_L1).toString();
            const QString entryArchitecture = platform.value("architecture"_L1).toString();
            available.append(entryOs + QLatin1Char('/') + entryArchitecture);
            if (digest.isEmpty() && entryOs == os && entryArchitecture == architecture)
                digest = value.toObject().value("digest"_L1).toString();
        }
        if (digest.isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("base image %1 has no %2/%3 image (it has: %4)")
                    .arg(name, os, architecture,
                         available.isEmpty() ? QStringLiteral("none") : available.join(u", "_s)),
                name);
        auto platformManifest = store.getManifest(reference.repository, digest);
        HELIOS_TRY(platformManifest);
        chosen = std::move(platformManifest.value());
        root = parseObject(chosen.bytes, QStringLiteral("manifest of base image ") + name, name);
        HELIOS_TRY(root);
        mediaType = mediaTypeOf(chosen, root.value());
    }
    if (!isManifest(mediaType))
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral(
                "base image %1 has manifest type \"%2\"; an OCI or Docker v2 image manifest "
                "is needed")
                .arg(name, mediaType),
            name);

    const QJsonObject configDescriptor = root->value("config"_L1).toObject();
    const QString configType = configDescriptor.value("mediaType"_L1).toString();
    if (configType != OciImageConfigMediaType && configType != DockerConfigMediaType)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("base %1 is not an image: its config has media type \"%2\"")
                             .arg(name, configType),
                         name);
    auto configBytes =
        store.getBlob(reference.repository, configDescriptor.value("digest"_L1).toString());
    HELIOS_TRY(configBytes);
    auto config =
        parseObject(configBytes.value(), QStringLiteral("config of base image ") + name, name);
    HELIOS_TRY(config);
    base.m_config = std::move(config.value());

    const QString configOs = base.m_config.value("os"_L1).toString();
    const QString configArchitecture = base.m_config.value("architecture"_L1).toString();
    if (configOs != os || configArchitecture != architecture)
        return makeError(fromIndex ? ErrorCode::Corrupt : ErrorCode::InvalidArgument,
                         QStringLiteral("base image %1 is built for %2/%3; %4/%5 is needed")
                             .arg(name, configOs, configArchitecture, os, architecture),
                         name);

    const QJsonArray layers = root->value("layers"_L1).toArray();
    const QJsonArray diffIds =
        base.m_config.value("rootfs"_L1).toObject().value("diff_ids"_L1).toArray();
    if (layers.size() != diffIds.size())
        return makeError(
            ErrorCode::Corrupt,
            QStringLiteral("base image %1 has %2 layers but its config lists %3 diff_ids")
                .arg(name)
                .arg(layers.size())
                .arg(diffIds.size()),
            name);
    for (const QJsonValue &value : layers) {
        QJsonObject layer = value.toObject();
        auto ociType = ociLayerMediaType(layer.value("mediaType"_L1).toString());
        HELIOS_TRY(ociType);
        layer.insert("mediaType"_L1, ociType.value());
        base.m_layers.append(layer);
        if (!layer.contains("urls"_L1))
            base.m_layerBlobs.append({ociType.value(), layer.value("digest"_L1).toString(),
                                      static_cast<qint64>(layer.value("size"_L1).toDouble())});
    }
    qCDebug(lcIgnis) << "base image" << name << "resolved to" << chosen.digest << "with"
                     << layers.size() << "layers";
    return base;
}

} // namespace helios::ignis
