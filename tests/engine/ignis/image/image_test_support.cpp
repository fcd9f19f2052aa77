// SPDX-License-Identifier: Apache-2.0
#include "image_test_support.h"

#include "ignis/image/image_spec.h"
#include "ignis/image/layer_writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace helios::test {

namespace {

struct ReaderDeleter {
    void operator()(struct archive *a) const { archive_read_free(a); }
};
using Reader = std::unique_ptr<struct archive, ReaderDeleter>;

QByteArray readData(struct archive *a) {
    QByteArray data;
    char buffer[65536];
    la_ssize_t n;
    while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
        data.append(buffer, static_cast<qsizetype>(n));
    return data;
}

} // namespace

bool readLayer(const QByteArray &gzip, QList<LayerEntry> *entries, QString *error) {
    Reader reader(archive_read_new());
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_tar(reader.get());
    if (archive_read_open_memory(reader.get(), gzip.constData(),
                                 static_cast<size_t>(gzip.size())) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(reader.get()));
        return false;
    }
    // Only gzip is allowed around the tar: anything else is a wrong layer.
    if (archive_filter_code(reader.get(), 0) != ARCHIVE_FILTER_GZIP) {
        *error = QStringLiteral("layer is not gzip'd");
        return false;
    }
    archive_entry *header = nullptr;
    int status;
    while ((status = archive_read_next_header(reader.get(), &header)) == ARCHIVE_OK) {
        LayerEntry entry;
        entry.path = QString::fromUtf8(archive_entry_pathname_utf8(header));
        switch (archive_entry_filetype(header)) {
        case AE_IFREG:
            entry.kind = LayerEntry::Kind::File;
            break;
        case AE_IFDIR:
            entry.kind = LayerEntry::Kind::Directory;
            break;
        case AE_IFLNK:
            entry.kind = LayerEntry::Kind::Symlink;
            break;
        default:
            entry.kind = LayerEntry::Kind::Other;
            break;
        }
        entry.mode = static_cast<int>(archive_entry_perm(header));
        entry.uid = archive_entry_uid(header);
        entry.gid = archive_entry_gid(header);
        entry.mtime = archive_entry_mtime(header);
        if (const char *target = archive_entry_symlink_utf8(header))
            entry.symlink = QString::fromUtf8(target);
        entry.data = readData(reader.get());
        entries->append(entry);
    }
    if (status != ARCHIVE_EOF) {
        *error = QString::fromUtf8(archive_error_string(reader.get()));
        return false;
    }
    return true;
}

QByteArray gunzip(const QByteArray &gzip, QString *error) {
    Reader reader(archive_read_new());
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_raw(reader.get());
    archive_entry *header = nullptr;
    if (archive_read_open_memory(reader.get(), gzip.constData(),
                                 static_cast<size_t>(gzip.size())) != ARCHIVE_OK ||
        archive_read_next_header(reader.get(), &header) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(reader.get()));
        return {};
    }
    return readData(reader.get());
}

bool writeFile(const QString &path, const QByteArray &bytes, int mode) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    QFileDevice::Permissions permissions;
    if (mode & 0400)
        permissions |= QFileDevice::ReadOwner | QFileDevice::ReadUser;
    if (mode & 0200)
        permissions |= QFileDevice::WriteOwner | QFileDevice::WriteUser;
    if (mode & 0100)
        permissions |= QFileDevice::ExeOwner | QFileDevice::ExeUser;
    if (mode & 0040)
        permissions |= QFileDevice::ReadGroup;
    if (mode & 0020)
        permissions |= QFileDevice::WriteGroup;
    if (mode & 0010)
        permissions |= QFileDevice::ExeGroup;
    if (mode & 0004)
        permissions |= QFileDevice::ReadOther;
    if (mode & 0002)
        permissions |= QFileDevice::WriteOther;
    if (mode & 0001)
        permissions |= QFileDevice::ExeOther;
    return file.setPermissions(permissions);
}

Result<BaseImageBlobs> pushBaseImage(data::ArtifactStore &store, const QString &workDir,
                                     const QString &repository, const QString &tag,
                                     const QString &architecture, bool docker) {
    const QString root = workDir + QStringLiteral("/base-") +
                         repository.section(QLatin1Char('/'), -1) + QLatin1Char('-') +
                         architecture + (docker ? QStringLiteral("-docker") : QString());
    if (!writeFile(root + QStringLiteral("/bin/tool"),
                   "#!/bin/sh\necho " + architecture.toUtf8() + "\n", 0755) ||
        !writeFile(root + QStringLiteral("/etc/os-release"), "ID=helios-test-base\n"))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the base image's files"),
                         root);
    ignis::LayerWriter writer;
    writer.setRootPath(QStringLiteral("/"));
    writer.setModificationTime(QDateTime(QDate(2023, 5, 1), QTime(12, 0), Qt::UTC));
    auto layer = writer.write(root);
    HELIOS_TRY(layer);

    const QString configType =
        docker ? QStringLiteral("application/vnd.docker.container.image.v1+json")
               : QString(ignis::OciImageConfigMediaType);
    const QString layerType =
        docker ? QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip")
               : QString(ignis::OciLayerGzipMediaType);
    const QString manifestType =
        docker ? QString(data::DockerManifestMediaType) : QString(data::OciManifestMediaType);
    const QJsonObject config{
        {QStringLiteral("architecture"), architecture},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("created"), QStringLiteral("2023-05-01T12:00:00Z")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/tool")}},
                     {QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/bin")}},
                     {QStringLiteral("Labels"),
                      QJsonObject{{QStringLiteral("org.example.base"), QStringLiteral("yes")},
                                  {QStringLiteral("org.opencontainers.image.title"),
                                   QStringLiteral("base")}}}}},
        {QStringLiteral("rootfs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                     {QStringLiteral("diff_ids"), QJsonArray{layer->diffId}}}},
        {QStringLiteral("history"),
         QJsonArray{QJsonObject{{QStringLiteral("created_by"), QStringLiteral("test base")}}}}};
    BaseImageBlobs blobs;
    blobs.configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
    auto configDescriptor = store.putBlob(repository, blobs.configBytes, configType);
    HELIOS_TRY(configDescriptor);
    auto layerDescriptor = store.putBlob(repository, layer->bytes, layerType);
    HELIOS_TRY(layerDescriptor);
    blobs.config = {configType, configDescriptor->digest, configDescriptor->size};
    blobs.layer = {layerType, layerDescriptor->digest, layerDescriptor->size};
    const auto descriptor = [](const data::Descriptor &d) {
        return QJsonObject{{QStringLiteral("mediaType"), d.mediaType},
                           {QStringLiteral("digest"), d.digest},
                           {QStringLiteral("size"), d.size}};
    };
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), manifestType},
                               {QStringLiteral("config"), descriptor(blobs.config)},
                               {QStringLiteral("layers"), QJsonArray{descriptor(blobs.layer)}}};
    auto digest = store.putManifest(
        repository, tag, QJsonDocument(manifest).toJson(QJsonDocument::Compact), manifestType);
    HELIOS_TRY(digest);
    blobs.manifestDigest = digest.value();
    return blobs;
}

Result<QString> pushIndex(data::ArtifactStore &store, const QString &repository, const QString &tag,
                          const QList<std::pair<QString, QString>> &manifests) {
    QJsonArray entries;
    for (const auto &[digest, architecture] : manifests) {
        auto manifest = store.getManifest(repository, digest);
        HELIOS_TRY(manifest);
        entries.append(QJsonObject{{QStringLiteral("mediaType"), manifest->mediaType},
                                   {QStringLiteral("digest"), digest},
                                   {QStringLiteral("size"), manifest->bytes.size()},
                                   {QStringLiteral("platform"),
                                    QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                                                {QStringLiteral("architecture"), architecture}}}});
    }
    const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), QString(data::OciIndexMediaType)},
                            {QStringLiteral("manifests"), entries}};
    return store.putManifest(repository, tag, QJsonDocument(index).toJson(QJsonDocument::Compact),
                             QString(data::OciIndexMediaType));
}

QString ToolRun::describe(const QString &program) const
{
    return QStringLiteral("%1 exited with %2: %3").arg(program).arg(exitCode).arg(QString::fromLocal8Bit(errors));
}

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished(5000);
        run.errors = process.readAllStandardError() + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitCode();
    run.output = process.readAllStandardOutput();
    run.errors = process.readAllStandardError();
    return run;
}

} // namespace helios::test
