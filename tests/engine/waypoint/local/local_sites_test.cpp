// SPDX-License-Identifier: Apache-2.0
// LocalSites and its SiteServer: what a path resolves to, what is never served, the
// headers of GET/HEAD/304/404, and the atomic switch of an environment under a client
// that polls it throughout.
#include "waypoint/local_sites.h"

#include "blocking_http.h"
#include "core/config.h"
#include "site_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace helios;
using namespace helios::waypoint;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class LocalSitesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testResolve_data();
    void testResolve();
    void testConfiguredPort_data();
    void testConfiguredPort();
    void testSwitchNeedsAnExistingDeployment();
    void testPointersSurviveANewInstance();
    void testServerAnswers_data();
    void testServerAnswers();
    void testMatchingEtagAnswersNotModified();
    void testSwitchingUnderAPollingClientNeverShowsAnError();
    void testPruneKeepsTheLiveDeployment();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<LocalSites> m_sites;
    std::unique_ptr<server::SiteServer> m_server;
};

void LocalSitesTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QString root = m_dir.filePath(QStringLiteral("deployments"));
    QVERIFY(writeFile(root + QStringLiteral("/d1/index.html"), "<p>v1</p>"));
    QVERIFY(writeFile(root + QStringLiteral("/d1/app.js"), "console.log(1)"));
    QVERIFY(writeFile(root + QStringLiteral("/d1/docs/index.html"), "<p>docs v1</p>"));
    QVERIFY(writeFile(root + QStringLiteral("/d2/index.html"), "<p>v2</p>"));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("secret.txt")), "outside"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("secret.txt")), root + QStringLiteral("/d1/leak.txt")));
    m_sites = std::make_shared<LocalSites>(root);
    QCOMPARE(m_sites->switchEnvironment(QStringLiteral("p1"), QStringLiteral("dev"), QStringLiteral("d1")), QString());
    auto started = server::SiteServer::start(m_sites, QHostAddress::LocalHost, 0);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    m_server = std::move(started.value());
}

void LocalSitesTest::testResolve_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("file");       // relative to the root; empty for 404
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("a deployment's root serves its index") << "/deployments/d1/" << 200 << "d1/index.html" << QByteArray("text/html; charset=utf-8");
    QTest::newRow("a deployment's file") << "/deployments/d1/app.js" << 200 << "d1/app.js" << QByteArray("text/javascript; charset=utf-8");
    QTest::newRow("a directory serves its own index") << "/deployments/d1/docs" << 200 << "d1/docs/index.html" << QByteArray("text/html; charset=utf-8");
    QTest::newRow("an application route falls back to the index") << "/deployments/d1/settings/profile" << 200 << "d1/index.html" << QByteArray("text/html; charset=utf-8");
    QTest::newRow("a missing asset is not found") << "/deployments/d1/logo.png" << 404 << "" << QByteArray();
    QTest::newRow("an environment serves what it points at") << "/environments/p1/dev/" << 200 << "d1/index.html" << QByteArray("text/html; charset=utf-8");
    QTest::newRow("an unknown environment is not found") << "/environments/p1/prod/" << 404 << "" << QByteArray();
    QTest::newRow("an unknown deployment is not found") << "/deployments/d9/" << 404 << "" << QByteArray();
    QTest::newRow("dot-dot never leaves a deployment") << "/deployments/d1/../d2/index.html" << 404 << "" << QByteArray();
    QTest::newRow("dot-dot never reaches the root's parent") << "/deployments/d1/../../secret.txt" << 404 << "" << QByteArray();
    QTest::newRow("a deployment id of dot-dot is refused") << "/deployments/../secret.txt" << 404 << "" << QByteArray();
    QTest::newRow("a link out of the deployment is not followed") << "/deployments/d1/leak.txt" << 404 << "" << QByteArray();
    QTest::newRow("a backslash is refused") << "/deployments/d1/..\\..\\secret.txt" << 404 << "" << QByteArray();
    QTest::newRow("other paths are not found") << "/index.html" << 404 << "" << QByteArray();
}

void LocalSitesTest::testResolve()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, file);
    QFETCH(QByteArray, contentType);
    const LocalSites::Resolved resolved = m_sites->resolve(path);
    QCOMPARE(resolved.status, status);
    if (status == 200) {
        QCOMPARE(resolved.filePath, QFileInfo(m_sites->rootDir() + QLatin1Char('/') + file).canonicalFilePath());
        QCOMPARE(resolved.contentType, contentType);
        QCOMPARE(resolved.deploymentId, file.section(QLatin1Char('/'), 0, 0));
    }
}

void LocalSitesTest::testConfiguredPort_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("port"); // -1: an error
    QTest::newRow("unset: the default") << QString() << int(LocalSites::DefaultPort);
    QTest::newRow("a port") << QStringLiteral("8080") << 8080;
    QTest::newRow("0: a free port") << QStringLiteral("0") << 0;
    QTest::newRow("too large") << QStringLiteral("65536") << -1;
    QTest::newRow("negative") << QStringLiteral("-1") << -1;
    QTest::newRow("not a number") << QStringLiteral("31o5") << -1;
}

void LocalSitesTest::testConfiguredPort()
{
    QFETCH(QString, value);
    QFETCH(int, port);
    Config config = Config::embedded(QStringLiteral("/nonexistent"));
    if (!value.isEmpty())
        config.set(QString::fromLatin1(Config::SitesPort), value, QStringLiteral("environment"));
    const Result<quint16> got = LocalSites::configuredPort(config);
    if (port < 0) {
        QVERIFY(!got.ok());
        QVERIFY2(got.error().message.contains(QLatin1StringView(Config::SitesPort)), qPrintable(got.error().toString()));
        QVERIFY2(got.error().message.contains(value), qPrintable(got.error().toString()));
        QCOMPARE(got.error().context, QStringLiteral("environment"));
        return;
    }
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
    QCOMPARE(int(*got), port);
}

void LocalSitesTest::testSwitchNeedsAnExistingDeployment()
{
    LocalSites sites(m_dir.filePath(QStringLiteral("deployments")));
    const QString before = sites.environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev"));
    QCOMPARE(sites.switchEnvironment(QStringLiteral("p1"), QStringLiteral("dev"), QStringLiteral("missing")), before);
    QCOMPARE(sites.environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev")), before);
    QCOMPARE(sites.switchEnvironment(QStringLiteral("p1"), QStringLiteral("dev"), QStringLiteral("..")), before);
    QCOMPARE(sites.environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev")), before);
}

void LocalSitesTest::testPointersSurviveANewInstance()
{
    // Another process (here: another instance over the same root) sees a switch.
    LocalSites other(m_sites->rootDir());
    QCOMPARE(other.environmentDeployment(QStringLiteral("p1"), QStringLiteral("dev")), QStringLiteral("d1"));
    QCOMPARE(other.switchEnvironment(QStringLiteral("p1"), QStringLiteral("staging"), QStringLiteral("d2")), QString());
    QCOMPARE(m_sites->environmentDeployment(QStringLiteral("p1"), QStringLiteral("staging")), QStringLiteral("d2"));
    QCOMPARE(other.clearEnvironment(QStringLiteral("p1"), QStringLiteral("staging")), QStringLiteral("d2"));
    QCOMPARE(m_sites->environmentDeployment(QStringLiteral("p1"), QStringLiteral("staging")), QString());
}

void LocalSitesTest::testServerAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("cacheControl");

    QTest::newRow("GET of a deployment is cached for good") << QByteArray("GET") << "/deployments/d1/app.js" << 200
                                                           << QByteArray("console.log(1)") << QByteArray("public, max-age=31536000, immutable");
    QTest::newRow("GET of an environment is revalidated") << QByteArray("GET") << "/environments/p1/dev/" << 200
                                                         << QByteArray("<p>v1</p>") << QByteArray("no-cache");
    QTest::newRow("HEAD has the headers and no body") << QByteArray("HEAD") << "/deployments/d1/app.js" << 200 << QByteArray()
                                                     << QByteArray("public, max-age=31536000, immutable");
    QTest::newRow("an unknown path is a 404 page") << QByteArray("GET") << "/deployments/d1/nope.css" << 404
                                                  << QByteArray() << QByteArray("no-cache");
    QTest::newRow("POST is not allowed") << QByteArray("POST") << "/deployments/d1/" << 405 << QByteArray() << QByteArray();
}

void LocalSitesTest::testServerAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, cacheControl);
    QUrl url = m_server->baseUrl();
    url.setPath(path);
    const test::HttpAnswer answer = test::blockingRequest(method, url);
    QCOMPARE(answer.status, status);
    if (status == 200) {
        QCOMPARE(answer.body, body);
        QCOMPARE(answer.header("cache-control"), cacheControl);
        QCOMPARE(answer.header("content-length"), QByteArray::number(method == "HEAD" ? 14 : body.size()));
        QVERIFY(answer.header("etag").startsWith("\"d1-"));
        QCOMPARE(answer.header("x-helios-deployment"), QByteArray("d1"));
        QVERIFY(!answer.header("content-type").isEmpty());
    } else if (status == 404) {
        QVERIFY(answer.header("content-type").startsWith("text/html"));
        QVERIFY(answer.body.contains("nope.css"));
        QCOMPARE(answer.header("cache-control"), cacheControl);
    } else {
        QCOMPARE(answer.header("allow"), QByteArray("GET, HEAD"));
    }
}

void LocalSitesTest::testMatchingEtagAnswersNotModified()
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/environments/p1/dev/"));
    const test::HttpAnswer first = test::blockingRequest("GET", url);
    QCOMPARE(first.status, 200);
    const test::HttpAnswer again = test::blockingRequest("GET", url, {{"If-None-Match", first.header("etag")}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    const test::HttpAnswer other = test::blockingRequest("GET", url, {{"If-None-Match", "\"d2-0000\""}});
    QCOMPARE(other.status, 200);
}

void LocalSitesTest::testSwitchingUnderAPollingClientNeverShowsAnError()
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/environments/p1/switching/"));
    QCOMPARE(m_sites->switchEnvironment(QStringLiteral("p1"), QStringLiteral("switching"), QStringLiteral("d1")), QString());

    std::atomic_bool stop{false};
    std::atomic_int answers{0};
    std::atomic_int bad{0};
    std::atomic_int sawV1{0};
    std::atomic_int sawV2{0};
    QByteArray firstBad;
    std::thread client([&] {
        while (!stop.load()) {
            const test::HttpAnswer answer = test::blockingRequest("GET", url);
            ++answers;
            if (answer.status == 200 && answer.body == "<p>v1</p>")
                ++sawV1;
            else if (answer.status == 200 && answer.body == "<p>v2</p>")
                ++sawV2;
            else if (bad++ == 0)
                firstBad = QByteArray::number(answer.status) + ' ' + answer.body;
        }
    });
    // Switch back and forth until the client has seen each side several times.
    QDeadlineTimer deadline(60'000);
    int switches = 0;
    while ((sawV1.load() < 20 || sawV2.load() < 20 || switches < 200) && !deadline.hasExpired()) {
        const QString to = switches % 2 == 0 ? QStringLiteral("d2") : QStringLiteral("d1");
        m_sites->switchEnvironment(QStringLiteral("p1"), QStringLiteral("switching"), to);
        ++switches;
        QThread::yieldCurrentThread();
    }
    stop = true;
    client.join();
    QVERIFY2(bad.load() == 0, qPrintable(QStringLiteral("%1 of %2 answers were neither v1 nor v2; first: %3")
                                             .arg(bad.load()).arg(answers.load()).arg(QString::fromUtf8(firstBad))));
    QVERIFY2(sawV1.load() >= 20 && sawV2.load() >= 20, "the client did not see both deployments");
    QVERIFY(switches >= 200);
}

void LocalSitesTest::testPruneKeepsTheLiveDeployment()
{
    const QString root = m_dir.filePath(QStringLiteral("prune"));
    for (const char *id : {"a1", "a2", "a3", "a4"})
        QVERIFY(writeFile(root + QLatin1Char('/') + QLatin1String(id) + QStringLiteral("/index.html"), id));
    LocalSites sites(root);
    sites.switchEnvironment(QStringLiteral("p"), QStringLiteral("dev"), QStringLiteral("a1")); // the oldest is live
    const int removed = sites.prune({QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("a4")},
                                    {QStringLiteral("a4"), QStringLiteral("a3")});
    QCOMPARE(removed, 1);
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/a1/index.html")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/a2")));
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/a3/index.html")));
    QVERIFY(QFileInfo::exists(root + QStringLiteral("/a4/index.html")));
    QCOMPARE(sites.resolve(u"/environments/p/dev/").status, 200);
}

QTEST_GUILESS_MAIN(LocalSitesTest)
#include "local_sites_test.moc"
