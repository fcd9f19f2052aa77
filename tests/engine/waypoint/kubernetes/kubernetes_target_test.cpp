// SPDX-License-Identifier: Apache-2.0
// KubernetesTarget as the deploy flow drives it (pull -> rollOut -> awaitReady ->
// activate, restore on failure), against an embedded ArtifactStore holding real
// published images and FakeKubeApi, a loopback server answering the Kubernetes API's
// documented requests (no API server runs on the test machines).
#include "waypoint/kubernetes/kubernetes_target.h"

#include "artifacts/artifact_store.h"
#include "backend_under_test.h"
#include "fake_kube_api.h"
#include "ignis/image/image_publisher.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::waypoint;

namespace {

const QByteArray Token = "target-test-token-9876";
const QString Repository = QStringLiteral("helios/acme-ui");

EnvironmentPolicy prod()
{
    EnvironmentPolicy env;
    env.name = QStringLiteral("prod");
    env.target = QStringLiteral("kubernetes");
    env.health.path = QStringLiteral("/healthz.txt");
    return env;
}

KubernetesSettings settings(const QString &host = QStringLiteral("acme.example.com"))
{
    KubernetesSettings k;
    k.ns = QStringLiteral("web");
    k.host = host;
    k.replicas = 2;
    k.registry = QStringLiteral("registry.local:5000");
    k.rolloutTimeoutMs = 60000;
    return k;
}

} // namespace

class KubernetesTargetTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<data::ArtifactStore> m_store;
    std::unique_ptr<test::FakeKubeApi> m_api;
    Release m_v1;
    Release m_v2;

    // A tiny site published as an image, and the release that points at it.
    Release publish(const QString &version, const QByteArray &page)
    {
        const QString site = m_dir.filePath(QStringLiteral("site-") + version);
        QDir().mkpath(site);
        QFile index(site + QStringLiteral("/index.html"));
        if (!index.open(QIODevice::WriteOnly))
            return {};
        index.write(page);
        index.close();
        ignis::ImageSpec spec;
        spec.sourceDir = site;
        spec.repository = Repository;
        spec.tag = version;
        spec.created = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        const auto published = ignis::publishImage(*m_store, spec);
        if (!published.ok()) {
            qWarning("publish failed: %s", qPrintable(published.error().toString()));
            return {};
        }
        Release release;
        release.id = QStringLiteral("release-") + version;
        release.projectId = QStringLiteral("project-acme");
        release.version = version;
        release.image = published->reference();
        release.imageDigest = published->manifest.digest;
        release.imageRoot = spec.rootPath;
        return release;
    }

    KubernetesTarget target(const KubernetesSettings &k = settings())
    {
        return KubernetesTarget(*m_store, KubernetesConnection{m_api->url(), QString::fromUtf8(Token), {}}, k,
                                QStringLiteral("Acme UI"));
    }

    QList<QByteArray> patchedPaths() const
    {
        QList<QByteArray> paths;
        for (const server::HttpRequest &request : m_api->requests())
            if (request.method == "PATCH")
                paths += request.path;
        return paths;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = data::openArtifactStore(test::configFor(m_dir.filePath(QStringLiteral("data")), {}));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        m_store = std::move(*store);
        m_v1 = publish(QStringLiteral("1.0.0"), "<h1>one</h1>");
        m_v2 = publish(QStringLiteral("1.1.0"), "<h1>two</h1>");
        QVERIFY(!m_v1.imageDigest.isEmpty());
        QVERIFY(!m_v2.imageDigest.isEmpty());
        QVERIFY(m_v1.imageDigest != m_v2.imageDigest);
    }

    void init()
    {
        m_api = std::make_unique<test::FakeKubeApi>(Token);
        QVERIFY(m_api->start());
    }
    void cleanup() { m_api.reset(); }

    void testPullFindsThePublishedImage()
    {
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const auto pulled = t.pull(RolloutRequest{m_v1, env, QStringLiteral("d1")});
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error().toString()));
        QVERIFY(pulled->contains(m_v1.imageDigest));
        QVERIFY(m_api->requests().isEmpty()); // the cluster is not asked: its nodes pull
    }

    void testPullFailsWhenTheManifestIsNotStored()
    {
        Release missing = m_v1;
        missing.version = QStringLiteral("9.9.9");
        missing.imageDigest = QStringLiteral("sha256:") + QString(64, u'e');
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const auto pulled = t.pull(RolloutRequest{missing, env, QStringLiteral("d1")});
        QVERIFY(!pulled.ok());
        QCOMPARE(pulled.error().code, ErrorCode::NotFound);
        QVERIFY2(pulled.error().message.contains(missing.imageDigest), qPrintable(pulled.error().message));
        QVERIFY2(pulled.error().message.contains(QStringLiteral("9.9.9")), qPrintable(pulled.error().message));
    }

    void testRollOutAppliesTheThreeObjectsInOrder()
    {
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const auto rolled = t.rollOut(RolloutRequest{m_v1, env, QStringLiteral("d1")});
        QVERIFY2(rolled.ok(), qPrintable(rolled.ok() ? QString() : rolled.error().toString()));
        QVERIFY(rolled->probeUrl.isEmpty()); // the readiness probe is the health check
        QVERIFY2(rolled->detail.contains(QStringLiteral("Deployment (generation 1)")), qPrintable(rolled->detail));
        QCOMPARE(patchedPaths(),
                 (QList<QByteArray>{"/apis/apps/v1/namespaces/web/deployments/acme-ui-prod",
                                    "/api/v1/namespaces/web/services/acme-ui-prod",
                                    "/apis/networking.k8s.io/v1/namespaces/web/ingresses/acme-ui-prod"}));
        QCOMPARE(m_api->appliedImages(), QStringList{QStringLiteral("registry.local:5000/helios/acme-ui@") + m_v1.imageDigest});
        for (const server::HttpRequest &request : m_api->requests())
            QCOMPARE(request.header("authorization"), QByteArray("Bearer " + Token));
    }

    void testAwaitReadyFollowsTheDeploymentStatus()
    {
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const RolloutRequest request{m_v1, env, QStringLiteral("d1")};
        QVERIFY(t.rollOut(request).ok());
        const auto ready = t.awaitReady(request);
        QVERIFY2(ready.ok(), qPrintable(ready.ok() ? QString() : ready.error().toString()));
        QCOMPARE(*ready, QStringLiteral("2 of 2 updated replicas are available"));
        QVERIFY(m_api->requests().last().method == "GET");
    }

    void testAwaitReadyReportsAFailedRollout()
    {
        m_api->setBrokenImageMarker(m_v2.imageDigest);
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const RolloutRequest request{m_v2, env, QStringLiteral("d2")};
        QVERIFY(t.rollOut(request).ok());
        const auto ready = t.awaitReady(request);
        QVERIFY(!ready.ok());
        QCOMPARE(ready.error().code, ErrorCode::Unavailable);
        QVERIFY2(ready.error().message.contains(QStringLiteral("progress deadline")), qPrintable(ready.error().message));
    }

    void testActivateGivesTheIngressAddress()
    {
        const EnvironmentPolicy env = prod();
        const RolloutRequest request{m_v1, env, QStringLiteral("d1")};
        KubernetesTarget withHost = target();
        const auto url = withHost.activate(request);
        QVERIFY(url.ok());
        QCOMPARE(*url, QStringLiteral("http://acme.example.com/"));
        KubernetesTarget withoutHost = target(settings(QString()));
        const auto none = withoutHost.activate(request);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void testRestoreReappliesThePreviousRelease()
    {
        // v1 live, v2 fails its rollout, the flow restores v1.
        m_api->setBrokenImageMarker(m_v2.imageDigest);
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const RolloutRequest first{m_v1, env, QStringLiteral("d1")};
        QVERIFY(t.rollOut(first).ok());
        QVERIFY(t.awaitReady(first).ok());
        const RolloutRequest second{m_v2, env, QStringLiteral("d2")};
        QVERIFY(t.rollOut(second).ok());
        QVERIFY(!t.awaitReady(second).ok());

        const auto restored = t.restore(m_v1.projectId, env, std::make_pair(m_v1, QStringLiteral("d1")));
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
        QCOMPARE(*restored, QStringLiteral("http://acme.example.com/"));

        const QString image = QStringLiteral("registry.local:5000/helios/acme-ui@");
        QCOMPARE(m_api->appliedImages(),
                 (QStringList{image + m_v1.imageDigest, image + m_v2.imageDigest, image + m_v1.imageDigest}));
        // The cluster holds v1's objects again, as a new generation it rolled out.
        const QJsonObject live = m_api->object(QStringLiteral("/apis/apps/v1/namespaces/web/deployments/acme-ui-prod"));
        QCOMPARE(live.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(), 3);
        QCOMPARE(live.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject()
                     .value(QStringLiteral("app.kubernetes.io/version")).toString(),
                 QStringLiteral("1.0.0"));
        QCOMPARE(patchedPaths().size(), 9);
        QVERIFY(m_api->requests().last().method == "GET"); // it waited for the rollout
    }

    void testRestoreWithNothingLiveDeletesTheFailedRelease()
    {
        // A first release that failed: its objects are in the cluster, nothing was live.
        KubernetesTarget t = target();
        const EnvironmentPolicy env = prod();
        const auto rolled = t.rollOut(RolloutRequest{m_v1, env, QStringLiteral("d1")});
        QVERIFY2(rolled.ok(), qPrintable(rolled.ok() ? QString() : rolled.error().toString()));
        const QStringList paths{QStringLiteral("/apis/networking.k8s.io/v1/namespaces/web/ingresses/acme-ui-prod"),
                                QStringLiteral("/api/v1/namespaces/web/services/acme-ui-prod"),
                                QStringLiteral("/apis/apps/v1/namespaces/web/deployments/acme-ui-prod")};
        for (const QString &path : paths)
            QVERIFY2(!m_api->object(path).isEmpty(), qPrintable(path));

        const qsizetype before = m_api->requests().size();
        const auto restored = t.restore(m_v1.projectId, env, std::nullopt);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
        QVERIFY2(restored->contains(QStringLiteral("deleted Ingress, Service, Deployment web/acme-ui-prod")), qPrintable(*restored));
        QStringList deleted;
        for (qsizetype i = before; i < m_api->requests().size(); ++i) {
            const server::HttpRequest &r = m_api->requests().at(i);
            QCOMPARE(r.method, QByteArray("DELETE"));
            QCOMPARE(r.queryValue("propagationPolicy"), QByteArray("Background"));
            deleted += QString::fromUtf8(r.path);
        }
        QCOMPARE(deleted, paths); // the route first, the pods last
        for (const QString &path : paths)
            QVERIFY2(m_api->object(path).isEmpty(), qPrintable(path));

        // Again, with nothing left: already gone is not an error.
        const auto again = t.restore(m_v1.projectId, env, std::nullopt);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    }

    void testAFailedDeleteIsReported()
    {
        KubernetesTarget t = target();
        m_api->failNext(QStringLiteral("/apis/networking.k8s.io/v1/namespaces/web/ingresses/acme-ui-prod"), 403,
                        QStringLiteral("Forbidden"), QStringLiteral("ingresses is forbidden: cannot delete"));
        const auto restored = t.restore(m_v1.projectId, prod(), std::nullopt);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(restored.error().message.contains(QStringLiteral("cannot delete")), qPrintable(restored.error().message));
    }

    void testPruneLeavesTheClusterAlone()
    {
        KubernetesTarget t = target();
        QVERIFY(!t.prune(m_v1.projectId, prod(), {QStringLiteral("d0")}, {QStringLiteral("d1")}).isEmpty());
        QVERIFY(m_api->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(KubernetesTargetTest)
#include "kubernetes_target_test.moc"
