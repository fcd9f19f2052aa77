// SPDX-License-Identifier: Apache-2.0
#include "server_tls.h"

#include "certificate_generator.h"

#include "core/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace helios::server {

namespace {

Result<QByteArray> readFile(const QString &path, const char *what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the TLS %1: %2").arg(QLatin1StringView(what), f.errorString()), path);
    return f.readAll();
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions permissions)
{
    QFile::remove(path);
    QFile f(path);
    // Created with its final mode: a private key is never readable by others, not even
    // for the moment between creating and chmod-ing it.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || f.write(bytes) != bytes.size() || !f.flush())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    return {};
}

QSslKey parseKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

Result<QSslConfiguration> ServerTls::fromPem(const QByteArray &chainPem, const QByteArray &keyPem,
                                             const QString &certificateSource, const QString &keySource)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(chainPem, QSsl::Pem);
    if (chain.isEmpty() || chain.front().isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no PEM certificate found"), certificateSource);
    const QSslKey key = parseKey(keyPem);
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("no PEM private key found (encrypted keys are not supported)"), keySource);
    if (!CertificateGenerator::keyMatches(chainPem, keyPem))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the private key in %1 does not belong to the certificate").arg(keySource),
                         certificateSource);

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return config;
}

Result<QSslConfiguration> ServerTls::fromFiles(const QString &certificatePath, const QString &keyPath)
{
    Result<QByteArray> chain = readFile(certificatePath, "certificate");
    if (!chain)
        return chain.error();
    Result<QByteArray> key = readFile(keyPath, "private key");
    if (!key)
        return key.error();
    return fromPem(*chain, *key, certificatePath, keyPath);
}

QString ServerTls::selfSignedCertificatePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("tls/selfsigned-cert.pem"));
}

QString ServerTls::selfSignedKeyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("tls/selfsigned-key.pem"));
}

Result<QSslConfiguration> ServerTls::selfSigned(const QString &dataDir)
{
    const QString certPath = selfSignedCertificatePath(dataDir);
    const QString keyPath = selfSignedKeyPath(dataDir);
    if (QFile::exists(certPath) && QFile::exists(keyPath)) {
        Result<QSslConfiguration> existing = fromFiles(certPath, keyPath);
        if (existing && existing->localCertificate().expiryDate() > QDateTime::currentDateTimeUtc().addDays(1))
            return existing;
        qCWarning(lcServer) << "self-signed certificate in" << certPath << "is unusable or expiring; making a new one";
    }

    const QString dir = QFileInfo(certPath).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the TLS directory"), dir);
    CertificateGenerator::Spec spec;
    spec.commonName = QStringLiteral("localhost");
    spec.dnsNames = {QStringLiteral("localhost")};
    spec.ipAddresses = {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
    spec.validDays = 365;
    Result<CertificateGenerator::Pem> pem = CertificateGenerator::generate(spec);
    if (!pem)
        return pem.error();
    const Result<void> keyWritten = writeFile(keyPath, pem->privateKey, QFile::ReadOwner | QFile::WriteOwner);
    if (!keyWritten)
        return keyWritten.error();
    const Result<void> certWritten = writeFile(certPath, pem->certificate,
                                               QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (!certWritten)
        return certWritten.error();
    qCInfo(lcServer) << "made a self-signed TLS certificate for localhost in" << certPath;
    return fromPem(pem->certificate, pem->privateKey, certPath, keyPath);
}

} // namespace helios::server
