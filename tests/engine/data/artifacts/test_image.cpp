// SPDX-License-Identifier: Apache-2.0
#include "test_image.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

namespace helios::test {

namespace {

bool run(const QString &program, const QStringList &arguments, const QString &workDir, QByteArray *output,
         QString *error)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

} // namespace

QByteArray manifestFor(const TestImage &image, const QString &variant)
{
    const auto descriptor = [](const data::Descriptor &d) {
        return QJsonObject{{QStringLiteral("mediaType"), d.mediaType},
                           {QStringLiteral("digest"), d.digest},
                           {QStringLiteral("size"), d.size}};
    };
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(data::OciManifestMediaType)},
        {QStringLiteral("config"), descriptor(image.configDescriptor)},
        {QStringLiteral("layers"), QJsonArray{descriptor(image.layerDescriptor)}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("org.opencontainers.image.version"), variant}}}};
    return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

TestImage buildTestImage(const QString &workDir, const QString &variant, QString *error)
{
    const QString root = workDir + QStringLiteral("/rootfs-") + variant;
    QDir().mkpath(root + QStringLiteral("/app"));
    QFile file(root + QStringLiteral("/app/index.html"));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write ") + file.fileName();
        return {};
    }
    file.write("<!doctype html><title>helios ");
    file.write(variant.toUtf8());
    file.write("</title>\n");
    file.close();

    // A fixed mtime and owner make the layer reproducible; gzip -n leaves out the name and time.
    QByteArray tar;
    QByteArray gzip;
    const QString tarPath = workDir + QStringLiteral("/layer-") + variant + QStringLiteral(".tar");
    if (!run(QStringLiteral("tar"),
             {QStringLiteral("--mtime=2024-01-01 00:00:00Z"), QStringLiteral("--owner=0"), QStringLiteral("--group=0"),
              QStringLiteral("--numeric-owner"), QStringLiteral("-cf"), tarPath, QStringLiteral("-C"), root,
              QStringLiteral("app")},
             workDir, nullptr, error)
        || !run(QStringLiteral("gzip"), {QStringLiteral("-n"), QStringLiteral("-c"), tarPath}, workDir, &gzip, error))
        return {};
    QFile tarFile(tarPath);
    if (!tarFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + tarPath;
        return {};
    }
    tar = tarFile.readAll();

    TestImage image;
    image.layer = gzip;
    image.layerDescriptor = {QString(LayerMediaType), data::sha256Digest(gzip), gzip.size()};
    const QJsonObject config{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/app/index.html")}}}},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), QJsonArray{data::sha256Digest(tar)}}}}};
    image.config = QJsonDocument(config).toJson(QJsonDocument::Compact);
    image.configDescriptor = {QString(ImageConfigMediaType), data::sha256Digest(image.config), image.config.size()};
    image.manifest = manifestFor(image, variant);
    image.manifestDigest = data::sha256Digest(image.manifest);
    return image;
}

Result<QString> pushTestImage(data::ArtifactStore &store, const QString &repository, const QString &tag,
                              const TestImage &image)
{
    HELIOS_TRY(store.putBlob(repository, image.config, image.configDescriptor.mediaType));
    HELIOS_TRY(store.putBlob(repository, image.layer, image.layerDescriptor.mediaType));
    return store.putManifest(repository, tag, image.manifest, QString(data::OciManifestMediaType));
}

int runSkopeo(const QStringList &arguments, QByteArray *output, QByteArray *errors)
{
    QProcess process;
    process.start(QStringLiteral("/usr/bin/skopeo"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        *errors = process.readAllStandardError() + process.errorString().toUtf8();
        return -1;
    }
    *output = process.readAllStandardOutput();
    *errors = process.readAllStandardError();
    return process.exitCode();
}

QString uniqueRepository(const QString &what)
{
    return QStringLiteral("helios-test/%1-%2").arg(what).arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                              QLatin1Char('0'));
}

} // namespace helios::test
