// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "test_tls.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslConfiguration>
#include <QString>

#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace helios::test {

// The test CA and its server certificate (TestTls) as the PEM files `helios serve` reads.
struct TestPki {
    TestTls tls;
    QString caPath, certPath, keyPath;
    QByteArray serverSpkiSha256Base64; // for Chromium's --ignore-certificate-errors-spki-list
    bool make(const QString &dir, QString *error);
    QSslConfiguration clientConfiguration() const { return tls.clientConfiguration(); }
};

// One `helios serve` process, stopped by its pid (SIGTERM, then SIGKILL) when destroyed.
class ServeProcess {
public:
    ServeProcess(QString binary, QString workDir, QString name);
    ~ServeProcess();

    bool start(const QStringList &args, const QProcessEnvironment &environment, QString *error);
    quint16 port(const QString &subsystem) const { return m_ports.value(subsystem); }
    void terminate();
    // Waits for the exit; true with the exit code when it stopped in time.
    bool waitForExit(int *exitCode);
    QByteArray output() const; // stderr so far, for failure messages
    qint64 pid() const { return m_process.processId(); }

private:
    QString m_binary, m_workDir, m_name;
    QProcess m_process;
    QHash<QString, quint16> m_ports;
};

struct Reply {
    int status = 0;             // 0: no HTTP answer (connection failed)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString error;
    QJsonObject json() const;
};

// A blocking HTTPS client for tests, bounded by a timeout per request.
class TestClient {
public:
    explicit TestClient(QSslConfiguration tls);
    ~TestClient();
    Reply send(const QByteArray &method, const QString &url, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_tls;
};

// Compact JWS for tests, built independently of the engine's code.
QByteArray hs256Token(const QByteArray &secret, const QJsonObject &claims, const QByteArray &alg = "HS256");
QByteArray unsignedToken(const QJsonObject &claims); // alg "none"

} // namespace helios::test
