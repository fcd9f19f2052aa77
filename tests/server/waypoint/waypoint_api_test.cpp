// SPDX-License-Identifier: Apache-2.0
// WAYPOINT's REST routes through a real ServerNode (HTTPS on 127.0.0.1, HS256 tokens of
// each role): a build.completed on the Bus becomes a release that dev runs; a viewer
// reads but may not deploy; a developer deploys dev and approves staging but not prod,
// which changes nothing; an admin approves prod and the deployment reaches succeeded;
// rollback switches dev back; the OpenAPI document lists every route.
#include "http_test_client.h"
#include "server_node.h"
#include "test_tls.h"

#include "bus/bus.h"
#include "bus/event.h"
#include "core/config.h"
#include "engine.h"
#include "ignis/build_history.h"
#include "landing/token_minter.h"
#include "landing/user_directory.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;

namespace {

const QByteArray kSecret = "waypoint-api-test-secret-of-at-least-32-bytes";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

struct Reply {
    int status = 0; // 0: no answer in time
    QByteArray body;
    QByteArray contentType;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class WaypointApiTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aBuildIsReleasedAndDevRunsIt();
    void aViewerReadsButMayNotDeploy();
    void aDeveloperDeploysDevAndApprovesStaging();
    void aDeveloperCannotApproveProdAndNothingChanges();
    void anAdminApprovesProd();
    void refusedRequestsSayWhy();
    void rollbackSwitchesDevBack();
    void manifestsAreYaml();
    void theOpenApiDocumentListsTheRoutes();
    void cleanupTestCase();

private:
    Reply call(const QByteArray &method, const QString &path, const QString &subject, const QByteArray &body = {})
    {
        HttpTestClient client(m_tls->clientConfiguration());
        if (!client.connectTo(m_port))
            return {};
        QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        if (!subject.isEmpty())
            request += "Authorization: Bearer " + m_tokens.value(subject) + "\r\n";
        if (method != "GET")
            request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        client.send(request + "\r\n" + body);
        const auto response = client.read(30000);
        if (!response)
            return {};
        return {response->status, response->body, response->header("content-type")};
    }

    QString project(const QString &rest) const { return QStringLiteral("/api/waypoint/projects/%1/%2").arg(m_projectId, rest); }

    QJsonObject environment(const QString &name)
    {
        const Reply reply = call("GET", project(QStringLiteral("environments")), QStringLiteral("vic"));
        for (const QJsonValue &environment : reply.json().value(QStringLiteral("environments")).toArray())
            if (environment.toObject().value(QStringLiteral("name")).toString() == name)
                return environment.toObject();
        return {};
    }

    // Polls GET deployments/{id} until it leaves running (or the deadline); its last status.
    QString finalStatus(const QString &deploymentId)
    {
        QString status;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            status = call("GET", project(QStringLiteral("deployments/") + deploymentId), QStringLiteral("vic"))
                         .json()
                         .value(QStringLiteral("status"))
                         .toString();
            if (status != QLatin1String("running"))
                return status;
            QTest::qWait(50);
        }
        return status;
    }

    // Waits until dev runs the release of a build.completed published for `buildId`.
    QString releaseBuild(const QString &buildId, const QByteArray &page)
    {
        if (!writeFile(m_project + QStringLiteral("/dist/index.html"), page))
            return {};
        const QJsonObject data{{QStringLiteral("buildId"), buildId},
                               {QStringLiteral("projectId"), m_projectId},
                               {QStringLiteral("projectDir"), m_project},
                               {QStringLiteral("outDir"), QString(m_project + QStringLiteral("/dist"))}};
        if (!m_engine->bus().publish(data::Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"),
                                                       m_projectId, data)))
            return {};
        QDeadlineTimer deadline(90000);
        while (!deadline.hasExpired()) {
            const QJsonArray releases =
                call("GET", project(QStringLiteral("releases")), QStringLiteral("vic")).json().value(QStringLiteral("releases")).toArray();
            for (const QJsonValue &release : releases) {
                const QJsonObject r = release.toObject();
                if (r.value(QStringLiteral("buildId")).toString() == buildId
                    && environment(QStringLiteral("dev")).value(QStringLiteral("currentReleaseId")) == r.value(QStringLiteral("id")))
                    return r.value(QStringLiteral("version")).toString();
            }
            QTest::qWait(50);
        }
        return {};
    }

    QTemporaryDir m_dir;
    std::optional<TestTls> m_tls;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<server::ServerNode> m_node;
    quint16 m_port = 0;
    QHash<QString, QByteArray> m_tokens;
    QString m_project;
    QString m_projectId;
    QString m_first;
    QString m_second;
    QString m_prodWaiting;
};

void WaypointApiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_tls = TestTls::make();
    QVERIFY(m_tls);
    const QString certPath = m_dir.filePath(QStringLiteral("server.pem"));
    const QString keyPath = m_dir.filePath(QStringLiteral("server.key"));
    QVERIFY(writeFile(certPath, m_tls->server.localCertificate().toPem()));
    QVERIFY(writeFile(keyPath, m_tls->server.privateKey().toPem()));

    Config config = Config::embedded(m_dir.filePath(QStringLiteral("data")));
    for (const QString &name : Config::subsystemNames())
        config.set(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::SitesPort), QStringLiteral("0"));
    config.set(QString::fromLatin1(Config::JwtSecret), QString::fromLatin1(kSecret));
    config.set(QString::fromLatin1(Config::TlsCert), certPath);
    config.set(QString::fromLatin1(Config::TlsKey), keyPath);
    auto engine = Engine::open(config);
    QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().toString()));
    m_engine = std::move(*engine);

    landing::UserDirectory users(m_engine->store(), m_engine->cache());
    const QList<std::pair<QString, landing::Role>> people{
        {QStringLiteral("vic"), landing::Role::Viewer},
        {QStringLiteral("dana"), landing::Role::Developer},
        {QStringLiteral("ada"), landing::Role::Admin}};
    for (const auto &[subject, role] : people) {
        QVERIFY(users.add(subject, role));
        auto token = landing::mintHs256Token(kSecret, subject, std::chrono::hours(1));
        QVERIFY(token);
        m_tokens.insert(subject, *token);
    }

    auto node = server::ServerNode::start(*m_engine, {server::NodeRole::All, QHostAddress::LocalHost, false});
    QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
    m_node = std::move(*node);
    for (const server::ServerNode::Listener &listener : m_node->listeners())
        if (listener.subsystem == QLatin1String("waypoint"))
            m_port = listener.port;
    QVERIFY(m_port > 0);

    // A project with a prebuilt output; a health check that does not wait long.
    m_project = m_dir.filePath(QStringLiteral("site"));
    QVERIFY(writeFile(m_project + QStringLiteral("/helios.json"), R"({
  "name": "site",
  "build": {"outDir": "dist", "entries": [{"name": "app", "entry": "src/main.js", "html": "index.html"}]},
  "deploy": {"health": {"attempts": 3, "intervalMs": 20, "successThreshold": 1}}
}
)"));
    QVERIFY(writeFile(m_project + QStringLiteral("/package.json"), R"({"name": "site", "version": "1.0.0"})"));
    QVERIFY(writeFile(m_project + QStringLiteral("/index.html"), "<div id=\"root\"></div>"));
    QVERIFY(writeFile(m_project + QStringLiteral("/src/main.js"), "console.log('site');\n"));
    m_projectId = ignis::BuildHistory(m_engine->store()).projectIdFor(QFileInfo(m_project).canonicalFilePath());
}

void WaypointApiTest::aBuildIsReleasedAndDevRunsIt()
{
    m_first = releaseBuild(QStringLiteral("build-one"), "version one");
    QVERIFY2(!m_first.isEmpty(), "dev did not deploy the first release");
    QCOMPARE(environment(QStringLiteral("dev")).value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    QVERIFY(environment(QStringLiteral("staging")).value(QStringLiteral("currentVersion")).toString().isEmpty());
}

void WaypointApiTest::aViewerReadsButMayNotDeploy()
{
    const Reply releases = call("GET", project(QStringLiteral("releases")), QStringLiteral("vic"));
    QCOMPARE(releases.status, 200);
    QCOMPARE(releases.json().value(QStringLiteral("releases")).toArray().size(), 1);
    const Reply history = call("GET", project(QStringLiteral("history?environment=dev")), QStringLiteral("vic"));
    QCOMPARE(history.status, 200);
    const QJsonArray deployments = history.json().value(QStringLiteral("deployments")).toArray();
    QCOMPARE(deployments.size(), 1);
    QCOMPARE(deployments.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("auto"));
    QVERIFY(!deployments.first().toObject().value(QStringLiteral("steps")).toArray().isEmpty());

    const Reply deploy = call("POST", project(QStringLiteral("environments/dev/deploy")), QStringLiteral("vic"), "{}");
    QCOMPARE(deploy.status, 403);
    QCOMPARE(call("GET", project(QStringLiteral("releases")), {}).status, 401);
    QCOMPARE(call("GET", project(QStringLiteral("history?environment=dev")), QStringLiteral("vic"))
                 .json().value(QStringLiteral("deployments")).toArray().size(), 1);
}

void WaypointApiTest::aDeveloperDeploysDevAndApprovesStaging()
{
    const Reply deploy = call("POST", project(QStringLiteral("environments/dev/deploy")), QStringLiteral("dana"),
                              QJsonDocument(QJsonObject{{QStringLiteral("version"), m_first}}).toJson());
    QCOMPARE(deploy.status, 202);
    const QString devId = deploy.json().value(QStringLiteral("deploymentId")).toString();
    QVERIFY(!devId.isEmpty());
    QCOMPARE(finalStatus(devId), QStringLiteral("succeeded"));

    const Reply queued = call("POST", project(QStringLiteral("environments/staging/deploy")), QStringLiteral("dana"), {});
    QCOMPARE(queued.status, 202);
    QCOMPARE(queued.json().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting_approval"));
    const QString stagingId = queued.json().value(QStringLiteral("deploymentId")).toString();
    QVERIFY(environment(QStringLiteral("staging")).value(QStringLiteral("currentVersion")).toString().isEmpty());

    const Reply approved = call("POST", project(QStringLiteral("deployments/%1/approve").arg(stagingId)), QStringLiteral("dana"), {});
    QCOMPARE(approved.status, 202);
    QCOMPARE(approved.json().value(QStringLiteral("deploymentId")).toString(), stagingId);
    QCOMPARE(finalStatus(stagingId), QStringLiteral("succeeded"));
    const QJsonObject record = call("GET", project(QStringLiteral("deployments/") + stagingId), QStringLiteral("vic")).json();
    QCOMPARE(record.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("dana"));
    QCOMPARE(environment(QStringLiteral("staging")).value(QStringLiteral("currentVersion")).toString(), m_first);
}

void WaypointApiTest::aDeveloperCannotApproveProdAndNothingChanges()
{
    // A developer may not even ask: prod's gate is an admin's.
    QCOMPARE(call("POST", project(QStringLiteral("environments/prod/deploy")), QStringLiteral("dana"), {}).status, 403);

    const Reply queued = call("POST", project(QStringLiteral("environments/prod/promote")), QStringLiteral("ada"), {});
    QCOMPARE(queued.status, 202);
    QCOMPARE(queued.json().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting_approval"));
    m_prodWaiting = queued.json().value(QStringLiteral("deploymentId")).toString();

    const QJsonObject before = environment(QStringLiteral("prod"));
    const Reply refused = call("POST", project(QStringLiteral("deployments/%1/approve").arg(m_prodWaiting)), QStringLiteral("dana"), {});
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(
                 QStringLiteral("admin")),
             refused.body.constData());
    QCOMPARE(call("GET", project(QStringLiteral("deployments/") + m_prodWaiting), QStringLiteral("vic"))
                 .json().value(QStringLiteral("status")).toString(),
             QStringLiteral("awaiting_approval"));
    QCOMPARE(environment(QStringLiteral("prod")), before);
}

void WaypointApiTest::anAdminApprovesProd()
{
    QVERIFY(!m_prodWaiting.isEmpty());
    const Reply approved = call("POST", project(QStringLiteral("deployments/%1/approve").arg(m_prodWaiting)), QStringLiteral("ada"), {});
    QCOMPARE(approved.status, 202);
    QCOMPARE(finalStatus(m_prodWaiting), QStringLiteral("succeeded"));
    const QJsonObject prod = environment(QStringLiteral("prod"));
    QCOMPARE(prod.value(QStringLiteral("currentVersion")).toString(), m_first);
    QCOMPARE(prod.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    // Approving it twice is a conflict, not a second deploy.
    QCOMPARE(call("POST", project(QStringLiteral("deployments/%1/approve").arg(m_prodWaiting)), QStringLiteral("ada"), {}).status, 409);
}

void WaypointApiTest::refusedRequestsSayWhy()
{
    const Reply unknownEnvironment = call("POST", project(QStringLiteral("environments/qa/deploy")), QStringLiteral("dana"), {});
    QCOMPARE(unknownEnvironment.status, 404);
    QVERIFY(unknownEnvironment.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(u"qa"));
    const Reply unknownVersion = call("POST", project(QStringLiteral("environments/dev/deploy")), QStringLiteral("dana"),
                                      R"({"version": "9.9.9"})");
    QCOMPARE(unknownVersion.status, 404);
    QCOMPARE(call("POST", project(QStringLiteral("environments/dev/deploy")), QStringLiteral("dana"), R"({"approve": "yes"})").status, 400);
    QCOMPARE(call("POST", project(QStringLiteral("environments/dev/deploy")), QStringLiteral("dana"), "{not json").status, 400);
    QCOMPARE(call("GET", project(QStringLiteral("deployments/no-such-deployment")), QStringLiteral("vic")).status, 404);
    QCOMPARE(call("POST", project(QStringLiteral("deployments/no-such-deployment/approve")), QStringLiteral("ada"), {}).status, 404);
}

void WaypointApiTest::rollbackSwitchesDevBack()
{
    m_second = releaseBuild(QStringLiteral("build-two"), "version two");
    QVERIFY2(!m_second.isEmpty(), "dev did not deploy the second release");
    QVERIFY(m_second != m_first);
    QCOMPARE(call("POST", project(QStringLiteral("environments/dev/rollback")), QStringLiteral("vic"), {}).status, 403);

    const Reply rollback = call("POST", project(QStringLiteral("environments/dev/rollback")), QStringLiteral("dana"), {});
    QCOMPARE(rollback.status, 202);
    QCOMPARE(finalStatus(rollback.json().value(QStringLiteral("deploymentId")).toString()), QStringLiteral("rolled_back"));
    QCOMPARE(environment(QStringLiteral("dev")).value(QStringLiteral("currentVersion")).toString(), m_first);
}

void WaypointApiTest::manifestsAreYaml()
{
    const Reply yaml = call("GET", project(QStringLiteral("environments/prod/manifests?version=") + m_first), QStringLiteral("vic"));
    QCOMPARE(yaml.status, 200);
    QVERIFY(yaml.contentType.startsWith("application/yaml"));
    QVERIFY2(yaml.body.contains("kind: Deployment") && yaml.body.contains("kind: Service") && yaml.body.contains("kind: Ingress"),
             yaml.body.constData());
}

void WaypointApiTest::theOpenApiDocumentListsTheRoutes()
{
    const Reply document = call("GET", QStringLiteral("/openapi.json"), {});
    QCOMPARE(document.status, 200);
    const QJsonObject paths = document.json().value(QStringLiteral("paths")).toObject();
    const QString base = QStringLiteral("/api/waypoint/projects/{projectId}/");
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("get"), QStringLiteral("releases")},
        {QStringLiteral("get"), QStringLiteral("environments")},
        {QStringLiteral("get"), QStringLiteral("history")},
        {QStringLiteral("get"), QStringLiteral("deployments/{deploymentId}")},
        {QStringLiteral("get"), QStringLiteral("environments/{environment}/manifests")},
        {QStringLiteral("post"), QStringLiteral("environments/{environment}/deploy")},
        {QStringLiteral("post"), QStringLiteral("environments/{environment}/promote")},
        {QStringLiteral("post"), QStringLiteral("environments/{environment}/rollback")},
        {QStringLiteral("post"), QStringLiteral("deployments/{deploymentId}/approve")}};
    for (const auto &[method, path] : expected) {
        const QJsonObject operation = paths.value(base + path).toObject().value(method).toObject();
        QVERIFY2(!operation.isEmpty(), qPrintable(method + u' ' + path));
        QVERIFY(!operation.value(QStringLiteral("summary")).toString().isEmpty());
        QCOMPARE(operation.value(QStringLiteral("x-helios-role")).toString(),
                 method == u"get" ? QStringLiteral("viewer") : QStringLiteral("developer"));
        QVERIFY(operation.value(QStringLiteral("responses")).toObject().contains(method == u"get" ? u"200" : u"202"));
    }
}

void WaypointApiTest::cleanupTestCase()
{
    m_node.reset();
    m_engine.reset();
}

QTEST_GUILESS_MAIN(WaypointApiTest)
#include "waypoint_api_test.moc"
