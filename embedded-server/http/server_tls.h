// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

namespace helios::server {

// The TLS identity of `helios serve`: a configured PEM certificate chain and key, or a
// self-signed certificate made on first start and kept under <dataDir>/tls/. Every
// configuration returned requires TLS 1.2 or later and does not ask clients for
// certificates.
class ServerTls {
public:
    // The chain (server certificate first, then intermediates) and its unencrypted key.
    // Io naming the file when one cannot be read; InvalidArgument naming the file when it
    // holds no PEM certificate or key, or when the key does not belong to the certificate.
    [[nodiscard]] static Result<QSslConfiguration> fromFiles(const QString &certificatePath, const QString &keyPath);
    // The same from bytes; the paths only name the sources in errors.
    [[nodiscard]] static Result<QSslConfiguration> fromPem(const QByteArray &chainPem, const QByteArray &keyPem,
                                                           const QString &certificateSource = QStringLiteral("certificate"),
                                                           const QString &keySource = QStringLiteral("private key"));

    // <dataDir>/tls/selfsigned-cert.pem and selfsigned-key.pem (mode 0600), made on the
    // first call: EC P-256, CN localhost, SANs DNS:localhost, IP:127.0.0.1, IP:::1, valid
    // one year. Later calls reuse them; they are made anew when unreadable or within a
    // day of expiry.
    [[nodiscard]] static Result<QSslConfiguration> selfSigned(const QString &dataDir);
    static QString selfSignedCertificatePath(const QString &dataDir);
    static QString selfSignedKeyPath(const QString &dataDir);
};

} // namespace helios::server
