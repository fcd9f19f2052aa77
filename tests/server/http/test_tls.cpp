// SPDX-License-Identifier: Apache-2.0
#include "test_tls.h"

#include "certificate_generator.h"
#include "server_tls.h"

using helios::server::CertificateGenerator;
using helios::server::ServerTls;

std::optional<TestTls> TestTls::make()
{
    CertificateGenerator::Spec caSpec;
    caSpec.commonName = QStringLiteral("Helios Test CA");
    caSpec.certificateAuthority = true;
    caSpec.validDays = 2;
    auto ca = CertificateGenerator::generate(caSpec);
    if (!ca)
        return std::nullopt;

    CertificateGenerator::Spec leafSpec;
    leafSpec.commonName = QStringLiteral("localhost");
    leafSpec.dnsNames = {QStringLiteral("localhost")};
    leafSpec.ipAddresses = {QHostAddress(QHostAddress::LocalHost)};
    leafSpec.validDays = 2;
    leafSpec.issuerCertificatePem = ca->certificate;
    leafSpec.issuerKeyPem = ca->privateKey;
    auto leaf = CertificateGenerator::generate(leafSpec);
    if (!leaf)
        return std::nullopt;
    auto server = ServerTls::fromPem(leaf->certificate + ca->certificate, leaf->privateKey);
    if (!server)
        return std::nullopt;

    TestTls tls;
    tls.caPem = ca->certificate;
    tls.caKeyPem = ca->privateKey;
    tls.ca = QSslCertificate(ca->certificate, QSsl::Pem);
    tls.server = *server;
    return tls;
}

QSslConfiguration TestTls::clientConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({ca});
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}
