// SPDX-License-Identifier: Apache-2.0
// Publishing a build into the embedded ArtifactStore (an OCI image layout): images on
// OCI, Docker and multi-platform bases, artifacts without one, and specs that must
// leave the store untouched.
#include "ignis/image/image_publisher.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "ignis/image/layer_writer.h"
#include "image_test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace helios;
using namespace helios::ignis;

Q_DECLARE_METATYPE(helios::ErrorCode)

class ImagePublisherTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testSameSpecGivesTheSameDigest();
    void testArtifactWithoutBase();
    void testImageOnOciBase();
    void testDockerBaseIsMappedToOci();
    void testIndexBaseChoosesLinuxAmd64();
    void testBadSpecPushesNothing_data();
    void testBadSpecPushesNothing();

private:
    std::unique_ptr<data::ArtifactStore> openStore(const QString &name);
    ImageSpec siteSpec(const QString &repository) const;
    static QJsonObject json(const QByteArray &bytes) {
        return QJsonDocument::fromJson(bytes).object();
    }

    QTemporaryDir m_dir;
    QString m_site;
    std::unique_ptr<data::ArtifactStore> m_store;
};

void ImagePublisherTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_site = m_dir.filePath(QStringLiteral("site"));
    QVERIFY(test::writeFile(m_site + QStringLiteral("/index.html"),
                            "<!doctype html><title>shop</title>\n"));
    QVERIFY(test::writeFile(m_site + QStringLiteral("/assets/app.js"), "export const x = 1;\n"));
    m_store = openStore(QStringLiteral("store"));
    QVERIFY(m_store);
    QCOMPARE(m_store->kind(), QStringLiteral("oci-layout"));
}

std::unique_ptr<data::ArtifactStore> ImagePublisherTest::openStore(const QString &name) {
    auto store = data::openArtifactStore(test::configFor(m_dir.filePath(name), {}));
    if (!store.ok()) {
        qWarning("openArtifactStore failed: %s", qPrintable(store.error().toString()));
        return {};
    }
    return std::move(store.value());
}

ImageSpec ImagePublisherTest::siteSpec(const QString &repository) const {
    ImageSpec spec;
    spec.sourceDir = m_site;
    spec.repository = repository;
    spec.tag = QStringLiteral("1.4.0");
    spec.created = QDateTime(QDate(2024, 6, 1), QTime(10, 0), Qt::UTC);
    spec.labels.insert(QStringLiteral("org.opencontainers.image.title"),
                       QStringLiteral("shop-web"));
    spec.labels.insert(QStringLiteral("org.opencontainers.image.revision"),
                       QStringLiteral("0123abcd"));
    return spec;
}

void ImagePublisherTest::testSameSpecGivesTheSameDigest() {
    auto other = openStore(QStringLiteral("store-2"));
    QVERIFY(other);
    auto baseA = test::pushBaseImage(*m_store, m_dir.path(), QStringLiteral("base/same"),
                                     QStringLiteral("1"), QStringLiteral("amd64"), false);
    auto baseB = test::pushBaseImage(*other, m_dir.path(), QStringLiteral("base/same"),
                                     QStringLiteral("1"), QStringLiteral("amd64"), false);
    QVERIFY2(baseA.ok(), qPrintable(baseA.ok() ? QString() : baseA.error().toString()));
    QVERIFY(baseB.ok());
    QCOMPARE(baseA->manifestDigest, baseB->manifestDigest);

    ImageSpec spec = siteSpec(QStringLiteral("helios/same"));
    spec.base = BaseImageReference{QStringLiteral("base/same"), QStringLiteral("1")};
    auto a = publishImage(*m_store, spec);
    auto b = publishImage(*other, spec);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
    QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
    QCOMPARE(a->manifest.digest, b->manifest.digest);
    QCOMPARE(a->layers.last().digest, b->layers.last().digest);
    auto layerA = m_store->getBlob(a->repository, a->layers.last().digest);
    auto layerB = other->getBlob(b->repository, b->layers.last().digest);
    QVERIFY(layerA.ok() && layerB.ok());
    QCOMPARE(layerA.value(), layerB.value());

    // Publishing again is idempotent; a new time is a new image.
    auto again = publishImage(*m_store, spec);
    QVERIFY(again.ok());
    QCOMPARE(again->manifest.digest, a->manifest.digest);
    spec.created = spec.created.addSecs(1);
    auto later = publishImage(*m_store, spec);
    QVERIFY(later.ok());
    QVERIFY(later->manifest.digest != a->manifest.digest);
}

void ImagePublisherTest::testArtifactWithoutBase() {
    const ImageSpec spec = siteSpec(QStringLiteral("helios/artifact"));
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    QVERIFY(published->artifact);

    auto manifest =
        m_store->getManifest(QStringLiteral("helios/artifact"), QStringLiteral("1.4.0"));
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->digest, published->manifest.digest);
    QCOMPARE(manifest->mediaType, QString(data::OciManifestMediaType));
    const QJsonObject root = json(manifest->bytes);
    QCOMPARE(root.value(u"schemaVersion").toInt(), 2);
    QCOMPARE(root.value(u"mediaType").toString(), QString(data::OciManifestMediaType));
    QCOMPARE(root.value(u"artifactType").toString(),
             QStringLiteral("application/vnd.helios.static-site.v1"));
    const QJsonObject config = root.value(u"config").toObject();
    QCOMPARE(config.value(u"mediaType").toString(),
             QStringLiteral("application/vnd.oci.empty.v1+json"));
    QCOMPARE(
        config.value(u"digest").toString(),
        QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
    QCOMPARE(config.value(u"size").toInt(), 2);
    QCOMPARE(config.value(u"data").toString(), QStringLiteral("e30="));
    auto configBlob =
        m_store->getBlob(QStringLiteral("helios/artifact"), config.value(u"digest").toString());
    QVERIFY(configBlob.ok());
    QCOMPARE(configBlob.value(), QByteArray("{}"));

    const QJsonArray layers = root.value(u"layers").toArray();
    QCOMPARE(layers.size(), 1);
    QCOMPARE(layers.at(0).toObject().value(u"mediaType").toString(),
             QString(OciLayerGzipMediaType));
    auto layer = m_store->getBlob(QStringLiteral("helios/artifact"),
                                  layers.at(0).toObject().value(u"digest").toString());
    QVERIFY(layer.ok());
    QList<test::LayerEntry> entries;
    QString error;
    QVERIFY2(test::readLayer(layer.value(), &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries.last().path, QStringLiteral("srv/www/index.html"));

    const QJsonObject annotations = root.value(u"annotations").toObject();
    QCOMPARE(annotations.value(u"org.opencontainers.image.title").toString(),
             QStringLiteral("shop-web"));
    QCOMPARE(annotations.value(u"org.opencontainers.image.revision").toString(),
             QStringLiteral("0123abcd"));
    QCOMPARE(annotations.value(u"org.opencontainers.image.version").toString(),
             QStringLiteral("1.4.0"));
    QCOMPARE(annotations.value(u"org.opencontainers.image.created").toString(),
             QStringLiteral("2024-06-01T10:00:00Z"));
}

void ImagePublisherTest::testImageOnOciBase() {
    auto base = test::pushBaseImage(*m_store, m_dir.path(), QStringLiteral("base/oci"),
                                    QStringLiteral("stable"), QStringLiteral("amd64"), false);
    QVERIFY2(base.ok(), qPrintable(base.ok() ? QString() : base.error().toString()));
    ImageSpec spec = siteSpec(QStringLiteral("helios/on-oci"));
    spec.base = BaseImageReference{QStringLiteral("base/oci"), QStringLiteral("stable")};
    spec.labels.insert(QStringLiteral("org.opencontainers.image.version"),
                       QStringLiteral("1.4.0+build.7"));
    spec.cmd = QStringList{QStringLiteral("/bin/tool"), QStringLiteral("--serve")};
    spec.exposedPorts = {QStringLiteral("8080")};
    spec.workingDir = QStringLiteral("/srv/www");
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    QVERIFY(!published->artifact);
    QCOMPARE(published->layers.size(), 2);

    auto manifest = m_store->getManifest(QStringLiteral("helios/on-oci"), QStringLiteral("1.4.0"));
    QVERIFY(manifest.ok());
    const QJsonObject root = json(manifest->bytes);
    QVERIFY(!root.contains(u"artifactType"));
    const QJsonArray layers = root.value(u"layers").toArray();
    QCOMPARE(layers.size(), 2);
    // The base layer first, exactly as the base had it, and its blob is in the target.
    QCOMPARE(layers.at(0).toObject().value(u"digest").toString(), base->layer.digest);
    QCOMPARE(layers.at(0).toObject().value(u"size").toInteger(), base->layer.size);
    QCOMPARE(layers.at(0).toObject().value(u"mediaType").toString(), base->layer.mediaType);
    auto copied = m_store->hasBlob(QStringLiteral("helios/on-oci"), base->layer.digest);
    QVERIFY(copied.ok() && copied.value());
    QCOMPARE(root.value(u"annotations")
                 .toObject()
                 .value(u"org.opencontainers.image.base.digest")
                 .toString(),
             base->manifestDigest);

    const QJsonObject configDescriptor = root.value(u"config").toObject();
    QCOMPARE(configDescriptor.value(u"mediaType").toString(), QString(OciImageConfigMediaType));
    auto configBytes = m_store->getBlob(QStringLiteral("helios/on-oci"),
                                        configDescriptor.value(u"digest").toString());
    QVERIFY(configBytes.ok());
    const QJsonObject config = json(configBytes.value());
    const QJsonObject baseConfig = json(base->configBytes);
    QCOMPARE(config.value(u"architecture").toString(), QStringLiteral("amd64"));
    QCOMPARE(config.value(u"created").toString(), QStringLiteral("2024-06-01T10:00:00Z"));

    // diff_ids: the base's unchanged, then the digest of the new layer's tar.
    const QJsonArray diffIds = config.value(u"rootfs").toObject().value(u"diff_ids").toArray();
    QCOMPARE(diffIds.size(), 2);
    QCOMPARE(diffIds.at(0),
             baseConfig.value(u"rootfs").toObject().value(u"diff_ids").toArray().at(0));
    auto newLayer = m_store->getBlob(QStringLiteral("helios/on-oci"),
                                     layers.at(1).toObject().value(u"digest").toString());
    QVERIFY(newLayer.ok());
    QString error;
    const QByteArray tar = test::gunzip(newLayer.value(), &error);
    QVERIFY2(!tar.isEmpty(), qPrintable(error));
    QCOMPARE(diffIds.at(1).toString(), data::sha256Digest(tar));
    QCOMPARE(published->diffId, data::sha256Digest(tar));

    // Labels: the base's kept unless overridden, ours added, created filled in.
    const QJsonObject run = config.value(u"config").toObject();
    const QJsonObject labels = run.value(u"Labels").toObject();
    QCOMPARE(labels.value(u"org.example.base").toString(), QStringLiteral("yes"));
    QCOMPARE(labels.value(u"org.opencontainers.image.title").toString(),
             QStringLiteral("shop-web"));
    QCOMPARE(labels.value(u"org.opencontainers.image.version").toString(),
             QStringLiteral("1.4.0+build.7"));
    QCOMPARE(labels.value(u"org.opencontainers.image.revision").toString(),
             QStringLiteral("0123abcd"));
    QCOMPARE(labels.value(u"org.opencontainers.image.created").toString(),
             QStringLiteral("2024-06-01T10:00:00Z"));
    // Run config: overrides applied, the rest of the base's kept.
    QCOMPARE(run.value(u"Cmd").toArray(),
             QJsonArray({QStringLiteral("/bin/tool"), QStringLiteral("--serve")}));
    QVERIFY(run.value(u"ExposedPorts").toObject().contains(u"8080/tcp"));
    QCOMPARE(run.value(u"WorkingDir").toString(), QStringLiteral("/srv/www"));
    QCOMPARE(run.value(u"Env").toArray(), QJsonArray({QStringLiteral("PATH=/bin")}));
    // One history entry per layer.
    const QJsonArray history = config.value(u"history").toArray();
    QCOMPARE(history.size(), 2);
    QVERIFY(history.at(1).toObject().value(u"created_by").toString().contains(u"/srv/www"));
}

void ImagePublisherTest::testDockerBaseIsMappedToOci() {
    auto base = test::pushBaseImage(*m_store, m_dir.path(), QStringLiteral("base/docker"),
                                    QStringLiteral("v2"), QStringLiteral("amd64"), true);
    QVERIFY2(base.ok(), qPrintable(base.ok() ? QString() : base.error().toString()));
    auto stored = m_store->getManifest(QStringLiteral("base/docker"), QStringLiteral("v2"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->mediaType, QString(data::DockerManifestMediaType));

    ImageSpec spec = siteSpec(QStringLiteral("helios/on-docker"));
    spec.base = BaseImageReference{QStringLiteral("base/docker"), base->manifestDigest};
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    auto manifest =
        m_store->getManifest(QStringLiteral("helios/on-docker"), QStringLiteral("1.4.0"));
    QVERIFY(manifest.ok());
    const QJsonObject root = json(manifest->bytes);
    QCOMPARE(root.value(u"mediaType").toString(), QString(data::OciManifestMediaType));
    QCOMPARE(root.value(u"config").toObject().value(u"mediaType").toString(),
             QString(OciImageConfigMediaType));
    const QJsonArray layers = root.value(u"layers").toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers.at(0).toObject().value(u"mediaType").toString(),
             QString(OciLayerGzipMediaType));
    QCOMPARE(layers.at(0).toObject().value(u"digest").toString(), base->layer.digest);
    auto copied = m_store->getBlob(QStringLiteral("helios/on-docker"), base->layer.digest);
    QVERIFY(copied.ok());
    QCOMPARE(copied->size(), base->layer.size);
}

void ImagePublisherTest::testIndexBaseChoosesLinuxAmd64() {
    const QString repository = QStringLiteral("base/multi");
    auto arm = test::pushBaseImage(*m_store, m_dir.path(), repository, QStringLiteral("arm64"),
                                   QStringLiteral("arm64"), false);
    auto amd = test::pushBaseImage(*m_store, m_dir.path(), repository, QStringLiteral("amd64"),
                                   QStringLiteral("amd64"), false);
    QVERIFY(arm.ok() && amd.ok());
    QVERIFY(arm->layer.digest != amd->layer.digest);
    auto index = test::pushIndex(*m_store, repository, QStringLiteral("latest"),
                                 {{arm->manifestDigest, QStringLiteral("arm64")},
                                  {amd->manifestDigest, QStringLiteral("amd64")}});
    QVERIFY2(index.ok(), qPrintable(index.ok() ? QString() : index.error().toString()));

    ImageSpec spec = siteSpec(QStringLiteral("helios/on-index"));
    spec.base = BaseImageReference{repository, QStringLiteral("latest")};
    auto published = publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));
    QCOMPARE(published->layers.size(), 2);
    QCOMPARE(published->layers.first().digest, amd->layer.digest);
    auto manifest =
        m_store->getManifest(QStringLiteral("helios/on-index"), QStringLiteral("1.4.0"));
    QVERIFY(manifest.ok());
    QCOMPARE(json(manifest->bytes)
                 .value(u"annotations")
                 .toObject()
                 .value(u"org.opencontainers.image.base.digest")
                 .toString(),
             index.value());
}

void ImagePublisherTest::testBadSpecPushesNothing_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<helios::ErrorCode>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a missing source directory")
        << QStringLiteral("missing-source") << ErrorCode::InvalidArgument
        << QStringLiteral("does not exist");
    QTest::newRow("an empty source directory")
        << QStringLiteral("empty-source") << ErrorCode::InvalidArgument << QStringLiteral("empty");
    QTest::newRow("an upper-case repository")
        << QStringLiteral("bad-repository") << ErrorCode::InvalidArgument
        << QStringLiteral("invalid repository name");
    QTest::newRow("a tag starting with a dash")
        << QStringLiteral("bad-tag") << ErrorCode::InvalidArgument << QStringLiteral("invalid tag");
    QTest::newRow("a relative root path")
        << QStringLiteral("relative-root") << ErrorCode::InvalidArgument
        << QStringLiteral("absolute");
    QTest::newRow("no created time")
        << QStringLiteral("no-created") << ErrorCode::InvalidArgument << QStringLiteral("created");
    QTest::newRow("a base that does not exist")
        << QStringLiteral("missing-base") << ErrorCode::NotFound
        << QStringLiteral("base image base/none:1 not found");
    QTest::newRow("a base built for arm64 only")
        << QStringLiteral("arm-base") << ErrorCode::InvalidArgument
        << QStringLiteral("linux/arm64; linux/amd64 is needed");
    QTest::newRow("a multi-platform base without amd64")
        << QStringLiteral("arm-index") << ErrorCode::InvalidArgument
        << QStringLiteral("has no linux/amd64 image (it has: linux/arm64)");
    QTest::newRow("an artifact as the base")
        << QStringLiteral("artifact-base") << ErrorCode::InvalidArgument
        << QStringLiteral("is not an image");
    QTest::newRow("a Cmd without a base")
        << QStringLiteral("cmd-without-base") << ErrorCode::InvalidArgument
        << QStringLiteral("need a base image");
    QTest::newRow("an exposed port that is not a port")
        << QStringLiteral("bad-port") << ErrorCode::InvalidArgument
        << QStringLiteral("not a port number");
    QTest::newRow("a symlink out of the build")
        << QStringLiteral("escaping-link") << ErrorCode::InvalidArgument
        << QStringLiteral("outside the source directory");
}

void ImagePublisherTest::testBadSpecPushesNothing() {
    QFETCH(QString, fault);
    QFETCH(helios::ErrorCode, code);
    QFETCH(QString, messagePart);
    const QString target = QStringLiteral("helios/rejected-") + fault;
    ImageSpec spec = siteSpec(target);
    const QString workDir = m_dir.filePath(QStringLiteral("bad-") + fault);

    auto armBase = test::pushBaseImage(*m_store, m_dir.path(), QStringLiteral("base/arm-only"),
                                       QStringLiteral("1"), QStringLiteral("arm64"), false);
    QVERIFY(armBase.ok());
    if (fault == QLatin1StringView("missing-source"))
        spec.sourceDir = workDir;
    if (fault == QLatin1StringView("empty-source")) {
        QVERIFY(QDir().mkpath(workDir));
        spec.sourceDir = workDir;
    }
    if (fault == QLatin1StringView("bad-repository"))
        spec.repository = QStringLiteral("Helios/App");
    if (fault == QLatin1StringView("bad-tag"))
        spec.tag = QStringLiteral("-1.0");
    if (fault == QLatin1StringView("relative-root"))
        spec.rootPath = QStringLiteral("srv/www");
    if (fault == QLatin1StringView("no-created"))
        spec.created = QDateTime();
    if (fault == QLatin1StringView("missing-base"))
        spec.base = BaseImageReference{QStringLiteral("base/none"), QStringLiteral("1")};
    if (fault == QLatin1StringView("arm-base"))
        spec.base = BaseImageReference{QStringLiteral("base/arm-only"), QStringLiteral("1")};
    if (fault == QLatin1StringView("arm-index")) {
        auto index =
            test::pushIndex(*m_store, QStringLiteral("base/arm-only"), QStringLiteral("multi"),
                            {{armBase->manifestDigest, QStringLiteral("arm64")}});
        QVERIFY(index.ok());
        spec.base = BaseImageReference{QStringLiteral("base/arm-only"), QStringLiteral("multi")};
    }
    if (fault == QLatin1StringView("artifact-base")) {
        auto artifact = publishImage(*m_store, siteSpec(QStringLiteral("base/an-artifact")));
        QVERIFY(artifact.ok());
        spec.base = BaseImageReference{QStringLiteral("base/an-artifact"), QStringLiteral("1.4.0")};
    }
    if (fault == QLatin1StringView("cmd-without-base"))
        spec.cmd = QStringList{QStringLiteral("/bin/sh")};
    if (fault == QLatin1StringView("bad-port")) {
        spec.base = BaseImageReference{QStringLiteral("base/arm-only"), QStringLiteral("1")};
        spec.architecture = QStringLiteral("arm64");
        spec.exposedPorts = {QStringLiteral("http")};
    }
    if (fault == QLatin1StringView("escaping-link")) {
        QVERIFY(test::writeFile(workDir + QStringLiteral("/index.html"), "x"));
        QVERIFY(QFile::link(QStringLiteral("../../secret"), workDir + QStringLiteral("/leak")));
        spec.sourceDir = workDir;
        spec.base = BaseImageReference{QStringLiteral("base/arm-only"), QStringLiteral("1")};
        spec.architecture = QStringLiteral("arm64");
    }

    auto published = publishImage(*m_store, spec);
    QVERIFY(!published.ok());
    QCOMPARE(published.error().code, code);
    QVERIFY2(published.error().message.contains(messagePart),
             qPrintable(published.error().toString()));
    // Not even a blob: the target repository was never created.
    if (data::validateRepository(spec.repository).ok()) {
        auto tags = m_store->listTags(spec.repository);
        QVERIFY(!tags.ok());
        QCOMPARE(tags.error().code, ErrorCode::NotFound);
    }
}

QTEST_GUILESS_MAIN(ImagePublisherTest)
#include "image_publisher_test.moc"
