// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace helios::server {

// X.509 certificates with EC P-256 keys, made with OpenSSL's libcrypto: the self-signed
// certificate `helios serve` uses when none is configured, and test CAs. Not a CA
// product: no revocation, no policies, one signature algorithm (ECDSA with SHA-256).
class CertificateGenerator {
public:
    struct Spec {
        QString commonName = QStringLiteral("localhost");
        QStringList dnsNames;           // subjectAltName DNS entries
        QList<QHostAddress> ipAddresses; // subjectAltName IP entries
        int validDays = 365;
        bool certificateAuthority = false; // CA:TRUE, keyCertSign; else a TLS server leaf
        // The issuer's PEM certificate and key; both empty for a self-signed certificate.
        QByteArray issuerCertificatePem;
        QByteArray issuerKeyPem;
    };
    struct Pem {
        QByteArray certificate;
        QByteArray privateKey; // PKCS#8, unencrypted: protect the file it goes to
    };

    // InvalidArgument for an unreadable issuer, Internal when libcrypto fails.
    [[nodiscard]] static Result<Pem> generate(const Spec &spec);

    // True if the first certificate in `certificatePem` belongs to `keyPem`.
    static bool keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem);
};

} // namespace helios::server
