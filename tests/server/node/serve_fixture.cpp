// SPDX-License-Identifier: Apache-2.0
#include "serve_fixture.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

namespace helios::test {

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

bool TestPki::make(const QString &dir, QString *error)
{
    std::optional<TestTls> made = TestTls::make();
    if (!made) {
        *error = QStringLiteral("no test CA could be made");
        return false;
    }
    tls = *made;
    caPath = dir + QStringLiteral("/ca.pem");
    certPath = dir + QStringLiteral("/server.pem");
    keyPath = dir + QStringLiteral("/server.key");
    const QSslCertificate server = tls.server.localCertificate();
    const std::pair<QString, QByteArray> files[] = {{caPath, tls.caPem},
                                                    {certPath, server.toPem()},
                                                    {keyPath, tls.server.privateKey().toPem()}};
    for (const auto &[path, bytes] : files) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
    }
    serverSpkiSha256Base64 = QCryptographicHash::hash(server.publicKey().toDer(), QCryptographicHash::Sha256).toBase64();
    return true;
}

ServeProcess::ServeProcess(QString binary, QString workDir, QString name)
    : m_binary(std::move(binary))
    , m_workDir(std::move(workDir))
    , m_name(std::move(name))
{
}

ServeProcess::~ServeProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServeProcess::start(const QStringList &args, const QProcessEnvironment &environment, QString *error)
{
    const QString readyFile = m_workDir + u'/' + m_name + QStringLiteral(".ready.json");
    QFile::remove(readyFile);
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardOutputFile(m_workDir + u'/' + m_name + QStringLiteral(".access.log"));
    m_process.start(m_binary, QStringList{QStringLiteral("serve")} + args
                                  + QStringList{QStringLiteral("--ready-file"), readyFile});
    if (!m_process.waitForStarted(10000)) {
        *error = m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(30000);
    while (!QFile::exists(readyFile)) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
            m_process.waitForFinished(1000);
            *error = QStringLiteral("%1 did not get ready: %2").arg(m_name, QString::fromLocal8Bit(output()));
            return false;
        }
        m_process.waitForReadyRead(50);
    }
    const QJsonObject ready = QJsonDocument::fromJson(readFile(readyFile)).object();
    const QJsonObject ports = ready.value(QStringLiteral("ports")).toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it)
        m_ports.insert(it.key(), quint16(it.value().toInt()));
    return !m_ports.isEmpty();
}

void ServeProcess::terminate()
{
    m_process.terminate();
}

bool ServeProcess::waitForExit(int *exitCode)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(30000))
        return false;
    *exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    return true;
}

QByteArray ServeProcess::output() const
{
    return const_cast<QProcess &>(m_process).readAllStandardError();
}

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

TestClient::TestClient(QSslConfiguration tls)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_tls(std::move(tls))
{
}

TestClient::~TestClient() = default;

Reply TestClient::send(const QByteArray &method, const QString &url, const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request{QUrl(url)};
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(20000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QStringLiteral("timed out");
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    if (out.error.isEmpty() && reply->error() != QNetworkReply::NoError && out.status == 0)
        out.error = reply->errorString();
    reply->deleteLater();
    return out;
}

QByteArray hs256Token(const QByteArray &secret, const QJsonObject &claims, const QByteArray &alg)
{
    const QByteArray header = base64Url(QJsonDocument(QJsonObject{{QStringLiteral("alg"), QString::fromLatin1(alg)},
                                                                  {QStringLiteral("typ"), QStringLiteral("JWT")}})
                                            .toJson(QJsonDocument::Compact));
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray input = header + '.' + payload;
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QByteArray unsignedToken(const QJsonObject &claims)
{
    const QByteArray header = base64Url(QByteArrayLiteral("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
    return header + '.' + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.';
}

} // namespace helios::test
