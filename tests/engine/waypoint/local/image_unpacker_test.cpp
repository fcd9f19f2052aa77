// SPDX-License-Identifier: Apache-2.0
// Unpacking images from the embedded ArtifactStore: what IGNIS publishes, layers with
// long names in pax and GNU dialects, whiteouts, layers that try to escape, and a
// damaged blob -- which leaves no deployment directory behind.
#include "waypoint/image_unpacker.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "ignis/image/image_publisher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace helios;
using namespace helios::waypoint;

Q_DECLARE_METATYPE(helios::ErrorCode)

namespace {

struct TarEntry {
    QByteArray path;
    QByteArray content;      // files
    QByteArray link;         // symlinks
    bool directory = false;
};

enum class TarDialect { Pax, Gnu };

// A gzip'd tar built with libarchive, so the reader is checked against another writer's
// long-name encodings.
QByteArray makeLayer(const QList<TarEntry> &entries, TarDialect dialect = TarDialect::Pax)
{
    struct archive *a = archive_write_new();
    dialect == TarDialect::Pax ? archive_write_set_format_pax_restricted(a) : archive_write_set_format_gnutar(a);
    archive_write_add_filter_gzip(a);
    QByteArray out(4 << 20, '\0');
    size_t used = 0;
    archive_write_open_memory(a, out.data(), size_t(out.size()), &used);
    for (const TarEntry &e : entries) {
        struct archive_entry *h = archive_entry_new();
        archive_entry_set_pathname(h, e.path.constData());
        if (e.directory) {
            archive_entry_set_filetype(h, AE_IFDIR);
            archive_entry_set_perm(h, 0755);
        } else if (!e.link.isEmpty()) {
            archive_entry_set_filetype(h, AE_IFLNK);
            archive_entry_set_perm(h, 0777);
            archive_entry_set_symlink(h, e.link.constData());
        } else {
            archive_entry_set_filetype(h, AE_IFREG);
            archive_entry_set_perm(h, 0644);
            archive_entry_set_size(h, e.content.size());
        }
        archive_write_header(a, h);
        if (!e.content.isEmpty())
            archive_write_data(a, e.content.constData(), size_t(e.content.size()));
        archive_entry_free(h);
    }
    archive_write_close(a);
    archive_write_free(a);
    out.truncate(qsizetype(used));
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class ImageUnpackerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testPublishedImageUnpacks();
    void testLongNames_data();
    void testLongNames();
    void testWhiteoutsRemoveLowerFiles();
    void testEscapesAreRefused_data();
    void testEscapesAreRefused();
    void testDamagedBlobIsCorruptAndLeavesNothing();
    void testExistingTargetIsNotOverwritten();

private:
    // An image of `layers` (lowest first) under a new tag; returns its manifest digest.
    QString pushImage(const QString &tag, const QList<QByteArray> &layers);
    QString target(const QString &name) const { return m_dir.filePath(QStringLiteral("deployments/") + name); }

    QTemporaryDir m_dir;
    std::unique_ptr<data::ArtifactStore> m_store;
    const QString m_repository = QStringLiteral("helios/site");
};

void ImageUnpackerTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    auto store = data::openArtifactStore(Config::embedded(m_dir.filePath(QStringLiteral("data"))));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
    m_store = std::move(store.value());
}

QString ImageUnpackerTest::pushImage(const QString &tag, const QList<QByteArray> &layers)
{
    const auto config = m_store->putBlob(m_repository, "{}", QStringLiteral("application/vnd.oci.empty.v1+json"));
    if (!config.ok())
        return {};
    QJsonArray layerArray;
    for (const QByteArray &layer : layers) {
        const auto blob = m_store->putBlob(m_repository, layer, QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"));
        if (!blob.ok())
            return {};
        layerArray.append(QJsonObject{{QStringLiteral("mediaType"), blob->mediaType},
                                      {QStringLiteral("digest"), blob->digest},
                                      {QStringLiteral("size"), blob->size}});
    }
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("artifactType"), QStringLiteral("application/vnd.helios.test")},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), config->mediaType},
                                               {QStringLiteral("digest"), config->digest},
                                               {QStringLiteral("size"), config->size}}},
        {QStringLiteral("layers"), layerArray}};
    const auto digest = m_store->putManifest(m_repository, tag, QJsonDocument(manifest).toJson(QJsonDocument::Compact),
                                             QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
    if (!digest.ok())
        qWarning("putManifest: %s", qPrintable(digest.error().toString()));
    return digest.ok() ? *digest : QString();
}

void ImageUnpackerTest::testPublishedImageUnpacks()
{
    const QString site = m_dir.filePath(QStringLiteral("site"));
    QVERIFY(writeFile(site + QStringLiteral("/index.html"), "<!doctype html><p>shop</p>"));
    QVERIFY(writeFile(site + QStringLiteral("/assets/app-1234.js"), "export const x = 1;"));
    ignis::ImageSpec spec;
    spec.sourceDir = site;
    spec.repository = QStringLiteral("helios/shop");
    spec.tag = QStringLiteral("1.0.0");
    spec.created = QDateTime(QDate(2024, 6, 1), QTime(10, 0), Qt::UTC);
    const auto published = ignis::publishImage(*m_store, spec);
    QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().toString()));

    const auto unpacked = unpackImage(*m_store, spec.repository, published->manifest.digest, QStringLiteral("/srv/www"),
                                      target(QStringLiteral("shop")));
    QVERIFY2(unpacked.ok(), qPrintable(unpacked.ok() ? QString() : unpacked.error().toString()));
    QCOMPARE(unpacked->files, 2);
    QCOMPARE(unpacked->layers, 1);
    QCOMPARE(unpacked->manifestDigest, published->manifest.digest);
    QCOMPARE(filesUnder(target(QStringLiteral("shop"))),
             QStringList({QStringLiteral("assets/app-1234.js"), QStringLiteral("index.html")}));
    QCOMPARE(readFile(target(QStringLiteral("shop/index.html"))), QByteArray("<!doctype html><p>shop</p>"));
    // Nothing is left beside the target.
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("deployments"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("shop")});
}

void ImageUnpackerTest::testLongNames_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("pax headers carry a long path") << int(TarDialect::Pax);
    QTest::newRow("GNU long-name entries carry a long path") << int(TarDialect::Gnu);
}

void ImageUnpackerTest::testLongNames()
{
    QFETCH(int, dialect);
    const QByteArray longDir = QByteArray("very-long-directory-name-").repeated(5);     // 125 characters
    const QByteArray longName = QByteArray("a-file-name-well-past-one-hundred-").repeated(4) + ".txt";
    const QByteArray path = "srv/www/" + longDir + '/' + longName;
    QVERIFY(path.size() > 255);
    const QString digest = pushImage(QStringLiteral("long-%1").arg(dialect),
                                     {makeLayer({{"srv/www/index.html", "home"}, {path, "deep"}}, TarDialect(dialect))});
    QVERIFY(!digest.isEmpty());
    const QString dir = target(QStringLiteral("long-%1").arg(dialect));
    const auto unpacked = unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir);
    QVERIFY2(unpacked.ok(), qPrintable(unpacked.ok() ? QString() : unpacked.error().toString()));
    QCOMPARE(readFile(dir + QLatin1Char('/') + QString::fromLatin1(longDir + '/' + longName)), QByteArray("deep"));
    QCOMPARE(unpacked->files, 2);
}

void ImageUnpackerTest::testWhiteoutsRemoveLowerFiles()
{
    const QByteArray lower = makeLayer({{"etc/os-release", "base"},
                                        {"srv/www/index.html", "v1"},
                                        {"srv/www/old.css", "old"},
                                        {"srv/www/cache/a.js", "a"},
                                        {"srv/www/cache/b.js", "b"},
                                        {"srv/www/keep.txt", "keep"}});
    const QByteArray upper = makeLayer({{"srv/www/index.html", "v2"},
                                        {"srv/www/.wh.old.css", ""},
                                        {"srv/www/cache/.wh..wh..opq", ""},
                                        {"srv/www/cache/c.js", "c"}});
    const QString digest = pushImage(QStringLiteral("whiteouts"), {lower, upper});
    QVERIFY(!digest.isEmpty());
    const QString dir = target(QStringLiteral("whiteouts"));
    const auto unpacked = unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir);
    QVERIFY2(unpacked.ok(), qPrintable(unpacked.ok() ? QString() : unpacked.error().toString()));
    QCOMPARE(filesUnder(dir), QStringList({QStringLiteral("cache/c.js"), QStringLiteral("index.html"), QStringLiteral("keep.txt")}));
    QCOMPARE(readFile(dir + QStringLiteral("/index.html")), QByteArray("v2"));
    QCOMPARE(unpacked->layers, 2);
}

void ImageUnpackerTest::testEscapesAreRefused_data()
{
    QTest::addColumn<QList<QByteArray>>("entry"); // path, content, link target
    QTest::newRow("a path climbing out with dot-dot") << QList<QByteArray>{"srv/www/../../../tmp/evil", "x", ""};
    QTest::newRow("an absolute symbolic link") << QList<QByteArray>{"srv/www/passwd", "", "/etc/passwd"};
    QTest::newRow("a relative symbolic link leaving the root") << QList<QByteArray>{"srv/www/up", "", "../../etc"};
}

void ImageUnpackerTest::testEscapesAreRefused()
{
    QFETCH(QList<QByteArray>, entry);
    static int n = 0;
    const QString tag = QStringLiteral("evil-%1").arg(++n);
    const QString digest = pushImage(tag, {makeLayer({{"srv/www/index.html", "ok"}, {entry[0], entry[1], entry[2]}})});
    QVERIFY(!digest.isEmpty());
    const QString dir = target(tag);
    const auto unpacked = unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir);
    QVERIFY(!unpacked.ok());
    QCOMPARE(unpacked.error().code, ErrorCode::Corrupt);
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/evil")) || readFile(QStringLiteral("/tmp/evil")) != "x");
}

void ImageUnpackerTest::testDamagedBlobIsCorruptAndLeavesNothing()
{
    const QByteArray layer = makeLayer({{"srv/www/index.html", "fine"}});
    const QString digest = pushImage(QStringLiteral("damaged"), {layer});
    QVERIFY(!digest.isEmpty());
    // Damage the layer's blob on disk, keeping its size.
    const QString layerDigest = sha256Digest(layer);
    QDirIterator it(m_dir.filePath(QStringLiteral("data")), {layerDigest.mid(7)}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    const QString blobPath = it.next();
    QByteArray damaged = layer;
    damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x5a);
    QFile::setPermissions(blobPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(writeFile(blobPath, damaged));

    const QString dir = target(QStringLiteral("damaged"));
    const auto unpacked = unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir);
    QVERIFY(!unpacked.ok());
    QCOMPARE(unpacked.error().code, ErrorCode::Corrupt);
    QVERIFY(!QFileInfo::exists(dir));
    const QStringList leftovers = QDir(m_dir.filePath(QStringLiteral("deployments")))
                                      .entryList({QStringLiteral(".damaged*")}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u',')));
}

void ImageUnpackerTest::testExistingTargetIsNotOverwritten()
{
    const QString digest = pushImage(QStringLiteral("twice"), {makeLayer({{"srv/www/index.html", "one"}})});
    const QString dir = target(QStringLiteral("twice"));
    QVERIFY(unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir).ok());
    const auto again = unpackImage(*m_store, m_repository, digest, QStringLiteral("/srv/www"), dir);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(readFile(dir + QStringLiteral("/index.html")), QByteArray("one"));
}

QTEST_GUILESS_MAIN(ImageUnpackerTest)
#include "image_unpacker_test.moc"
