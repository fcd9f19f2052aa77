// SPDX-License-Identifier: Apache-2.0
// Images published to the real registry (Debian's docker-registry) and checked with the
// tools others use on them: skopeo reads them, umoci unpacks them into a root file
// system. The base is a real one: Debian's busybox-static with httpd as its command.
#include "ignis/image/image_publisher.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "ignis/image/layer_writer.h"
#include "image_test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

#include <memory>

using namespace helios;
using namespace helios::ignis;
using helios::test::runTool;
using helios::test::ToolRun;

namespace {

const QString Busybox = QStringLiteral("/bin/busybox");

QString uniqueRepository(const QString &what) {
    return QStringLiteral("helios-test/ignis-%1-%2")
        .arg(what)
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class ImageRegistryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testSiteOnBusyboxReadsAndUnpacks();
    void testArtifactIsStoredAsPublished();

private:
    QString dockerReference(const QString &repository, const QString &tag) const {
        return QStringLiteral("docker://%1/%2:%3").arg(m_host, repository, tag);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<data::ArtifactStore> m_store;
    QString m_host; // host:port of the registry
    QString m_site;
    QString m_baseRepository;
    data::Descriptor m_baseLayer;
};

void ImageRegistryTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(test::realBackend());
    const QUrl url(test::serviceUrl(QStringLiteral("REGISTRY_URL")));
    m_host = url.authority();
    QVERIFY2(!m_host.isEmpty(), qPrintable(url.toString()));
    auto store = data::openArtifactStore(
        test::configFor(m_dir.filePath(QStringLiteral("data")), {QStringLiteral("REGISTRY_URL")}));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(store.value());
    QCOMPARE(m_store->kind(), QStringLiteral("registry"));
    for (const QString &tool :
         {QStringLiteral("/usr/bin/skopeo"), QStringLiteral("/usr/bin/umoci"), Busybox})
        QVERIFY2(QFileInfo(tool).isExecutable(),
                 qPrintable(tool + QStringLiteral(" is missing (scripts/setup installs it)")));

    m_site = m_dir.filePath(QStringLiteral("site"));
    QVERIFY(test::writeFile(m_site + QStringLiteral("/index.html"),
                            "<!doctype html><title>helios on busybox</title>\n"));
    QVERIFY(test::writeFile(m_site + QStringLiteral("/assets/app.js"), "document.title += '!';\n"));

    // The base: busybox and its applets as symlinks, run as httpd serving /srv/www.
    const QString rootfs = m_dir.filePath(QStringLiteral("busybox-rootfs"));
    QVERIFY(QDir().mkpath(rootfs + QStringLiteral("/bin")));
    QVERIFY(QFile::copy(Busybox, rootfs + QStringLiteral("/bin/busybox")));
    QVERIFY(QFile::setPermissions(rootfs + QStringLiteral("/bin/busybox"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner));
    for (const QString &applet :
         {QStringLiteral("sh"), QStringLiteral("httpd"), QStringLiteral("ls")})
        QVERIFY(QFile::link(QStringLiteral("busybox"), rootfs + QStringLiteral("/bin/") + applet));
    LayerWriter writer;
    writer.setRootPath(QStringLiteral("/"));
    writer.setModificationTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    auto layer = writer.write(rootfs);
    QVERIFY2(layer.ok(), qPrintable(layer.ok() ? QString() : layer.error().toString()));
    const QJsonObject config{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00Z")},
        {QStringLiteral("config"),
         QJsonObject{
             {QStringLiteral("Cmd"),
              QJsonArray{QStringLiteral("/bin/httpd"), QStringLiteral("-f"), QStringLiteral("-p"),
                         QStringLiteral("8080"), QStringLiteral("-h"), QStringLiteral("/srv/www")}},
             {QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/bin")}},
             {QStringLiteral("ExposedPorts"),
              QJsonObject{{QStringLiteral("8080/tcp"), QJsonObject()}}}}},
        {QStringLiteral("rootfs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                     {QStringLiteral("diff_ids"), QJsonArray{layer->diffId}}}},
        {QStringLiteral("history"),
         QJsonArray{
             QJsonObject{{QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00Z")},
                         {QStringLiteral("created_by"), QStringLiteral("busybox-static")}}}}};
    const QByteArray configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
    m_baseRepository = uniqueRepository(QStringLiteral("busybox"));
    auto configDescriptor =
        m_store->putBlob(m_baseRepository, configBytes, QString(OciImageConfigMediaType));
    QVERIFY2(configDescriptor.ok(),
             qPrintable(configDescriptor.ok() ? QString() : configDescriptor.error().toString()));
    auto layerDescriptor =
        m_store->putBlob(m_baseRepository, layer->bytes, QString(OciLayerGzipMediaType));
    QVERIFY(layerDescriptor.ok());
    m_baseLayer = layerDescriptor.value();
    const auto descriptor = [](const data::Descriptor &d) {
        return QJsonObject{{QStringLiteral("mediaType"), d.mediaType},
                           {QStringLiteral("digest"), d.digest},
                           {QStringLiteral("size"), d.size}};
    };
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QString(data::OciManifestMediaType)},
                               {QStringLiteral("config"), descriptor(configDescriptor.value())},
                               {QStringLiteral("layers"), QJsonArray{descriptor(m_baseLayer)}}};
    auto pushed = m_store->putManifest(m_baseRepository, QStringLiteral("1.35"),
                                       QJsonDocument(manifest).toJson(QJsonDocument::Compact),
                                       QString(data::OciManifestMediaType));
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
}

void ImageRegistryTest::testSiteOnBusyboxReadsAndUnpacks() {
    ImageSpec spec;
    spec.sourceDir = m_site;
    spec.repository = uniqueRepository(QStringLiteral("site"));
    spec.tag = QStringLiteral("2.1.0");
    spec.base = BaseImageReference{m_baseRepository, QStringLiteral("1.35")};
    spec.created = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    spec.labels.insert(QStringLiteral("org.opencontainers.image.title"),
                       QStringLiteral("shop-web"));
    spec.labels.insert(QStringLiteral("org.opencontainers.image.source"),
                       QStringLiteral("https://git.example/shop"));
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));

    const QString reference = dockerReference(spec.repository, spec.tag);
    const ToolRun inspect =
        runTool(QStringLiteral("/usr/bin/skopeo"),
                {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"), reference});
    QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.describe(QStringLiteral("skopeo inspect"))));
    const QJsonObject info = QJsonDocument::fromJson(inspect.output).object();
    QCOMPARE(info.value(u"Digest").toString(), published->manifest.digest);
    QCOMPARE(info.value(u"Architecture").toString(), QStringLiteral("amd64"));
    QCOMPARE(info.value(u"Os").toString(), QStringLiteral("linux"));
    const QJsonArray layers = info.value(u"Layers").toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers.at(0).toString(), m_baseLayer.digest);
    QCOMPARE(layers.at(1).toString(), published->layers.last().digest);
    const QJsonObject labels = info.value(u"Labels").toObject();
    QCOMPARE(labels.value(u"org.opencontainers.image.title").toString(),
             QStringLiteral("shop-web"));
    QCOMPARE(labels.value(u"org.opencontainers.image.source").toString(),
             QStringLiteral("https://git.example/shop"));
    QCOMPARE(labels.value(u"org.opencontainers.image.version").toString(), QStringLiteral("2.1.0"));
    QCOMPARE(labels.value(u"org.opencontainers.image.created").toString(),
             QStringLiteral("2024-06-01T12:00:00Z"));

    // skopeo copies it into an OCI layout (checking every digest on the way), umoci
    // unpacks that into a root file system.
    const QString layout = m_dir.filePath(QStringLiteral("layout"));
    const ToolRun copy = runTool(QStringLiteral("/usr/bin/skopeo"),
                                 {QStringLiteral("copy"), QStringLiteral("--src-tls-verify=false"),
                                  reference, QStringLiteral("oci:%1:%2").arg(layout, spec.tag)});
    QVERIFY2(copy.exitCode == 0, qPrintable(copy.describe(QStringLiteral("skopeo copy"))));
    const QString bundle = m_dir.filePath(QStringLiteral("bundle"));
    QStringList unpackArguments{QStringLiteral("unpack")};
    if (::geteuid() != 0)
        unpackArguments.append(QStringLiteral("--rootless"));
    unpackArguments +=
        {QStringLiteral("--image"), QStringLiteral("%1:%2").arg(layout, spec.tag), bundle};
    const ToolRun unpack = runTool(QStringLiteral("/usr/bin/umoci"), unpackArguments);
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.describe(QStringLiteral("umoci unpack"))));

    const QString rootfs = bundle + QStringLiteral("/rootfs");
    QCOMPARE(readAll(rootfs + QStringLiteral("/srv/www/index.html")),
             readAll(m_site + QStringLiteral("/index.html")));
    QCOMPARE(readAll(rootfs + QStringLiteral("/srv/www/assets/app.js")),
             readAll(m_site + QStringLiteral("/assets/app.js")));
    const QFileInfo busybox(rootfs + QStringLiteral("/bin/busybox"));
    QVERIFY(busybox.isFile());
    QVERIFY(busybox.isExecutable());
    QCOMPARE(busybox.size(), QFileInfo(Busybox).size());
    const QFileInfo httpd(rootfs + QStringLiteral("/bin/httpd"));
    QVERIFY(httpd.isSymLink());
    QCOMPARE(QFileInfo(QFile::symLinkTarget(httpd.filePath())).canonicalFilePath(),
             busybox.canonicalFilePath());
    QCOMPARE(QFileInfo(rootfs + QStringLiteral("/srv/www/index.html")).permissions() &
                 QFileDevice::ExeOther,
             QFileDevice::Permissions());

    // The runtime config umoci derived: the base's httpd command, unchanged.
    const QJsonObject runtime =
        QJsonDocument::fromJson(readAll(bundle + QStringLiteral("/config.json"))).object();
    const QJsonArray args = runtime.value(u"process").toObject().value(u"args").toArray();
    QCOMPARE(args, QJsonArray({QStringLiteral("/bin/httpd"), QStringLiteral("-f"),
                               QStringLiteral("-p"), QStringLiteral("8080"), QStringLiteral("-h"),
                               QStringLiteral("/srv/www")}));
}

void ImageRegistryTest::testArtifactIsStoredAsPublished() {
    ImageSpec spec;
    spec.sourceDir = m_site;
    spec.repository = uniqueRepository(QStringLiteral("artifact"));
    spec.tag = QStringLiteral("2.1.0");
    spec.created = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    spec.labels.insert(QStringLiteral("org.opencontainers.image.title"),
                       QStringLiteral("shop-web"));
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    QVERIFY(published->artifact);

    const ToolRun raw =
        runTool(QStringLiteral("/usr/bin/skopeo"),
                {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"),
                 QStringLiteral("--raw"), dockerReference(spec.repository, spec.tag)});
    QVERIFY2(raw.exitCode == 0, qPrintable(raw.describe(QStringLiteral("skopeo inspect --raw"))));
    // The registry serves the manifest byte for byte as pushed.
    QCOMPARE(data::sha256Digest(raw.output), published->manifest.digest);
    const QJsonObject manifest = QJsonDocument::fromJson(raw.output).object();
    QCOMPARE(manifest.value(u"artifactType").toString(), QString(StaticSiteArtifactType));
    QCOMPARE(manifest.value(u"config").toObject().value(u"mediaType").toString(),
             QString(OciEmptyMediaType));
    const QJsonArray layers = manifest.value(u"layers").toArray();
    QCOMPARE(layers.size(), 1);
    QCOMPARE(manifest.value(u"annotations")
                 .toObject()
                 .value(u"org.opencontainers.image.version")
                 .toString(),
             QStringLiteral("2.1.0"));

    // skopeo refuses "inspect" without --raw on artifacts (no image config to show) but
    // copies them, checking every digest.
    const ToolRun copy =
        runTool(QStringLiteral("/usr/bin/skopeo"),
                {QStringLiteral("copy"), QStringLiteral("--src-tls-verify=false"),
                 dockerReference(spec.repository, spec.tag),
                 QStringLiteral("oci:%1:%2")
                     .arg(m_dir.filePath(QStringLiteral("artifact-layout")), spec.tag)});
    QVERIFY2(copy.exitCode == 0, qPrintable(copy.describe(QStringLiteral("skopeo copy"))));

    // And the layer the registry holds is the site, under /srv/www.
    auto layer =
        m_store->getBlob(spec.repository, layers.at(0).toObject().value(u"digest").toString());
    QVERIFY2(layer.ok(), qPrintable(layer.ok() ? QString() : layer.error().toString()));
    QList<test::LayerEntry> entries;
    QString error;
    QVERIFY2(test::readLayer(layer.value(), &entries, &error), qPrintable(error));
    QCOMPARE(entries.last().path, QStringLiteral("srv/www/index.html"));
    QCOMPARE(entries.last().data, readAll(m_site + QStringLiteral("/index.html")));
}

QTEST_GUILESS_MAIN(ImageRegistryTest)
#include "image_registry_test.moc"
