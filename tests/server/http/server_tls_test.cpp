// SPDX-License-Identifier: Apache-2.0
#include "certificate_generator.h"
#include "http_server.h"
#include "http_test_client.h"
#include "server_tls.h"
#include "test_tls.h"

#include <QFile>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using helios::ErrorCode;
using helios::server::CertificateGenerator;
using helios::server::HttpRequest;
using helios::server::HttpResponder;
using helios::server::HttpServer;
using helios::server::ServerTls;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class ServerTlsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testSelfSignedIsMadeOnceAndReused()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        const auto first = ServerTls::selfSigned(dataDir.path());
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        const QString keyPath = ServerTls::selfSignedKeyPath(dataDir.path());
        QVERIFY(QFile::exists(ServerTls::selfSignedCertificatePath(dataDir.path())));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(keyPath).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        const QSslCertificate cert = first->localCertificate();
        QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("localhost")});
        const auto sans = cert.subjectAlternativeNames();
        QVERIFY(sans.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("0:0:0:0:0:0:0:1"))
                || sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("::1")));
        const qint64 days = cert.effectiveDate().daysTo(cert.expiryDate());
        QVERIFY2(days >= 364 && days <= 366, qPrintable(QString::number(days)));
        QCOMPARE(first->privateKey().algorithm(), QSsl::Ec);
        QCOMPARE(first->protocol(), QSsl::TlsV1_2OrLater);

        const auto second = ServerTls::selfSigned(dataDir.path());
        QVERIFY(second.ok());
        QCOMPARE(second->localCertificate(), cert); // reused, not made anew
    }

    void testSelfSignedCertificateServesHttps()
    {
        QTemporaryDir dataDir;
        const auto config = ServerTls::selfSigned(dataDir.path());
        QVERIFY(config.ok());
        HttpServer::Options options;
        options.tls = *config;
        options.accessLog = false;
        HttpServer server(options);
        server.setHandler([](const HttpRequest &, HttpResponder r) { r.send(200, "text/plain", "self-signed"); });
        const auto port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates({config->localCertificate()});
        HttpTestClient http(client);
        QVERIFY(http.connectTo(*port));
        http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const auto response = http.read();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("self-signed"));
    }

    void testFromFilesLoadsAChain()
    {
        const auto tls = TestTls::make();
        QVERIFY(tls);
        CertificateGenerator::Spec spec;
        spec.dnsNames = {QStringLiteral("localhost")};
        spec.issuerCertificatePem = tls->caPem;
        spec.issuerKeyPem = tls->caKeyPem;
        const auto leaf = CertificateGenerator::generate(spec);
        QVERIFY(leaf.ok());
        QTemporaryDir dir;
        const QString certPath = dir.filePath(QStringLiteral("chain.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(writeFile(certPath, leaf->certificate + tls->caPem));
        QVERIFY(writeFile(keyPath, leaf->privateKey));
        const auto config = ServerTls::fromFiles(certPath, keyPath);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        QCOMPARE(config->localCertificateChain().size(), 2);
        QCOMPARE(config->localCertificateChain().at(1), tls->ca);
    }

    void testFromFilesNamesTheFileThatFails_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("namedFile");
        QTest::newRow("a missing certificate file") << QStringLiteral("missing-cert") << int(ErrorCode::Io) << QStringLiteral("cert.pem");
        QTest::newRow("a missing key file") << QStringLiteral("missing-key") << int(ErrorCode::Io) << QStringLiteral("key.pem");
        QTest::newRow("a certificate file without PEM") << QStringLiteral("garbage-cert") << int(ErrorCode::InvalidArgument)
                                                        << QStringLiteral("cert.pem");
        QTest::newRow("a key file without PEM") << QStringLiteral("garbage-key") << int(ErrorCode::InvalidArgument)
                                                << QStringLiteral("key.pem");
        QTest::newRow("a key that belongs to another certificate") << QStringLiteral("mismatch")
                                                                   << int(ErrorCode::InvalidArgument) << QStringLiteral("key.pem");
    }
    void testFromFilesNamesTheFileThatFails()
    {
        QFETCH(QString, problem);
        QFETCH(int, code);
        QFETCH(QString, namedFile);
        const auto one = CertificateGenerator::generate({});
        const auto other = CertificateGenerator::generate({});
        QVERIFY(one.ok() && other.ok());
        QTemporaryDir dir;
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        if (problem != QLatin1String("missing-cert"))
            QVERIFY(writeFile(certPath, problem == QLatin1String("garbage-cert") ? QByteArray("not a certificate") : one->certificate));
        if (problem != QLatin1String("missing-key")) {
            const QByteArray key = problem == QLatin1String("garbage-key") ? QByteArray("not a key")
                : problem == QLatin1String("mismatch")                     ? other->privateKey
                                                                           : one->privateKey;
            QVERIFY(writeFile(keyPath, key));
        }
        const auto config = ServerTls::fromFiles(certPath, keyPath);
        QVERIFY(!config.ok());
        QCOMPARE(int(config.error().code), code);
        QVERIFY2(config.error().toString().contains(namedFile), qPrintable(config.error().toString()));
    }
};

QTEST_GUILESS_MAIN(ServerTlsTest)
#include "server_tls_test.moc"
