// SPDX-License-Identifier: Apache-2.0
// The ArtifactStore contract, run unchanged against the OCI image layout (embedded)
// and a real registry (HELIOS_TEST_BACKEND=real, REGISTRY_URL from scripts/test).
#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "test_image.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace helios;
using namespace helios::data;

class ArtifactStoreContractTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testBlobRoundTrip_data();
    void testBlobRoundTrip();
    void testPuttingTheSameBlobTwiceIsFine();
    void testUnknownBlobIsNotFound();
    void testInvalidDigestIsRejected_data();
    void testInvalidDigestIsRejected();
    void testImageRoundTrip();
    void testRetagMovesTheTag();
    void testManifestWithMissingBlobIsRejected();
    void testUnknownTagAndRepositoryAreNotFound();
    void testInvalidRepositoryIsRejected_data();
    void testInvalidRepositoryIsRejected();
    void testInvalidTagIsRejected_data();
    void testInvalidTagIsRejected();
    void testConcurrentPushesFromThreads();
    void testSkopeoReadsWhatWePushed();

private:
    // Every file under the data dir with its size: "nothing written" for the embedded store.
    QStringList dataDirSnapshot() const;

    QTemporaryDir m_dir;
    Config m_config;
    std::unique_ptr<ArtifactStore> m_store;
    test::TestImage m_image;
    QString m_repository;
};

void ArtifactStoreContractTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_config = test::configFor(m_dir.path(), {QStringLiteral("REGISTRY_URL")});
    auto store = openArtifactStore(m_config);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(store.value());
    QCOMPARE(m_store->kind(), test::realBackend() ? QStringLiteral("registry") : QStringLiteral("oci-layout"));
    const auto pinged = m_store->ping();
    QVERIFY2(pinged.ok(), qPrintable(pinged.ok() ? QString() : pinged.error().toString()));

    QString error;
    m_image = test::buildTestImage(m_dir.path(), QStringLiteral("v1"), &error);
    QVERIFY2(!m_image.config.isEmpty(), qPrintable(error));
    m_repository = test::uniqueRepository(QStringLiteral("contract"));
}

void ArtifactStoreContractTest::testBlobRoundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QByteArray everyByte(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        everyByte[i] = char(i);
    QByteArray megabytes(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(megabytes.data()), megabytes.size() / 4);
    QTest::newRow("binary bytes with every byte value round-trip") << (everyByte + QByteArray("\0\r\n", 3));
    QTest::newRow("an empty blob round-trips") << QByteArray();
    QTest::newRow("three megabytes of random bytes round-trip") << megabytes;
}

void ArtifactStoreContractTest::testBlobRoundTrip()
{
    QFETCH(QByteArray, bytes);
    auto put = m_store->putBlob(m_repository, bytes, QStringLiteral("application/octet-stream"));
    QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().toString()));
    QCOMPARE(put->digest, sha256Digest(bytes));
    QCOMPARE(put->size, bytes.size());
    QCOMPARE(put->mediaType, QStringLiteral("application/octet-stream"));

    auto has = m_store->hasBlob(m_repository, put->digest);
    QVERIFY(has.ok());
    QVERIFY(has.value());
    auto got = m_store->getBlob(m_repository, put->digest);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
    QCOMPARE(got->size(), bytes.size());
    QVERIFY(got.value() == bytes);
}

void ArtifactStoreContractTest::testPuttingTheSameBlobTwiceIsFine()
{
    const QByteArray bytes = QByteArrayLiteral("the same bytes, twice");
    auto first = m_store->putBlob(m_repository, bytes, {});
    auto second = m_store->putBlob(m_repository, bytes, {});
    QVERIFY(first.ok());
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QCOMPARE(second->digest, first->digest);
    auto got = m_store->getBlob(m_repository, first->digest);
    QVERIFY(got.ok());
    QCOMPARE(got.value(), bytes);
}

void ArtifactStoreContractTest::testUnknownBlobIsNotFound()
{
    const QString digest = sha256Digest(QByteArrayLiteral("never stored anywhere ") + QByteArray::number(QRandomGenerator::global()->generate64()));
    auto has = m_store->hasBlob(m_repository, digest);
    QVERIFY2(has.ok(), qPrintable(has.ok() ? QString() : has.error().toString()));
    QVERIFY(!has.value());
    auto got = m_store->getBlob(m_repository, digest);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::NotFound);
    // A repository nobody ever wrote to has no blobs either.
    auto elsewhere = m_store->getBlob(test::uniqueRepository(QStringLiteral("empty")), digest);
    QVERIFY(!elsewhere.ok());
    QCOMPARE(elsewhere.error().code, ErrorCode::NotFound);
}

void ArtifactStoreContractTest::testInvalidDigestIsRejected_data()
{
    QTest::addColumn<QString>("digest");
    QTest::newRow("a digest without an algorithm is rejected") << QStringLiteral("0123abcd");
    QTest::newRow("a sha256 digest with upper-case hex is rejected") << (QStringLiteral("sha256:") + QString(64, QLatin1Char('A')));
    QTest::newRow("a sha256 digest that is too short is rejected") << QStringLiteral("sha256:abc");
    QTest::newRow("a digest with a path in it is rejected") << QStringLiteral("sha256:../../etc/passwd");
}

void ArtifactStoreContractTest::testInvalidDigestIsRejected()
{
    QFETCH(QString, digest);
    auto got = m_store->getBlob(m_repository, digest);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
    auto has = m_store->hasBlob(m_repository, digest);
    QVERIFY(!has.ok());
    QCOMPARE(has.error().code, ErrorCode::InvalidArgument);
}

void ArtifactStoreContractTest::testImageRoundTrip()
{
    auto pushed = test::pushTestImage(*m_store, m_repository, QStringLiteral("1.0.0"), m_image);
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
    QCOMPARE(pushed.value(), m_image.manifestDigest);

    auto byTag = m_store->getManifest(m_repository, QStringLiteral("1.0.0"));
    QVERIFY2(byTag.ok(), qPrintable(byTag.ok() ? QString() : byTag.error().toString()));
    auto byDigest = m_store->getManifest(m_repository, pushed.value());
    QVERIFY2(byDigest.ok(), qPrintable(byDigest.ok() ? QString() : byDigest.error().toString()));
    QCOMPARE(byTag->bytes, m_image.manifest);
    QCOMPARE(byDigest->bytes, byTag->bytes);
    QCOMPARE(byTag->digest, m_image.manifestDigest);
    QCOMPARE(byDigest->digest, m_image.manifestDigest);
    QCOMPARE(byTag->mediaType, QString(OciManifestMediaType));
    QCOMPARE(byDigest->mediaType, QString(OciManifestMediaType));

    auto tags = m_store->listTags(m_repository);
    QVERIFY2(tags.ok(), qPrintable(tags.ok() ? QString() : tags.error().toString()));
    QVERIFY(tags->contains(QStringLiteral("1.0.0")));

    auto layer = m_store->getBlob(m_repository, m_image.layerDescriptor.digest);
    QVERIFY(layer.ok());
    QCOMPARE(layer.value(), m_image.layer);
}

void ArtifactStoreContractTest::testRetagMovesTheTag()
{
    const QString repository = test::uniqueRepository(QStringLiteral("retag"));
    auto first = test::pushTestImage(*m_store, repository, QStringLiteral("stable"), m_image);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    // The same manifest under a second tag, and a different one moved onto the first tag.
    auto alias = m_store->putManifest(repository, QStringLiteral("latest"), m_image.manifest, QString(OciManifestMediaType));
    QVERIFY(alias.ok());
    const QByteArray second = test::manifestFor(m_image, QStringLiteral("v2"));
    auto moved = m_store->putManifest(repository, QStringLiteral("stable"), second, QString(OciManifestMediaType));
    QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().toString()));
    QCOMPARE(moved.value(), sha256Digest(second));

    auto stable = m_store->getManifest(repository, QStringLiteral("stable"));
    QVERIFY(stable.ok());
    QCOMPARE(stable->bytes, second);
    auto latest = m_store->getManifest(repository, QStringLiteral("latest"));
    QVERIFY(latest.ok());
    QCOMPARE(latest->digest, first.value());
    // The old manifest stays reachable by digest.
    auto old = m_store->getManifest(repository, first.value());
    QVERIFY(old.ok());
    QCOMPARE(old->bytes, m_image.manifest);

    auto tags = m_store->listTags(repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags.value(), (QStringList{QStringLiteral("latest"), QStringLiteral("stable")}));
}

void ArtifactStoreContractTest::testManifestWithMissingBlobIsRejected()
{
    const QString repository = test::uniqueRepository(QStringLiteral("missing"));
    // The config is there, the layer is not.
    QVERIFY(m_store->putBlob(repository, m_image.config, m_image.configDescriptor.mediaType).ok());
    auto put = m_store->putManifest(repository, QStringLiteral("broken"), m_image.manifest, QString(OciManifestMediaType));
    QVERIFY(!put.ok());
    QCOMPARE(put.error().code, ErrorCode::InvalidArgument);
    auto got = m_store->getManifest(repository, QStringLiteral("broken"));
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::NotFound);

    auto malformed = m_store->putManifest(repository, QStringLiteral("broken"), QByteArrayLiteral("{not json"),
                                          QString(OciManifestMediaType));
    QVERIFY(!malformed.ok());
    QCOMPARE(malformed.error().code, ErrorCode::InvalidArgument);
}

void ArtifactStoreContractTest::testUnknownTagAndRepositoryAreNotFound()
{
    QVERIFY(test::pushTestImage(*m_store, m_repository, QStringLiteral("1.0.0"), m_image).ok());
    auto tag = m_store->getManifest(m_repository, QStringLiteral("no-such-tag"));
    QVERIFY(!tag.ok());
    QCOMPARE(tag.error().code, ErrorCode::NotFound);
    const QString nowhere = test::uniqueRepository(QStringLiteral("nowhere"));
    auto tags = m_store->listTags(nowhere);
    QVERIFY(!tags.ok());
    QCOMPARE(tags.error().code, ErrorCode::NotFound);
    auto manifest = m_store->getManifest(nowhere, QStringLiteral("1.0.0"));
    QVERIFY(!manifest.ok());
    QCOMPARE(manifest.error().code, ErrorCode::NotFound);
}

QStringList ArtifactStoreContractTest::dataDirSnapshot() const
{
    QStringList entries;
    QDirIterator it(m_dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries.append(it.filePath() + QLatin1Char(' ') + QString::number(it.fileInfo().size()));
    }
    entries.sort();
    return entries;
}

void ArtifactStoreContractTest::testInvalidRepositoryIsRejected_data()
{
    QTest::addColumn<QString>("repository");
    QTest::newRow("a name with upper-case letters is rejected") << QStringLiteral("Helios/App");
    QTest::newRow("a name that climbs out with dot-dot is rejected") << QStringLiteral("../x");
    QTest::newRow("a name hidden behind dot-dot inside is rejected") << QStringLiteral("helios/../../x");
    QTest::newRow("an empty name is rejected") << QString();
    QTest::newRow("a name longer than 255 characters is rejected") << QString(256, QLatin1Char('a'));
    QTest::newRow("an absolute path is rejected") << QStringLiteral("/etc/helios");
    QTest::newRow("a name with an empty component is rejected") << QStringLiteral("helios//app");
    QTest::newRow("a name ending in a separator is rejected") << QStringLiteral("helios/app-");
}

void ArtifactStoreContractTest::testInvalidRepositoryIsRejected()
{
    QFETCH(QString, repository);
    const QStringList before = dataDirSnapshot();
    const QString digest = m_image.configDescriptor.digest;

    const auto expectInvalid = [](const Error &error) { return error.code == ErrorCode::InvalidArgument; };
    auto blob = m_store->putBlob(repository, m_image.config, m_image.configDescriptor.mediaType);
    QVERIFY(!blob.ok() && expectInvalid(blob.error()));
    auto has = m_store->hasBlob(repository, digest);
    QVERIFY(!has.ok() && expectInvalid(has.error()));
    auto got = m_store->getBlob(repository, digest);
    QVERIFY(!got.ok() && expectInvalid(got.error()));
    auto manifest = m_store->putManifest(repository, QStringLiteral("1.0.0"), m_image.manifest, QString(OciManifestMediaType));
    QVERIFY(!manifest.ok() && expectInvalid(manifest.error()));
    auto read = m_store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY(!read.ok() && expectInvalid(read.error()));
    auto tags = m_store->listTags(repository);
    QVERIFY(!tags.ok() && expectInvalid(tags.error()));

    QCOMPARE(dataDirSnapshot(), before);
}

void ArtifactStoreContractTest::testInvalidTagIsRejected_data()
{
    QTest::addColumn<QString>("tag");
    QTest::newRow("a tag that climbs out with dot-dot is rejected") << QStringLiteral("../x");
    QTest::newRow("a tag with a slash is rejected") << QStringLiteral("a/b");
    QTest::newRow("a tag starting with a dash is rejected") << QStringLiteral("-rc1");
    QTest::newRow("a tag starting with a dot is rejected") << QStringLiteral(".hidden");
    QTest::newRow("a tag with a space is rejected") << QStringLiteral("1.0 final");
    QTest::newRow("a tag longer than 128 characters is rejected") << QString(129, QLatin1Char('t'));
}

void ArtifactStoreContractTest::testInvalidTagIsRejected()
{
    QFETCH(QString, tag);
    QVERIFY(test::pushTestImage(*m_store, m_repository, QStringLiteral("1.0.0"), m_image).ok());
    auto tagsBefore = m_store->listTags(m_repository);
    QVERIFY(tagsBefore.ok());
    const QStringList before = dataDirSnapshot();

    auto put = m_store->putManifest(m_repository, tag, m_image.manifest, QString(OciManifestMediaType));
    QVERIFY(!put.ok());
    QCOMPARE(put.error().code, ErrorCode::InvalidArgument);
    auto got = m_store->getManifest(m_repository, tag);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
    // An empty reference names nothing (an empty tag on put means "by digest only").
    auto empty = m_store->getManifest(m_repository, QString());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);

    QCOMPARE(dataDirSnapshot(), before);
    auto tagsAfter = m_store->listTags(m_repository);
    QVERIFY(tagsAfter.ok());
    QCOMPARE(tagsAfter.value(), tagsBefore.value());
}

void ArtifactStoreContractTest::testConcurrentPushesFromThreads()
{
    const QString repository = test::uniqueRepository(QStringLiteral("threads"));
    QVERIFY(m_store->putBlob(repository, m_image.config, m_image.configDescriptor.mediaType).ok());
    QVERIFY(m_store->putBlob(repository, m_image.layer, m_image.layerDescriptor.mediaType).ok());

    constexpr int Threads = 4;
    constexpr int TagsPerThread = 5;
    std::vector<QString> failures(Threads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([this, &repository, &failures, t] {
            for (int i = 0; i < TagsPerThread; ++i) {
                const QString tag = QStringLiteral("t%1-%2").arg(t).arg(i);
                const QByteArray manifest = test::manifestFor(m_image, tag);
                auto put = m_store->putManifest(repository, tag, manifest, QString(OciManifestMediaType));
                auto blob = m_store->putBlob(repository, tag.toUtf8(), {});
                if (!put.ok() || !blob.ok()) {
                    failures[t] = (put.ok() ? blob.error() : put.error()).toString();
                    return;
                }
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    for (const QString &failure : failures)
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

    auto tags = m_store->listTags(repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags->size(), Threads * TagsPerThread);
    for (int t = 0; t < Threads; ++t) {
        for (int i = 0; i < TagsPerThread; ++i) {
            const QString tag = QStringLiteral("t%1-%2").arg(t).arg(i);
            auto manifest = m_store->getManifest(repository, tag);
            QVERIFY(manifest.ok());
            QCOMPARE(manifest->bytes, test::manifestFor(m_image, tag));
        }
    }
}

void ArtifactStoreContractTest::testSkopeoReadsWhatWePushed()
{
    QVERIFY(test::pushTestImage(*m_store, m_repository, QStringLiteral("1.0.0"), m_image).ok());
    QStringList transport;
    if (test::realBackend()) {
        const QUrl registry(test::serviceUrl(QStringLiteral("REGISTRY_URL")));
        transport = {QStringLiteral("--tls-verify=false"),
                     QStringLiteral("docker://%1:%2/%3:1.0.0").arg(registry.host()).arg(registry.port()).arg(m_repository)};
    } else {
        transport = {QStringLiteral("oci:%1/%2:1.0.0").arg(m_store->location(), m_repository)};
    }

    QByteArray output;
    QByteArray errors;
    int exitCode = test::runSkopeo(QStringList{QStringLiteral("inspect"), QStringLiteral("--raw")} + transport, &output, &errors);
    QVERIFY2(exitCode == 0, errors.constData());
    QCOMPARE(output.trimmed(), m_image.manifest);

    exitCode = test::runSkopeo(QStringList{QStringLiteral("inspect")} + transport, &output, &errors);
    QVERIFY2(exitCode == 0, errors.constData());
    const QJsonObject inspected = QJsonDocument::fromJson(output).object();
    QCOMPARE(inspected.value(QLatin1StringView("Digest")).toString(), m_image.manifestDigest);
    QCOMPARE(inspected.value(QLatin1StringView("Architecture")).toString(), QStringLiteral("amd64"));
    QCOMPARE(inspected.value(QLatin1StringView("Os")).toString(), QStringLiteral("linux"));
}

QTEST_GUILESS_MAIN(ArtifactStoreContractTest)
#include "artifact_store_contract_test.moc"
