// SPDX-License-Identifier: Apache-2.0
// What only the embedded store has: files on disk in the OCI image-layout format,
// which can be damaged, reopened and shared.
#include "artifacts/oci_layout_store.h"
#include "test_image.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace helios;
using namespace helios::data;

class OciLayoutStoreTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void testLayoutFollowsTheImageLayoutSpec();
    void testFlippedByteIsCorrupt_data();
    void testFlippedByteIsCorrupt();
    void testPuttingADamagedBlobAgainRepairsIt();
    void testReopenedStoreSeesEverything();
    void testTwoStoresOnOneDirectoryKeepEveryTag();
    void testRelaxedWritesReadBackTheSame();

private:
    static QJsonObject readJson(const QString &path);

    QTemporaryDir m_work;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OciLayoutStore> m_store;
    test::TestImage m_image;
    const QString m_repository = QStringLiteral("helios/app");
};

void OciLayoutStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_work.isValid());
    QString error;
    m_image = test::buildTestImage(m_work.path(), QStringLiteral("v1"), &error);
    QVERIFY2(!m_image.config.isEmpty(), qPrintable(error));
}

void OciLayoutStoreTest::init()
{
    // A fresh layout for each test: damage done by one must not leak into the next.
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<OciLayoutStore>(m_dir->path());
    auto pushed = test::pushTestImage(*m_store, m_repository, QStringLiteral("1.0.0"), m_image);
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
}

QJsonObject OciLayoutStoreTest::readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void OciLayoutStoreTest::testLayoutFollowsTheImageLayoutSpec()
{
    const QString dir = m_dir->path() + QStringLiteral("/oci/helios/app");
    QCOMPARE(m_store->repositoryPath(m_repository), dir);
    QCOMPARE(readJson(dir + QStringLiteral("/oci-layout")).value(QLatin1StringView("imageLayoutVersion")).toString(),
             QStringLiteral("1.0.0"));

    const QJsonObject index = readJson(dir + QStringLiteral("/index.json"));
    QCOMPARE(index.value(QLatin1StringView("schemaVersion")).toInt(), 2);
    const QJsonArray manifests = index.value(QLatin1StringView("manifests")).toArray();
    QCOMPARE(manifests.size(), 1);
    const QJsonObject entry = manifests.first().toObject();
    QCOMPARE(entry.value(QLatin1StringView("digest")).toString(), m_image.manifestDigest);
    QCOMPARE(entry.value(QLatin1StringView("mediaType")).toString(), QString(OciManifestMediaType));
    QCOMPARE(entry.value(QLatin1StringView("size")).toInteger(), m_image.manifest.size());
    QCOMPARE(entry.value(QLatin1StringView("annotations"))
                 .toObject()
                 .value(QLatin1StringView("org.opencontainers.image.ref.name"))
                 .toString(),
             QStringLiteral("1.0.0"));

    for (const QString &digest : {m_image.configDescriptor.digest, m_image.layerDescriptor.digest, m_image.manifestDigest})
        QVERIFY2(QFile::exists(dir + QStringLiteral("/blobs/sha256/") + digest.mid(7)), qPrintable(digest));
    // Atomic writes leave no temporary files behind.
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        QVERIFY2(!it.next().contains(QLatin1StringView(".tmp-")), qPrintable(it.filePath()));
}

void OciLayoutStoreTest::testFlippedByteIsCorrupt_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("a flipped byte in the layer is detected on read") << QStringLiteral("layer");
    QTest::newRow("a flipped byte in the config is detected on read") << QStringLiteral("config");
    QTest::newRow("a flipped byte in the manifest is detected on read") << QStringLiteral("manifest");
}

void OciLayoutStoreTest::testFlippedByteIsCorrupt()
{
    QFETCH(QString, which);
    const QString digest = which == QLatin1StringView("layer")    ? m_image.layerDescriptor.digest
                           : which == QLatin1StringView("config") ? m_image.configDescriptor.digest
                                                                  : m_image.manifestDigest;
    QFile blob(m_store->repositoryPath(m_repository) + QStringLiteral("/blobs/sha256/") + digest.mid(7));
    QVERIFY(blob.open(QIODevice::ReadWrite));
    QByteArray bytes = blob.readAll();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
    QVERIFY(blob.seek(0));
    QCOMPARE(blob.write(bytes), bytes.size());
    blob.close();

    auto got = m_store->getBlob(m_repository, digest);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::Corrupt);
    QVERIFY(got.error().context.endsWith(digest.mid(7)));
    if (which == QLatin1StringView("manifest")) {
        auto byTag = m_store->getManifest(m_repository, QStringLiteral("1.0.0"));
        QVERIFY(!byTag.ok());
        QCOMPARE(byTag.error().code, ErrorCode::Corrupt);
        auto byDigest = m_store->getManifest(m_repository, digest);
        QVERIFY(!byDigest.ok());
        QCOMPARE(byDigest.error().code, ErrorCode::Corrupt);
    }
}

void OciLayoutStoreTest::testPuttingADamagedBlobAgainRepairsIt()
{
    const QString path = m_store->repositoryPath(m_repository) + QStringLiteral("/blobs/sha256/")
        + m_image.layerDescriptor.digest.mid(7);
    QFile blob(path);
    QVERIFY(blob.open(QIODevice::WriteOnly | QIODevice::Truncate));
    blob.write("truncated");
    blob.close();
    QCOMPARE(m_store->getBlob(m_repository, m_image.layerDescriptor.digest).error().code, ErrorCode::Corrupt);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("replacing damaged blob")));
    QVERIFY(m_store->putBlob(m_repository, m_image.layer, m_image.layerDescriptor.mediaType).ok());
    auto got = m_store->getBlob(m_repository, m_image.layerDescriptor.digest);
    QVERIFY(got.ok());
    QCOMPARE(got.value(), m_image.layer);
}

void OciLayoutStoreTest::testReopenedStoreSeesEverything()
{
    OciLayoutStore reopened(m_dir->path());
    auto tags = reopened.listTags(m_repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags.value(), QStringList{QStringLiteral("1.0.0")});
    auto manifest = reopened.getManifest(m_repository, QStringLiteral("1.0.0"));
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->bytes, m_image.manifest);
}

void OciLayoutStoreTest::testRelaxedWritesReadBackTheSame()
{
    // Relaxed skips fsync and the read-back, nothing else: same files, same checks.
    const QByteArray bytes("rebuildable output");
    auto blob = m_store->putBlob(QStringLiteral("helios/cache"), bytes, QStringLiteral("text/plain"), Durability::Relaxed);
    QVERIFY(blob.ok());
    QCOMPARE(blob->digest, sha256Digest(bytes));
    QCOMPARE(m_store->getBlob(QStringLiteral("helios/cache"), blob->digest).value(), bytes);
    auto put = m_store->putManifest(m_repository, QStringLiteral("relaxed"), test::manifestFor(m_image, QStringLiteral("relaxed")),
                                    QString(OciManifestMediaType), Durability::Relaxed);
    QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().toString()));
    OciLayoutStore reopened(m_dir->path());
    QVERIFY(reopened.listTags(m_repository)->contains(QStringLiteral("relaxed")));
    // A relaxed manifest is still refused when a blob it names is missing.
    QByteArray dangling = test::manifestFor(m_image, QStringLiteral("x"));
    dangling.replace(m_image.configDescriptor.digest.toLatin1(), sha256Digest("missing").toLatin1());
    QVERIFY(!m_store->putManifest(m_repository, QStringLiteral("x"), dangling, QString(OciManifestMediaType), Durability::Relaxed).ok());
}

void OciLayoutStoreTest::testTwoStoresOnOneDirectoryKeepEveryTag()
{
    // Two stores share no mutex; the lock file alone keeps their index.json updates apart.
    OciLayoutStore other(m_dir->path());
    constexpr int TagsEach = 15;
    QString failure;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        for (int i = 0; i < TagsEach; ++i) {
            const QString tag = QStringLiteral("other-%1").arg(i);
            auto put = other.putManifest(m_repository, tag, test::manifestFor(m_image, tag), QString(OciManifestMediaType));
            if (!put.ok())
                failure = put.error().toString();
        }
    }));
    thread->start();
    for (int i = 0; i < TagsEach; ++i) {
        const QString tag = QStringLiteral("mine-%1").arg(i);
        auto put = m_store->putManifest(m_repository, tag, test::manifestFor(m_image, tag), QString(OciManifestMediaType));
        QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().toString()));
    }
    QVERIFY(thread->wait(60000));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto tags = m_store->listTags(m_repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags->size(), 1 + 2 * TagsEach);
}

QTEST_GUILESS_MAIN(OciLayoutStoreTest)
#include "oci_layout_store_test.moc"
