// SPDX-License-Identifier: Apache-2.0
// The Kubernetes API client against FakeKubeApi, a loopback HTTP server that answers the
// documented requests the way the API server does (no API server runs on the test
// machines): server-side apply, errors as Status objects, Deployment rollout status, the
// bearer token kept out of every error, TLS with the cluster's CA.
#include "waypoint/kubernetes/kubernetes_client.h"
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include "backend_under_test.h"
#include "fake_kube_api.h"
#include "test_tls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace helios;
using namespace helios::waypoint;
using namespace std::chrono_literals;

namespace {

const QByteArray Token = "s3cr3t-kube-token-0123456789";

QJsonObject deployment(const QString &image = QStringLiteral("registry.local:5000/helios/acme@sha256:01"),
                       int replicas = 2)
{
    Release release;
    release.id = QStringLiteral("release-1");
    release.version = QStringLiteral("1.0.0");
    release.image = QStringLiteral("helios/acme:1.0.0");
    release.imageDigest = QStringLiteral("sha256:01");
    EnvironmentPolicy env;
    env.name = QStringLiteral("prod");
    KubernetesSettings settings;
    settings.ns = QStringLiteral("web");
    settings.replicas = replicas;
    QJsonObject object = kubernetesObjects(QStringLiteral("acme"), release, env, settings).deployment;
    // Put the image in place, as another release would.
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    QJsonObject templ = spec.value(QStringLiteral("template")).toObject();
    QJsonObject podSpec = templ.value(QStringLiteral("spec")).toObject();
    QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
    QJsonObject container = containers.first().toObject();
    container.insert(QStringLiteral("image"), image);
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);
    templ.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), templ);
    object.insert(QStringLiteral("spec"), spec);
    return object;
}

const QString DeploymentPath = QStringLiteral("/apis/apps/v1/namespaces/web/deployments/acme-prod");

QJsonObject deploymentStatus(int generation, const QJsonObject &status, int replicas = 2)
{
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("acme-prod")}, {QStringLiteral("generation"), generation}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}},
            {QStringLiteral("status"), status}};
}

QJsonArray conditions(const QString &progressingStatus, const QString &reason)
{
    return {QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")}, {QStringLiteral("status"), QStringLiteral("True")},
                        {QStringLiteral("reason"), QStringLiteral("MinimumReplicasAvailable")}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("Progressing")},
                        {QStringLiteral("status"), progressingStatus},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("message"), QStringLiteral("ReplicaSet \"acme-prod-5d4\" has timed out progressing.")}}};
}

} // namespace

class KubernetesClientTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeKubeApi> m_api;

    KubernetesConnection connection(const QByteArray &token = Token) const
    {
        return KubernetesConnection{m_api->url(), QString::fromUtf8(token), QString()};
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<test::FakeKubeApi>(Token);
        QVERIFY(m_api->start());
    }
    void cleanup() { m_api.reset(); }

    void testApplyIsAServerSideApplyPatch()
    {
        KubernetesClient client(connection());
        const QJsonObject object = deployment();
        const auto answer = client.apply(object);
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));

        QCOMPARE(m_api->requests().size(), 1);
        const server::HttpRequest &request = m_api->requests().first();
        QCOMPARE(request.method, QByteArray("PATCH"));
        QCOMPARE(QString::fromUtf8(request.path), DeploymentPath);
        QCOMPARE(request.queryValue("fieldManager"), QByteArray("helios"));
        QCOMPARE(request.queryValue("force"), QByteArray("true"));
        QCOMPARE(request.header("content-type"), QByteArray("application/apply-patch+yaml"));
        QCOMPARE(request.header("authorization"), QByteArray("Bearer " + Token));
        QCOMPARE(request.header("accept"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object(), object);

        // The answer is the object as the server holds it now.
        const QJsonObject metadata = answer->value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("generation")).toInt(), 1);
        QVERIFY(!metadata.value(QStringLiteral("uid")).toString().isEmpty());
    }

    void testApplyingAChangedSpecBumpsTheGeneration()
    {
        KubernetesClient client(connection());
        QVERIFY(client.apply(deployment()).ok());
        const auto same = client.apply(deployment());
        QVERIFY(same.ok());
        QCOMPARE(same->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(), 1);
        const auto changed = client.apply(deployment(QStringLiteral("registry.local:5000/helios/acme@sha256:02")));
        QVERIFY(changed.ok());
        QCOMPARE(changed->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(), 2);
    }

    void testObjectPath_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // empty: an error
        QTest::newRow("a Deployment is under apps/v1")
            << QStringLiteral("apps/v1") << QStringLiteral("Deployment") << QStringLiteral("acme-prod")
            << QStringLiteral("/apis/apps/v1/namespaces/web/deployments/acme-prod");
        QTest::newRow("a Service is in the core group")
            << QStringLiteral("v1") << QStringLiteral("Service") << QStringLiteral("acme-prod")
            << QStringLiteral("/api/v1/namespaces/web/services/acme-prod");
        QTest::newRow("an Ingress is under networking.k8s.io/v1")
            << QStringLiteral("networking.k8s.io/v1") << QStringLiteral("Ingress") << QStringLiteral("acme-prod")
            << QStringLiteral("/apis/networking.k8s.io/v1/namespaces/web/ingresses/acme-prod");
        QTest::newRow("an unknown kind is refused") << QStringLiteral("v1") << QStringLiteral("Secret")
                                                    << QStringLiteral("acme") << QString();
        QTest::newRow("a name that would change the path is refused")
            << QStringLiteral("v1") << QStringLiteral("Service") << QStringLiteral("../secrets/x") << QString();
    }
    void testObjectPath()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QJsonObject object{{QStringLiteral("apiVersion"), apiVersion},
                                 {QStringLiteral("kind"), kind},
                                 {QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), QStringLiteral("web")}}}};
        const auto path = KubernetesClient::objectPath(object);
        if (expected.isEmpty()) {
            QVERIFY(!path.ok());
            QVERIFY(path.error().code == ErrorCode::Unsupported || path.error().code == ErrorCode::InvalidArgument);
        } else {
            QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().toString()));
            QCOMPARE(*path, expected);
        }
    }

    void testAWrongTokenIsUnauthenticatedAndNotRepeated()
    {
        const QByteArray wrong = "wrong-token-abcdef";
        KubernetesClient client(connection(wrong));
        const auto answer = client.apply(deployment());
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::Unauthenticated);
        QVERIFY2(answer.error().message.contains(QStringLiteral("401")), qPrintable(answer.error().message));
        QVERIFY2(answer.error().message.contains(QStringLiteral("Unauthorized")), qPrintable(answer.error().message));
        QVERIFY(!answer.error().toString().contains(QString::fromUtf8(wrong)));
    }

    void testErrorsCarryTheStatusMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("code");
        QTest::newRow("403 is permission denied") << 403 << QStringLiteral("Forbidden") << int(ErrorCode::PermissionDenied);
        QTest::newRow("404 is not found") << 404 << QStringLiteral("NotFound") << int(ErrorCode::NotFound);
        QTest::newRow("409 is a conflict") << 409 << QStringLiteral("Conflict") << int(ErrorCode::Conflict);
        QTest::newRow("422 is an invalid argument") << 422 << QStringLiteral("Invalid") << int(ErrorCode::InvalidArgument);
        QTest::newRow("500 is unavailable") << 500 << QStringLiteral("InternalError") << int(ErrorCode::Unavailable);
    }
    void testErrorsCarryTheStatusMessage()
    {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(int, code);
        // The message quotes the token, as a careless proxy or webhook might: it must not
        // come back out in the error.
        const QString message = QStringLiteral("deployments.apps \"acme-prod\" says no (token %1)").arg(QString::fromUtf8(Token));
        m_api->failNext(DeploymentPath, status, reason, message);
        KubernetesClient client(connection());
        const auto answer = client.apply(deployment());
        QVERIFY(!answer.ok());
        QCOMPARE(int(answer.error().code), code);
        const QString text = answer.error().toString();
        QVERIFY2(text.contains(QStringLiteral("deployments.apps \"acme-prod\" says no")), qPrintable(text));
        QVERIFY2(text.contains(reason), qPrintable(text));
        QVERIFY2(text.contains(QString::number(status)), qPrintable(text));
        QVERIFY2(text.contains(DeploymentPath), qPrintable(text));
        QVERIFY2(!text.contains(QString::fromUtf8(Token)), qPrintable(text));
    }

    void testGettingAMissingDeploymentIsNotFound()
    {
        KubernetesClient client(connection());
        const auto answer = client.deployment(QStringLiteral("web"), QStringLiteral("nothing-here"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::NotFound);
        QVERIFY2(answer.error().message.contains(QStringLiteral("deployments.apps \"nothing-here\" not found")),
                 qPrintable(answer.error().message));
    }

    void testARefusedConnectionIsUnavailable()
    {
        KubernetesClient client(
            KubernetesConnection{QUrl(QStringLiteral("http://") + test::deadTcpAddress()), QString::fromUtf8(Token), {}});
        const auto answer = client.apply(deployment());
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::Unavailable);
        QVERIFY(!answer.error().toString().contains(QString::fromUtf8(Token)));
    }

    void testPlainHttpOnlyOnLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("http to a remote host would send the token in clear") << QStringLiteral("http://kube.example.com:6443");
        QTest::newRow("another scheme is not an API server") << QStringLiteral("ftp://127.0.0.1/");
        QTest::newRow("a relative URL names no host") << QStringLiteral("/api");
    }
    void testPlainHttpOnlyOnLoopback()
    {
        QFETCH(QString, url);
        KubernetesClient client(KubernetesConnection{QUrl(url), QString::fromUtf8(Token), {}});
        const auto answer = client.deployment(QStringLiteral("web"), QStringLiteral("acme-prod"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!answer.error().toString().contains(QString::fromUtf8(Token)));
    }

    void testAnUnusableCaFileIsReported()
    {
        QTemporaryDir dir;
        const QString notPem = dir.filePath(QStringLiteral("ca.crt"));
        QFile file(notPem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        for (const QString &ca : {notPem, dir.filePath(QStringLiteral("missing.crt"))}) {
            KubernetesClient client(KubernetesConnection{QUrl(QStringLiteral("https://localhost:6443")), {}, ca});
            const auto answer = client.deployment(QStringLiteral("web"), QStringLiteral("acme-prod"));
            QVERIFY(!answer.ok());
            QCOMPARE(answer.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(answer.error().message.contains(ca), qPrintable(answer.error().message));
        }
        QVERIFY(m_api->requests().isEmpty());
    }

    void testTlsTrustsTheClusterCa()
    {
        const auto tls = TestTls::make();
        QVERIFY(tls);
        test::FakeKubeApi secure(Token);
        QVERIFY(secure.start(tls->server));
        QTemporaryDir dir;
        const QString caFile = dir.filePath(QStringLiteral("ca.crt"));
        QFile file(caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(tls->caPem);
        file.close();

        KubernetesClient trusting(KubernetesConnection{secure.url(), QString::fromUtf8(Token), caFile});
        const auto answer = trusting.apply(deployment());
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));
        QCOMPARE(secure.requests().size(), 1);

        // Without the cluster's CA the system's CAs do not know the server: no request
        // gets through, and the token is not sent.
        KubernetesClient system(KubernetesConnection{secure.url(), QString::fromUtf8(Token), {}});
        const auto refused = system.apply(deployment());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unavailable);
        QCOMPARE(secure.requests().size(), 1);
    }

    void testRolloutStatusOf_data()
    {
        QTest::addColumn<QJsonObject>("deployment");
        QTest::addColumn<bool>("done");
        QTest::addColumn<bool>("failed");
        QTest::addColumn<QString>("message");
        const auto status = [](int observed, int replicas, int updated, int available, const QJsonArray &conds = {}) {
            QJsonObject s{{QStringLiteral("observedGeneration"), observed},
                          {QStringLiteral("replicas"), replicas},
                          {QStringLiteral("updatedReplicas"), updated},
                          {QStringLiteral("availableReplicas"), available}};
            if (!conds.isEmpty())
                s.insert(QStringLiteral("conditions"), conds);
            return s;
        };
        QTest::newRow("a new spec not yet observed is waiting")
            << deploymentStatus(3, status(2, 2, 2, 2, conditions(QStringLiteral("True"), QStringLiteral("NewReplicaSetAvailable"))))
            << false << false << QStringLiteral("observed");
        QTest::newRow("fewer updated replicas than wanted is waiting")
            << deploymentStatus(3, status(3, 3, 1, 2)) << false << false << QStringLiteral("1 of 2 new replicas have been updated");
        QTest::newRow("old replicas pending termination is waiting")
            << deploymentStatus(3, status(3, 3, 2, 2)) << false << false << QStringLiteral("1 old replicas are pending termination");
        QTest::newRow("updated replicas not yet available is waiting")
            << deploymentStatus(3, status(3, 2, 2, 1)) << false << false << QStringLiteral("1 of 2 updated replicas are available");
        QTest::newRow("everything updated and available is done")
            << deploymentStatus(3, status(3, 2, 2, 2, conditions(QStringLiteral("True"), QStringLiteral("NewReplicaSetAvailable"))))
            << true << false << QStringLiteral("2 of 2 updated replicas are available");
        QTest::newRow("a progress deadline exceeded is failed")
            << deploymentStatus(3, status(3, 3, 1, 2, conditions(QStringLiteral("False"), QStringLiteral("ProgressDeadlineExceeded"))))
            << false << true << QStringLiteral("has timed out progressing");
        QTest::newRow("no replicas in the spec means one")
            << QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), 1}}},
                           {QStringLiteral("status"), status(1, 1, 1, 1)}}
            << true << false << QStringLiteral("1 of 1");
        QTest::newRow("an empty object is waiting, not done")
            << QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), 1}}}} << false << false
            << QStringLiteral("observed");
    }
    void testRolloutStatusOf()
    {
        QFETCH(QJsonObject, deployment);
        QFETCH(bool, done);
        QFETCH(bool, failed);
        QFETCH(QString, message);
        const RolloutStatus status = rolloutStatusOf(deployment);
        QCOMPARE(status.done, done);
        QCOMPARE(status.failed, failed);
        QVERIFY2(status.message.contains(message), qPrintable(status.message));
    }

    void testAwaitRolloutFollowsTheStatusToDone()
    {
        KubernetesClient client(connection());
        QVERIFY(client.apply(deployment()).ok());
        const auto done = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 60s);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QCOMPARE(*done, QStringLiteral("2 of 2 updated replicas are available"));
        // It kept asking until the fake's status converged (first poll: unobserved).
        const auto gets = std::count_if(m_api->requests().cbegin(), m_api->requests().cend(),
                                        [](const server::HttpRequest &r) { return r.method == "GET"; });
        QCOMPARE(gets, 4);
    }

    void testAwaitRolloutReportsAProgressDeadline()
    {
        m_api->setBrokenImageMarker(QStringLiteral("@sha256:bad"));
        KubernetesClient client(connection());
        QVERIFY(client.apply(deployment(QStringLiteral("registry.local:5000/helios/acme@sha256:bad"))).ok());
        const auto failed = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 60s);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::Unavailable);
        QVERIFY2(failed.error().message.contains(QStringLiteral("exceeded its progress deadline")),
                 qPrintable(failed.error().message));
        QVERIFY2(failed.error().message.contains(QStringLiteral("has timed out progressing")),
                 qPrintable(failed.error().message));
    }

    void testAwaitRolloutTimesOut()
    {
        m_api->setPollsToConverge(1'000'000);
        KubernetesClient client(connection());
        QVERIFY(client.apply(deployment()).ok());
        const auto late = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 400ms);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, ErrorCode::Timeout);
        // Says how long it waited and names the Deployment; the status it last read
        // depends on how many polls fit in the time, so it is not compared.
        QVERIFY2(late.error().message.contains(QStringLiteral("deployment web/acme-prod did not finish rolling out "
                                                              "within 400 ms: ")),
                 qPrintable(late.error().message));
    }

    void testAwaitRolloutStopsWhenCancelled()
    {
        m_api->setPollsToConverge(1'000'000);
        KubernetesClient client(connection());
        QVERIFY(client.apply(deployment()).ok());
        std::atomic_bool cancelled{true};
        const auto stopped = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 60s, &cancelled);
        QVERIFY(!stopped.ok());
        QVERIFY2(stopped.error().message.contains(QStringLiteral("cancelled")), qPrintable(stopped.error().message));
    }

    void testAwaitRolloutOfAMissingDeploymentFailsAtOnce()
    {
        KubernetesClient client(connection());
        const auto missing = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 60s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(m_api->requests().size(), 1);
    }

    void testWorksOnAThreadWithoutAnEventLoop()
    {
        // As the deploy flow calls it: from a worker thread that runs no event loop, while
        // the fake server answers on this one.
        std::atomic_bool finished{false};
        Result<QString> outcome = makeError(ErrorCode::Internal, QStringLiteral("not run"));
        KubernetesConnection worker = connection();
        std::thread thread([&] {
            KubernetesClient client(worker);
            if (const auto applied = client.apply(deployment()); !applied.ok())
                outcome = applied.error();
            else
                outcome = client.awaitRollout(QStringLiteral("web"), QStringLiteral("acme-prod"), 60s);
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 60000);
        thread.join();
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(*outcome, QStringLiteral("2 of 2 updated replicas are available"));
    }
};

QTEST_GUILESS_MAIN(KubernetesClientTest)
#include "kubernetes_client_test.moc"
