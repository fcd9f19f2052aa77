// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>

#include <optional>

// A throwaway certificate authority made in memory for one test run, and a server
// certificate it signed for localhost / 127.0.0.1.
struct TestTls {
    QSslCertificate ca;
    QByteArray caPem;
    QByteArray caKeyPem;
    QSslConfiguration server;

    static std::optional<TestTls> make();
    // A client configuration that trusts only the test CA.
    QSslConfiguration clientConfiguration() const;
};
