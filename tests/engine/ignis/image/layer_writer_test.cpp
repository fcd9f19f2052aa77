// SPDX-License-Identifier: Apache-2.0
// The layer of a build: reproducible bytes, normalised entries, honest digests.
#include "ignis/image/layer_writer.h"

#include "artifacts/artifact_store.h"
#include "image_test_support.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace helios;
using namespace helios::ignis;
using test::LayerEntry;

Q_DECLARE_METATYPE(helios::ErrorCode)

class LayerWriterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testSameInputGivesIdenticalBytes();
    void testEntriesAreSortedNormalisedAndUnderTheRoot();
    void testRootPathDecidesTheParents_data();
    void testRootPathDecidesTheParents();
    void testGzipHeaderHasNoNameOrTimestamp();
    void testDiffIdIsTheDigestOfTheTar();
    void testLargeFileSurvivesTheRoundTrip();
    void testBadInputFails_data();
    void testBadInputFails();

private:
    // A small site: index.html, assets/, a hidden dir, an executable and a symlink, with
    // deliberately odd permissions that the layer must normalise.
    QString makeSite(const QString &name);
    static LayerWriter writer(const QString &root = QStringLiteral("/srv/www"));

    QTemporaryDir m_dir;
};

void LayerWriterTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString LayerWriterTest::makeSite(const QString &name) {
    const QString root = m_dir.filePath(name);
    bool ok =
        test::writeFile(root + QStringLiteral("/index.html"),
                        "<!doctype html><title>site</title>\n", 0600) &&
        test::writeFile(root + QStringLiteral("/assets/app.js"), "console.log('hi');\n", 0664) &&
        test::writeFile(root + QStringLiteral("/assets/style.css"), "body{}\n", 0444) &&
        test::writeFile(root + QStringLiteral("/.well-known/security.txt"), "Contact: x\n", 0640) &&
        test::writeFile(root + QStringLiteral("/bin/run.sh"), "#!/bin/sh\n", 0700);
    ok = ok && QFile::link(QStringLiteral("assets/app.js"), root + QStringLiteral("/latest.js"));
    ok = ok && QFile::setPermissions(root + QStringLiteral("/assets"), QFileDevice::ReadOwner |
                                                                           QFileDevice::WriteOwner |
                                                                           QFileDevice::ExeOwner);
    if (!ok)
        qWarning("could not build the site %s", qPrintable(root));
    return root;
}

LayerWriter LayerWriterTest::writer(const QString &root) {
    LayerWriter writer;
    writer.setRootPath(root);
    writer.setModificationTime(QDateTime(QDate(2024, 3, 1), QTime(8, 30), Qt::UTC));
    return writer;
}

void LayerWriterTest::testSameInputGivesIdenticalBytes() {
    const QString first = makeSite(QStringLiteral("same-1"));
    const QString second = makeSite(QStringLiteral("same-2"));
    // Different mtimes on disk must not reach the layer.
    QFile touched(second + QStringLiteral("/index.html"));
    QVERIFY(touched.open(QIODevice::ReadWrite));
    QVERIFY(touched.setFileTime(QDateTime(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC),
                                QFileDevice::FileModificationTime));
    touched.close();

    auto a = writer().write(first);
    auto b = writer().write(second);
    auto again = writer().write(first);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
    QVERIFY(b.ok());
    QVERIFY(again.ok());
    QCOMPARE(a->bytes, b->bytes);
    QCOMPARE(a->bytes, again->bytes);
    QCOMPARE(a->digest, b->digest);
    QCOMPARE(a->diffId, b->diffId);
    QCOMPARE(a->digest, data::sha256Digest(a->bytes));
    QCOMPARE(a->size, a->bytes.size());

    // ...while another time or root does change it.
    LayerWriter later = writer();
    later.setModificationTime(QDateTime(QDate(2024, 3, 2), QTime(8, 30), Qt::UTC));
    auto c = later.write(first);
    QVERIFY(c.ok());
    QVERIFY(c->digest != a->digest);
    auto d = writer(QStringLiteral("/usr/share/www")).write(first);
    QVERIFY(d.ok());
    QVERIFY(d->diffId != a->diffId);
}

void LayerWriterTest::testEntriesAreSortedNormalisedAndUnderTheRoot() {
    const QString site = makeSite(QStringLiteral("entries"));
    auto layer = writer().write(site);
    QVERIFY2(layer.ok(), qPrintable(layer.ok() ? QString() : layer.error().toString()));
    QList<LayerEntry> entries;
    QString error;
    QVERIFY2(test::readLayer(layer->bytes, &entries, &error), qPrintable(error));

    struct Expected {
        QString path;
        LayerEntry::Kind kind;
        int mode;
    };
    const QList<Expected> expected{
        {QStringLiteral("srv/"), LayerEntry::Kind::Directory, 0755},
        {QStringLiteral("srv/www/"), LayerEntry::Kind::Directory, 0755},
        {QStringLiteral("srv/www/.well-known/"), LayerEntry::Kind::Directory, 0755},
        {QStringLiteral("srv/www/.well-known/security.txt"), LayerEntry::Kind::File, 0644},
        {QStringLiteral("srv/www/assets/"), LayerEntry::Kind::Directory, 0755},
        {QStringLiteral("srv/www/assets/app.js"), LayerEntry::Kind::File, 0644},
        {QStringLiteral("srv/www/assets/style.css"), LayerEntry::Kind::File, 0644},
        {QStringLiteral("srv/www/bin/"), LayerEntry::Kind::Directory, 0755},
        {QStringLiteral("srv/www/bin/run.sh"), LayerEntry::Kind::File, 0755},
        {QStringLiteral("srv/www/index.html"), LayerEntry::Kind::File, 0644},
        {QStringLiteral("srv/www/latest.js"), LayerEntry::Kind::Symlink, 0777},
    };
    QStringList paths;
    for (const LayerEntry &entry : std::as_const(entries))
        paths.append(entry.path);
    QStringList expectedPaths;
    for (const Expected &e : expected)
        expectedPaths.append(e.path);
    QCOMPARE(paths, expectedPaths);
    QCOMPARE(layer->entryCount, expected.size());

    const qint64 mtime = QDateTime(QDate(2024, 3, 1), QTime(8, 30), Qt::UTC).toSecsSinceEpoch();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LayerEntry &entry = entries.at(i);
        QCOMPARE(entry.kind, expected.at(i).kind);
        QVERIFY2(
            entry.mode == expected.at(i).mode,
            qPrintable(QStringLiteral("%1 has mode %2").arg(entry.path).arg(entry.mode, 0, 8)));
        QCOMPARE(entry.uid, 0);
        QCOMPARE(entry.gid, 0);
        QCOMPARE(entry.mtime, mtime);
    }
    QCOMPARE(entries.at(10).symlink, QStringLiteral("assets/app.js"));
    QCOMPARE(entries.at(9).data, QByteArray("<!doctype html><title>site</title>\n"));
    QCOMPARE(entries.at(5).data, QByteArray("console.log('hi');\n"));
}

void LayerWriterTest::testRootPathDecidesTheParents_data() {
    QTest::addColumn<QString>("root");
    QTest::addColumn<QStringList>("firstPaths");
    QTest::newRow("the top of the file system has no parent entries")
        << QStringLiteral("/") << QStringList{QStringLiteral("a.txt")};
    QTest::newRow("a deep root gets every parent, trailing slash or not")
        << QStringLiteral("/usr/share/nginx/html/")
        << QStringList{QStringLiteral("usr/"), QStringLiteral("usr/share/"),
                       QStringLiteral("usr/share/nginx/"), QStringLiteral("usr/share/nginx/html/"),
                       QStringLiteral("usr/share/nginx/html/a.txt")};
    QTest::newRow("doubled slashes collapse")
        << QStringLiteral("//app//www")
        << QStringList{QStringLiteral("app/"), QStringLiteral("app/www/"),
                       QStringLiteral("app/www/a.txt")};
}

void LayerWriterTest::testRootPathDecidesTheParents() {
    QFETCH(QString, root);
    QFETCH(QStringList, firstPaths);
    const QString site = m_dir.filePath(QStringLiteral("one-file"));
    QVERIFY(test::writeFile(site + QStringLiteral("/a.txt"), "a"));
    auto layer = writer(root).write(site);
    QVERIFY2(layer.ok(), qPrintable(layer.ok() ? QString() : layer.error().toString()));
    QList<LayerEntry> entries;
    QString error;
    QVERIFY2(test::readLayer(layer->bytes, &entries, &error), qPrintable(error));
    QStringList paths;
    for (const LayerEntry &entry : std::as_const(entries))
        paths.append(entry.path);
    QCOMPARE(paths, firstPaths);
}

void LayerWriterTest::testGzipHeaderHasNoNameOrTimestamp() {
    auto layer = writer().write(makeSite(QStringLiteral("gzip-header")));
    QVERIFY(layer.ok());
    const QByteArray &bytes = layer->bytes;
    QVERIFY(bytes.size() > 18);
    QCOMPARE(static_cast<unsigned char>(bytes.at(0)), 0x1f);
    QCOMPARE(static_cast<unsigned char>(bytes.at(1)), 0x8b);
    const auto flags = static_cast<unsigned char>(bytes.at(3));
    QCOMPARE(flags & 0x08, 0);                      // FNAME
    QCOMPARE(flags & 0x10, 0);                      // FCOMMENT
    QCOMPARE(bytes.mid(4, 4), QByteArray(4, '\0')); // MTIME
    // The gzip trailer holds the uncompressed size mod 2^32: nothing may follow it.
    const auto tail = reinterpret_cast<const unsigned char *>(bytes.constData() + bytes.size() - 4);
    const quint32 isize = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (quint32(tail[3]) << 24);
    QCOMPARE(qint64(isize), layer->uncompressedSize);
}

void LayerWriterTest::testDiffIdIsTheDigestOfTheTar() {
    auto layer = writer().write(makeSite(QStringLiteral("diff-id")));
    QVERIFY(layer.ok());
    QString error;
    const QByteArray tar = test::gunzip(layer->bytes, &error);
    QVERIFY2(!tar.isEmpty(), qPrintable(error));
    QCOMPARE(tar.size(), layer->uncompressedSize);
    QCOMPARE(tar.size() % 512, 0);
    QCOMPARE(layer->diffId, data::sha256Digest(tar));
    QVERIFY(layer->diffId != layer->digest);
}

void LayerWriterTest::testLargeFileSurvivesTheRoundTrip() {
    // Bigger than the writer's read chunk and libarchive's blocks, and not compressible
    // to nothing: every piece must arrive in order.
    QByteArray big;
    big.reserve(3 * 1024 * 1024 + 17);
    quint32 x = 12345;
    while (big.size() < 3 * 1024 * 1024 + 17) {
        x = x * 1664525u + 1013904223u;
        big.append(static_cast<char>(x >> 24));
    }
    const QString site = m_dir.filePath(QStringLiteral("large"));
    QVERIFY(test::writeFile(site + QStringLiteral("/bundle.bin"), big));
    auto layer = writer().write(site);
    QVERIFY(layer.ok());
    QList<LayerEntry> entries;
    QString error;
    QVERIFY2(test::readLayer(layer->bytes, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(2).path, QStringLiteral("srv/www/bundle.bin"));
    QVERIFY(entries.at(2).data == big);
}

void LayerWriterTest::testBadInputFails_data() {
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("root");
    QTest::addColumn<helios::ErrorCode>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a missing source directory is refused")
        << QStringLiteral("missing") << QStringLiteral("/srv/www") << ErrorCode::InvalidArgument
        << QStringLiteral("does not exist");
    QTest::newRow("an empty source directory is refused")
        << QStringLiteral("empty") << QStringLiteral("/srv/www") << ErrorCode::InvalidArgument
        << QStringLiteral("empty");
    QTest::newRow("a relative root path is refused")
        << QStringLiteral("file") << QStringLiteral("srv/www") << ErrorCode::InvalidArgument
        << QStringLiteral("absolute");
    QTest::newRow("a root path with .. is refused")
        << QStringLiteral("file") << QStringLiteral("/srv/../etc") << ErrorCode::InvalidArgument
        << QStringLiteral("\"..\"");
    QTest::newRow("an absolute symlink is refused")
        << QStringLiteral("absolute-link") << QStringLiteral("/srv/www")
        << ErrorCode::InvalidArgument << QStringLiteral("outside the source directory");
    QTest::newRow("a symlink climbing out of the tree is refused")
        << QStringLiteral("escaping-link") << QStringLiteral("/srv/www")
        << ErrorCode::InvalidArgument << QStringLiteral("outside the source directory");
    QTest::newRow("a named pipe is refused") << QStringLiteral("fifo") << QStringLiteral("/srv/www")
                                             << ErrorCode::Unsupported << QStringLiteral("pipe");
}

void LayerWriterTest::testBadInputFails() {
    QFETCH(QString, setup);
    QFETCH(QString, root);
    QFETCH(helios::ErrorCode, code);
    QFETCH(QString, messagePart);
    const QString site = m_dir.filePath(QStringLiteral("bad-") +
                                        QString::fromLatin1(QTest::currentDataTag()).left(20));
    if (setup != QLatin1StringView("missing"))
        QVERIFY(QDir().mkpath(site));
    if (setup == QLatin1StringView("file"))
        QVERIFY(test::writeFile(site + QStringLiteral("/a.txt"), "a"));
    if (setup == QLatin1StringView("absolute-link")) {
        QVERIFY(test::writeFile(site + QStringLiteral("/a.txt"), "a"));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), site + QStringLiteral("/passwd")));
    }
    if (setup == QLatin1StringView("escaping-link")) {
        QVERIFY(test::writeFile(site + QStringLiteral("/deep/a.txt"), "a"));
        QVERIFY(
            QFile::link(QStringLiteral("../a.txt/../../.."), site + QStringLiteral("/deep/up")));
    }
    if (setup == QLatin1StringView("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(site + QStringLiteral("/pipe")).constData(), 0644), 0);

    auto layer = writer(root).write(site);
    QVERIFY(!layer.ok());
    QCOMPARE(layer.error().code, code);
    QVERIFY2(layer.error().message.contains(messagePart), qPrintable(layer.error().toString()));
}

QTEST_GUILESS_MAIN(LayerWriterTest)
#include "layer_writer_test.moc"
