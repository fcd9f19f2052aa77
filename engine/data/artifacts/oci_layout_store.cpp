// SPDX-License-Identifier: Apache-2.0
#include "oci_layout_store.h"

#include "core/logging.h"
#include "core/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutexLocker>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace helios::data {

namespace {

const QLatin1StringView RefNameAnnotation{"org.opencontainers.image.ref.name"};
const QLatin1StringView IndexFile{"index.json"};

QString hexOf(const QString &digest) { return digest.mid(7); }  // after "sha256:"

// Hex SHA-256 of a file from its current position, read in chunks; empty on a read error.
QString hexHashOf(QFile &file)
{
    Sha256 hash;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (qint64 n; (n = file.read(chunk.data(), chunk.size())) != 0;) {
        if (n < 0)
            return {};
        hash.add(QByteArrayView(chunk.constData(), n));
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Writes `bytes` to `path` so that readers see the old file or the whole new one,
// never a torn write: temporary file in the same directory, fsync, rename(2). When
// `digest` is given the temporary file is read back and hashed before it is renamed
// into place, so a blob file only ever exists with the content its name promises.
// Relaxed writes skip the fsync and the read-back (see Durability).
Result<void> writeAtomically(const QString &path, const QByteArray &bytes, const QString &digest = {},
                             Durability durability = Durability::Synced)
{
    const QFileInfo info(path);
    QTemporaryFile file(info.absolutePath() + QStringLiteral("/.tmp-") + info.fileName() + QStringLiteral("-XXXXXX"));
    if (!file.open())
        return makeError(ErrorCode::Io, QStringLiteral("cannot create temporary file: ") + file.errorString(), path);
    if (file.write(bytes) != bytes.size() || !file.flush())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write: ") + file.errorString(), file.fileName());
    const bool synced = durability == Durability::Synced;
    if (synced && ::fsync(file.handle()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("fsync failed: ") + QString::fromLocal8Bit(std::strerror(errno)),
                         file.fileName());
    if (synced && !digest.isEmpty()) {
        file.seek(0);
        const QString hex = hexHashOf(file);
        if (hex.isEmpty())
            return makeError(ErrorCode::Io, QStringLiteral("cannot read back: ") + file.errorString(), file.fileName());
        const QString written = QStringLiteral("sha256:") + hex;
        if (written != digest)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("blob written as %1 reads back as %2").arg(digest, written), file.fileName());
    }
    // Blobs are immutable and meant to be read by other tools (skopeo, a registry).
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    file.close();
    if (std::rename(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot rename into place: ")
                                            + QString::fromLocal8Bit(std::strerror(errno)), path);
    file.setAutoRemove(false);
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!file.exists())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such file"), path);
        return makeError(ErrorCode::Io, QStringLiteral("cannot read: ") + file.errorString(), path);
    }
    return file.readAll();
}

Result<QJsonObject> readIndex(const QString &repositoryPath)
{
    const QString path = repositoryPath + QLatin1Char('/') + IndexFile;
    auto bytes = readFile(path);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("repository does not exist"), repositoryPath);
        return bytes.error();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::Corrupt, QStringLiteral("index.json is not a JSON object"), path);
    return document.object();
}

QString refName(const QJsonObject &entry)
{
    return entry.value(QLatin1StringView("annotations")).toObject().value(RefNameAnnotation).toString();
}

} // namespace

OciLayoutStore::OciLayoutStore(const QString &dataDir)
    : m_root(QDir::cleanPath(dataDir + QStringLiteral("/oci")))
{
}

OciLayoutStore::~OciLayoutStore() = default;

QString OciLayoutStore::repositoryPath(const QString &repository) const
{
    return m_root + QLatin1Char('/') + repository;
}

QString OciLayoutStore::blobPath(const QString &repository, const QString &digest) const
{
    return repositoryPath(repository) + QStringLiteral("/blobs/sha256/") + hexOf(digest);
}

Result<void> OciLayoutStore::ensureLayout(const QString &repository)
{
    const QString dir = repositoryPath(repository);
    if (QFileInfo::exists(dir + QStringLiteral("/oci-layout")) && QFileInfo::exists(dir + QLatin1Char('/') + IndexFile))
        return {};
    if (!QDir().mkpath(dir + QStringLiteral("/blobs/sha256")))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create image-layout directory"), dir);
    // Both writers of a racing first put write identical files, so the race is harmless.
    if (!QFileInfo::exists(dir + QStringLiteral("/oci-layout")))
        HELIOS_TRY(writeAtomically(dir + QStringLiteral("/oci-layout"), QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}")));
    QMutexLocker locker(&m_indexMutex);
    if (!QFileInfo::exists(dir + QLatin1Char('/') + IndexFile)) {
        const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                                {QStringLiteral("mediaType"), QString(OciIndexMediaType)},
                                {QStringLiteral("manifests"), QJsonArray()}};
        HELIOS_TRY(writeAtomically(dir + QLatin1Char('/') + IndexFile, QJsonDocument(index).toJson(QJsonDocument::Compact)));
        qCDebug(lcArtifacts) << "created OCI image layout" << dir;
    }
    return {};
}

Result<void> OciLayoutStore::writeBlob(const QString &repository, const QString &digest, const QByteArray &bytes,
                                       Durability durability)
{
    const QString path = blobPath(repository, digest);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        // Present and intact: nothing to do. A damaged copy is repaired by rewriting it.
        if (existing.size() == bytes.size() && hexHashOf(existing) == hexOf(digest))
            return {};
        qCWarning(lcArtifacts) << "replacing damaged blob" << path;
    }
    return writeAtomically(path, bytes, digest, durability);
}

Result<Descriptor> OciLayoutStore::putBlob(const QString &repository, const QByteArray &bytes, const QString &mediaType,
                                           Durability durability)
{
    HELIOS_TRY(validateRepository(repository));
    Descriptor descriptor{mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : mediaType,
                          sha256Digest(bytes), bytes.size()};
    HELIOS_TRY(ensureLayout(repository));
    HELIOS_TRY(writeBlob(repository, descriptor.digest, bytes, durability));
    return descriptor;
}

Result<bool> OciLayoutStore::hasBlob(const QString &repository, const QString &digest)
{
    HELIOS_TRY(validateRepository(repository));
    HELIOS_TRY(validateDigest(digest));
    return QFileInfo(blobPath(repository, digest)).isFile();
}

Result<QByteArray> OciLayoutStore::getBlob(const QString &repository, const QString &digest)
{
    HELIOS_TRY(validateRepository(repository));
    HELIOS_TRY(validateDigest(digest));
    const QString path = blobPath(repository, digest);
    auto bytes = readFile(path);
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, QStringLiteral("blob %1 is not in %2").arg(digest, repository), path);
        return bytes.error();
    }
    const QString actual = sha256Digest(bytes.value());
    if (actual != digest)
        return makeError(ErrorCode::Corrupt, QStringLiteral("blob %1 hashes to %2").arg(digest, actual), path);
    return bytes;
}

Result<void> OciLayoutStore::addToIndex(const QString &repository, const QString &tag, const Descriptor &manifest,
                                        Durability durability)
{
    const QString dir = repositoryPath(repository);
    QMutexLocker locker(&m_indexMutex);
    // The mutex orders our own threads; the lock file orders other stores and processes.
    QLockFile lock(dir + QStringLiteral("/.index.json.lock"));
    if (!lock.tryLock(10000))
        return makeError(ErrorCode::Conflict, QStringLiteral("index.json is locked by another writer"), dir);

    auto index = readIndex(dir);
    HELIOS_TRY(index);
    QJsonArray manifests = index->value(QLatin1StringView("manifests")).toArray();
    QJsonArray updated;
    bool present = false;
    for (const QJsonValue &value : std::as_const(manifests)) {
        const QJsonObject entry = value.toObject();
        const QString name = refName(entry);
        if (!tag.isEmpty() && name == tag)
            continue;  // re-tagging: the tag now names the new manifest
        if (tag.isEmpty() && entry.value(QLatin1StringView("digest")).toString() == manifest.digest)
            present = true;
        updated.append(value);
    }
    if (tag.isEmpty() && present)
        return {};

    QJsonObject entry{{QStringLiteral("mediaType"), manifest.mediaType},
                      {QStringLiteral("digest"), manifest.digest},
                      {QStringLiteral("size"), manifest.size}};
    if (!tag.isEmpty())
        entry.insert(QStringLiteral("annotations"), QJsonObject{{QString(RefNameAnnotation), tag}});
    updated.append(entry);
    index->insert(QStringLiteral("manifests"), updated);
    return writeAtomically(dir + QLatin1Char('/') + IndexFile, QJsonDocument(index.value()).toJson(QJsonDocument::Compact), {},
                           durability);
}

Result<QString> OciLayoutStore::putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                                            const QString &mediaType, Durability durability)
{
    auto references = checkManifestInput(repository, tag, bytes, mediaType);
    HELIOS_TRY(references);
    // Check every reference before writing anything, so a rejected manifest leaves no trace.
    for (const Descriptor &reference : std::as_const(references.value())) {
        const QFileInfo blob(blobPath(repository, reference.digest));
        if (!blob.isFile())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("manifest references blob %1 which is not in %2").arg(reference.digest, repository),
                             blob.filePath());
        if (blob.size() != reference.size)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("manifest gives size %1 for blob %2, which has %3 bytes")
                                 .arg(reference.size)
                                 .arg(reference.digest)
                                 .arg(blob.size()),
                             blob.filePath());
    }
    const Descriptor manifest{mediaType, sha256Digest(bytes), bytes.size()};
    HELIOS_TRY(ensureLayout(repository));
    HELIOS_TRY(writeBlob(repository, manifest.digest, bytes, durability));
    HELIOS_TRY(addToIndex(repository, tag, manifest, durability));
    qCDebug(lcArtifacts) << "stored manifest" << manifest.digest << "in" << repository << "tag" << tag;
    return manifest.digest;
}

Result<Manifest> OciLayoutStore::getManifest(const QString &repository, const QString &reference)
{
    HELIOS_TRY(validateRepository(repository));
    const bool byDigest = reference.contains(QLatin1Char(':'));
    if (byDigest)
        HELIOS_TRY(validateDigest(reference));
    else
        HELIOS_TRY(validateTag(reference));

    auto index = readIndex(repositoryPath(repository));
    HELIOS_TRY(index);
    Manifest manifest;
    const QJsonArray manifests = index->value(QLatin1StringView("manifests")).toArray();
    for (const QJsonValue &value : manifests) {
        const QJsonObject entry = value.toObject();
        const QString digest = entry.value(QLatin1StringView("digest")).toString();
        if (byDigest ? digest == reference : refName(entry) == reference) {
            manifest.digest = digest;
            manifest.mediaType = entry.value(QLatin1StringView("mediaType")).toString();
            break;
        }
    }
    if (manifest.digest.isEmpty()) {
        if (!byDigest)
            return makeError(ErrorCode::NotFound, QStringLiteral("tag %1 is not in %2").arg(reference, repository),
                             repositoryPath(repository));
        manifest.digest = reference;
    }
    if (auto valid = validateDigest(manifest.digest); !valid)
        return makeError(ErrorCode::Corrupt, QStringLiteral("index.json: ") + valid.error().message, repositoryPath(repository));

    auto bytes = getBlob(repository, manifest.digest);
    HELIOS_TRY(bytes);
    manifest.bytes = std::move(bytes.value());
    if (manifest.mediaType.isEmpty()) {
        // Stored by digest only: the manifest names its own type, as OCI manifests should.
        manifest.mediaType = QJsonDocument::fromJson(manifest.bytes).object().value(QLatin1StringView("mediaType")).toString();
        if (manifest.mediaType.isEmpty())
            manifest.mediaType = QString(OciManifestMediaType);
    }
    return manifest;
}

Result<QStringList> OciLayoutStore::listTags(const QString &repository)
{
    HELIOS_TRY(validateRepository(repository));
    auto index = readIndex(repositoryPath(repository));
    HELIOS_TRY(index);
    QStringList tags;
    const QJsonArray manifests = index->value(QLatin1StringView("manifests")).toArray();
    for (const QJsonValue &value : manifests) {
        const QString name = refName(value.toObject());
        if (!name.isEmpty())
            tags.append(name);
    }
    tags.sort();
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

Result<void> OciLayoutStore::ping()
{
    if (!QDir().mkpath(m_root))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the artifact directory"), m_root);
    if (!QFileInfo(m_root).isWritable())
        return makeError(ErrorCode::Io, QStringLiteral("the artifact directory is not writable"), m_root);
    return {};
}

} // namespace helios::data
