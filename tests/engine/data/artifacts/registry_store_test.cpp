// SPDX-License-Identifier: Apache-2.0
// What only a real registry has: outages, a mirror to fall back to, and restarts.
#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "test_image.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace helios;
using namespace helios::data;

class RegistryStoreTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void testDownRegistryIsUnavailablePromptly();
    void testSilentRegistryTimesOut();
    void testMalformedUrlIsRejected_data();
    void testMalformedUrlIsRejected();
    void testPullFallsBackToTheMirror();
    void testMissingOnPrimaryDoesNotFallBack();
    void testStopAndStartKeepsDataAndRecovers();
    void testRestartKeepsDataAndTheNextCallSucceeds();

private:
    std::unique_ptr<ArtifactStore> open(const QString &url, const QString &mirror = {}, int timeoutMs = 3000);

    QTemporaryDir m_dir;
    test::TestImage m_image;
    QString m_primaryUrl;
    QString m_mirrorUrl;
};

std::unique_ptr<ArtifactStore> RegistryStoreTest::open(const QString &url, const QString &mirror, int timeoutMs)
{
    Config config = Config::embedded(m_dir.path());
    config.set(QString::fromLatin1(Config::RegistryUrl), url);
    config.set(QString::fromLatin1(Config::RegistryMirrorUrl), mirror);
    config.set(QString::fromLatin1(Config::ConnectTimeoutMs), QString::number(timeoutMs));
    auto store = openArtifactStore(config);
    if (!store.ok()) {
        qWarning("openArtifactStore failed: %s", qPrintable(store.error().toString()));
        return {};
    }
    return std::move(store.value());
}

void RegistryStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(test::realBackend());
    m_primaryUrl = test::serviceUrl(QStringLiteral("REGISTRY_URL"));
    m_mirrorUrl = test::serviceUrl(QStringLiteral("REGISTRY_MIRROR_URL"));
    QString error;
    m_image = test::buildTestImage(m_dir.path(), QStringLiteral("registry"), &error);
    QVERIFY2(!m_image.config.isEmpty(), qPrintable(error));
}

void RegistryStoreTest::cleanupTestCase()
{
    // Whatever a failed test left behind, the next suite finds the registries running.
    QString error;
    QVERIFY2(test::startService(QStringLiteral("registry"), &error), qPrintable(error));
}

void RegistryStoreTest::testDownRegistryIsUnavailablePromptly()
{
    auto store = open(QStringLiteral("http://helios:s3cret@") + test::deadTcpAddress(), {}, 1000);
    QVERIFY(store);
    QVERIFY(!store->location().contains(QLatin1StringView("s3cret")));
    QElapsedTimer timer;
    timer.start();
    auto pinged = store->ping();
    QVERIFY(!pinged.ok());
    QCOMPARE(pinged.error().code, ErrorCode::Unavailable);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!pinged.error().toString().contains(QLatin1StringView("s3cret")));
    QVERIFY(!pinged.error().context.isEmpty());

    auto put = store->putBlob(QStringLiteral("helios/app"), QByteArrayLiteral("x"), {});
    QVERIFY(!put.ok());
    QCOMPARE(put.error().code, ErrorCode::Unavailable);
    auto got = store->getManifest(QStringLiteral("helios/app"), QStringLiteral("1.0.0"));
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::Unavailable);
}

void RegistryStoreTest::testSilentRegistryTimesOut()
{
    // The kernel accepts connections on a listening socket even if nobody ever answers:
    // a hung registry. Requests must give up rather than wait forever.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    silent.pauseAccepting();
    auto store = open(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()), {}, 300);
    QVERIFY(store);
    QElapsedTimer timer;
    timer.start();
    auto pinged = store->ping();
    QVERIFY(!pinged.ok());
    QCOMPARE(pinged.error().code, ErrorCode::Unavailable);
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
}

void RegistryStoreTest::testMalformedUrlIsRejected_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mirror");
    QTest::newRow("a registry URL that is not a URL is rejected") << QStringLiteral("registry at port 5000") << QString();
    QTest::newRow("a registry URL without a host is rejected") << QStringLiteral("http://") << QString();
    QTest::newRow("a registry URL with another scheme is rejected") << QStringLiteral("ftp://127.0.0.1/") << QString();
    QTest::newRow("a registry URL with an open IPv6 bracket is rejected")
        << QStringLiteral("http://user:s3cret@[::1:5000/") << QString();
    QTest::newRow("a malformed mirror URL is rejected") << QStringLiteral("http://127.0.0.1:1") << QStringLiteral("::mirror");
}

void RegistryStoreTest::testMalformedUrlIsRejected()
{
    QFETCH(QString, url);
    QFETCH(QString, mirror);
    Config config = Config::embedded(m_dir.path());
    config.set(QString::fromLatin1(Config::RegistryUrl), url);
    config.set(QString::fromLatin1(Config::RegistryMirrorUrl), mirror);
    auto store = openArtifactStore(config);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!store.error().toString().contains(QLatin1StringView("s3cret")));
}

void RegistryStoreTest::testPullFallsBackToTheMirror()
{
    // The mirror is a plain registry: fill it as if it had mirrored the image.
    const QString repository = test::uniqueRepository(QStringLiteral("mirrored"));
    auto mirror = open(m_mirrorUrl);
    QVERIFY(mirror);
    auto pushed = test::pushTestImage(*mirror, repository, QStringLiteral("1.0.0"), m_image);
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));

    auto store = open(QStringLiteral("http://helios:s3cret@") + test::deadTcpAddress(), m_mirrorUrl, 1000);
    QVERIFY(store);
    const QRegularExpression fallbackLog(QStringLiteral("unavailable.*pulling from mirror"));
    QTest::ignoreMessage(QtInfoMsg, fallbackLog);
    auto byTag = store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY2(byTag.ok(), qPrintable(byTag.ok() ? QString() : byTag.error().toString()));
    QCOMPARE(byTag->bytes, m_image.manifest);
    QCOMPARE(byTag->digest, pushed.value());

    QTest::ignoreMessage(QtInfoMsg, fallbackLog);
    auto byDigest = store->getManifest(repository, pushed.value());
    QVERIFY(byDigest.ok());
    QCOMPARE(byDigest->bytes, m_image.manifest);
    for (const auto &[digest, bytes] : {std::pair{m_image.configDescriptor.digest, m_image.config},
                                        std::pair{m_image.layerDescriptor.digest, m_image.layer}}) {
        QTest::ignoreMessage(QtInfoMsg, fallbackLog);
        auto blob = store->getBlob(repository, digest);
        QVERIFY2(blob.ok(), qPrintable(blob.ok() ? QString() : blob.error().toString()));
        QCOMPARE(blob.value(), bytes);
        QTest::ignoreMessage(QtInfoMsg, fallbackLog);
        auto has = store->hasBlob(repository, digest);
        QVERIFY(has.ok());
        QVERIFY(has.value());
    }
    QTest::ignoreMessage(QtInfoMsg, fallbackLog);
    auto tags = store->listTags(repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags.value(), QStringList{QStringLiteral("1.0.0")});

    // Pushes never go to the mirror.
    auto put = store->putBlob(repository, QByteArrayLiteral("new"), {});
    QVERIFY(!put.ok());
    QCOMPARE(put.error().code, ErrorCode::Unavailable);
    QVERIFY(!put.error().toString().contains(QLatin1StringView("s3cret")));
}

void RegistryStoreTest::testMissingOnPrimaryDoesNotFallBack()
{
    // A 404 from a live primary is an answer, not an outage.
    const QString repository = test::uniqueRepository(QStringLiteral("only-on-mirror"));
    auto mirror = open(m_mirrorUrl);
    QVERIFY(mirror);
    QVERIFY(test::pushTestImage(*mirror, repository, QStringLiteral("1.0.0"), m_image).ok());
    auto store = open(m_primaryUrl, m_mirrorUrl);
    QVERIFY(store);
    auto got = store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, ErrorCode::NotFound);
}

void RegistryStoreTest::testStopAndStartKeepsDataAndRecovers()
{
    const QString repository = test::uniqueRepository(QStringLiteral("outage"));
    auto store = open(m_primaryUrl, {}, 1000);
    QVERIFY(store);
    auto pushed = test::pushTestImage(*store, repository, QStringLiteral("1.0.0"), m_image);
    QVERIFY(pushed.ok());

    QString error;
    QVERIFY2(test::stopService(QStringLiteral("registry"), &error), qPrintable(error));
    QElapsedTimer timer;
    timer.start();
    auto down = store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY(!down.ok());
    QCOMPARE(down.error().code, ErrorCode::Unavailable);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(test::startService(QStringLiteral("registry"), &error), qPrintable(error));

    auto up = store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toString()));
    QCOMPARE(up->bytes, m_image.manifest);
    auto put = store->putBlob(repository, QByteArrayLiteral("written after the outage"), {});
    QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().toString()));
}

void RegistryStoreTest::testRestartKeepsDataAndTheNextCallSucceeds()
{
    const QString repository = test::uniqueRepository(QStringLiteral("restart"));
    auto store = open(m_primaryUrl);
    QVERIFY(store);
    auto pushed = test::pushTestImage(*store, repository, QStringLiteral("1.0.0"), m_image);
    QVERIFY(pushed.ok());

    QString error;
    QVERIFY2(test::restartService(QStringLiteral("registry"), &error), qPrintable(error));

    // The store's pooled connection died with the old process; the very next call must
    // still succeed, and see everything pushed before.
    auto manifest = store->getManifest(repository, QStringLiteral("1.0.0"));
    QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().toString()));
    QCOMPARE(manifest->bytes, m_image.manifest);
    auto layer = store->getBlob(repository, m_image.layerDescriptor.digest);
    QVERIFY(layer.ok());
    QCOMPARE(layer.value(), m_image.layer);
    auto retag = store->putManifest(repository, QStringLiteral("after-restart"), m_image.manifest,
                                    QString(OciManifestMediaType));
    QVERIFY2(retag.ok(), qPrintable(retag.ok() ? QString() : retag.error().toString()));
    auto tags = store->listTags(repository);
    QVERIFY(tags.ok());
    QCOMPARE(tags.value(), (QStringList{QStringLiteral("1.0.0"), QStringLiteral("after-restart")}));
}

QTEST_GUILESS_MAIN(RegistryStoreTest)
#include "registry_store_test.moc"
