// SPDX-License-Identifier: Apache-2.0
// The Deployment, Service and Ingress a release becomes, and their YAML: names, labels,
// the image by digest, the rollout strategy, probes, ports, the Ingress rule, the golden
// text of a whole stream (tests/engine/waypoint/kubernetes/reference; run with
// HELIOS_REGENERATE_REFERENCES=1 to rewrite it on purpose) and the quoting rules.
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace helios::waypoint;

namespace {

const QString Digest = QStringLiteral("sha256:") + QString(64, u'a');

Release release(const QString &id = QStringLiteral("0f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19"),
                const QString &version = QStringLiteral("1.4.2"))
{
    Release r;
    r.id = id;
    r.projectId = QStringLiteral("project-1");
    r.version = version;
    r.number = 7;
    r.image = QStringLiteral("helios/acme-ui:") + version;
    r.imageDigest = Digest;
    r.imageRoot = QStringLiteral("/srv/www");
    return r;
}

EnvironmentPolicy prod()
{
    EnvironmentPolicy env;
    env.name = QStringLiteral("prod");
    env.target = QStringLiteral("kubernetes");
    env.health.path = QStringLiteral("/healthz.txt");
    env.health.intervalMs = 1500;
    env.health.timeoutMs = 2000;
    env.health.successThreshold = 2;
    env.health.attempts = 5;
    return env;
}

KubernetesSettings settings()
{
    KubernetesSettings k;
    k.ns = QStringLiteral("web");
    k.host = QStringLiteral("acme.example.com");
    k.replicas = 3;
    k.containerPort = 8080;
    k.registry = QStringLiteral("registry.local:5000");
    k.ingressClass = QStringLiteral("nginx");
    k.rolloutTimeoutMs = 120000;
    return k;
}

QJsonObject at(const QJsonObject &object, const QString &dottedPath)
{
    QJsonObject current = object;
    for (const QString &key : dottedPath.split(u'.'))
        current = current.value(key).toObject();
    return current;
}

QJsonObject container(const KubernetesObjects &objects)
{
    return at(objects.deployment, QStringLiteral("spec.template.spec"))
        .value(QStringLiteral("containers"))
        .toArray()
        .first()
        .toObject();
}

QByteArray yamlOf(const QJsonValue &value)
{
    return toYamlStream({QJsonObject{{QStringLiteral("v"), value}}});
}

} // namespace

class KubernetesManifestsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testNamesAreDnsSafe_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("expected"); // empty: only the DNS-1123 rules are checked
        QTest::newRow("a plain name keeps its spelling") << QStringLiteral("acme-ui") << QStringLiteral("acme-ui-prod");
        QTest::newRow("capitals, spaces and punctuation become single dashes")
            << QStringLiteral("Acme UI!  Kit") << QStringLiteral("acme-ui-kit-prod");
        QTest::newRow("leading and trailing junk is dropped")
            << QStringLiteral("__My.Shop__") << QStringLiteral("my-shop-prod");
        QTest::newRow("an empty name falls back to app") << QString() << QStringLiteral("app-prod");
        QTest::newRow("nothing usable falls back to app") << QStringLiteral("***") << QStringLiteral("app-prod");
        QTest::newRow("non-ASCII letters become dashes") << QStringLiteral("Café Ünïcode") << QString();
        QTest::newRow("a very long name is cut, keeping the environment")
            << QString(100, u'x') << QString(58, u'x') + QStringLiteral("-prod");
        QTest::newRow("a cut never ends the project part in a dash")
            << QString(57, u'x') + QStringLiteral("-yyyy") << QString(57, u'x') + QStringLiteral("-prod");
    }
    void testNamesAreDnsSafe()
    {
        QFETCH(QString, project);
        QFETCH(QString, expected);
        const KubernetesObjects objects = kubernetesObjects(project, release(), prod(), settings());
        static const QRegularExpression dns1123(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
        QVERIFY2(dns1123.match(objects.name).hasMatch(), qPrintable(objects.name));
        QVERIFY(objects.name.size() <= 63);
        QVERIFY(objects.name.endsWith(QStringLiteral("-prod")));
        if (!expected.isEmpty())
            QCOMPARE(objects.name, expected);
        for (const QJsonObject &object : objects.all()) {
            QCOMPARE(at(object, QStringLiteral("metadata")).value(QStringLiteral("name")).toString(), objects.name);
            QCOMPARE(at(object, QStringLiteral("metadata")).value(QStringLiteral("namespace")).toString(),
                     QStringLiteral("web"));
        }
    }

    void testObjectsHaveTheirKinds()
    {
        const KubernetesObjects objects = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings());
        const QList<QJsonObject> all = objects.all();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].value(QStringLiteral("kind")).toString(), QStringLiteral("Deployment"));
        QCOMPARE(all[0].value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apps/v1"));
        QCOMPARE(all[1].value(QStringLiteral("kind")).toString(), QStringLiteral("Service"));
        QCOMPARE(all[1].value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(all[2].value(QStringLiteral("kind")).toString(), QStringLiteral("Ingress"));
        QCOMPARE(all[2].value(QStringLiteral("apiVersion")).toString(), QStringLiteral("networking.k8s.io/v1"));
    }

    void testLabelsNameTheReleaseAndTheSelectorDoesNot()
    {
        const KubernetesObjects one = kubernetesObjects(QStringLiteral("Acme UI"), release(), prod(), settings());
        const KubernetesObjects two = kubernetesObjects(
            QStringLiteral("Acme UI"), release(QStringLiteral("11111111-2222-4333-8444-555555555555"), QStringLiteral("1.5.0+build.9")),
            prod(), settings());
        const QJsonObject labels = at(one.deployment, QStringLiteral("metadata.labels"));
        QCOMPARE(labels.value(QStringLiteral("app.kubernetes.io/name")).toString(), QStringLiteral("acme-ui"));
        QCOMPARE(labels.value(QStringLiteral("app.kubernetes.io/instance")).toString(), QStringLiteral("acme-ui-prod"));
        QCOMPARE(labels.value(QStringLiteral("app.kubernetes.io/version")).toString(), QStringLiteral("1.4.2"));
        QCOMPARE(labels.value(QStringLiteral("app.kubernetes.io/managed-by")).toString(), QStringLiteral("helios"));
        QCOMPARE(labels.value(QStringLiteral("helios.dev/environment")).toString(), QStringLiteral("prod"));
        QCOMPARE(labels.value(QStringLiteral("helios.dev/release")).toString(), release().id);
        // A label value cannot hold '+': the version is made safe.
        QCOMPARE(at(two.deployment, QStringLiteral("metadata.labels")).value(QStringLiteral("app.kubernetes.io/version")).toString(),
                 QStringLiteral("1.5.0-build.9"));
        // The pod template carries the labels; the selector is immutable in the API, so
        // it must be the same for every release and select the template's pods.
        const QJsonObject selector = at(one.deployment, QStringLiteral("spec.selector.matchLabels"));
        QCOMPARE(selector, at(two.deployment, QStringLiteral("spec.selector.matchLabels")));
        QCOMPARE(selector.keys(), (QStringList{QStringLiteral("app.kubernetes.io/instance"), QStringLiteral("app.kubernetes.io/name")}));
        const QJsonObject podLabels = at(one.deployment, QStringLiteral("spec.template.metadata.labels"));
        for (auto it = selector.begin(); it != selector.end(); ++it)
            QCOMPARE(podLabels.value(it.key()), it.value());
        QCOMPARE(at(one.service, QStringLiteral("spec.selector")), selector);
        QCOMPARE(at(one.service, QStringLiteral("metadata.labels")), labels);
        QCOMPARE(at(one.ingress, QStringLiteral("metadata.labels")), labels);
    }

    void testPodTemplateIsAnnotatedWithTheRelease()
    {
        const KubernetesObjects one = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings());
        const KubernetesObjects two = kubernetesObjects(
            QStringLiteral("acme-ui"), release(QStringLiteral("11111111-2222-4333-8444-555555555555")), prod(), settings());
        const QJsonObject annotations = at(one.deployment, QStringLiteral("spec.template.metadata.annotations"));
        QCOMPARE(annotations.value(QStringLiteral("helios.dev/release-id")).toString(), release().id);
        // Same image, another release: the template still differs, so a re-apply rolls.
        QCOMPARE(container(one).value(QStringLiteral("image")), container(two).value(QStringLiteral("image")));
        QVERIFY(at(one.deployment, QStringLiteral("spec.template")) != at(two.deployment, QStringLiteral("spec.template")));
        QVERIFY(at(one.deployment, QStringLiteral("metadata.annotations"))
                    .value(QStringLiteral("kubernetes.io/change-cause"))
                    .toString()
                    .contains(QStringLiteral("1.4.2")));
    }

    void testContainerRunsTheImageByDigest_data()
    {
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the registry prefixes the repository, the tag gives way to the digest")
            << QStringLiteral("registry.local:5000") << QStringLiteral("helios/acme-ui:1.4.2")
            << QStringLiteral("registry.local:5000/helios/acme-ui@") + Digest;
        QTest::newRow("a trailing slash on the registry is not doubled")
            << QStringLiteral("registry.local:5000/") << QStringLiteral("helios/acme-ui:1.4.2")
            << QStringLiteral("registry.local:5000/helios/acme-ui@") + Digest;
        QTest::newRow("without a registry the repository stands alone")
            << QString() << QStringLiteral("helios/acme-ui:1.4.2") << QStringLiteral("helios/acme-ui@") + Digest;
        QTest::newRow("a port in the image's own host is not a tag")
            << QString() << QStringLiteral("localhost:5000/acme-ui") << QStringLiteral("localhost:5000/acme-ui@") + Digest;
    }
    void testContainerRunsTheImageByDigest()
    {
        QFETCH(QString, registry);
        QFETCH(QString, image);
        QFETCH(QString, expected);
        KubernetesSettings k = settings();
        k.registry = registry;
        Release r = release();
        r.image = image;
        QCOMPARE(container(kubernetesObjects(QStringLiteral("acme-ui"), r, prod(), k)).value(QStringLiteral("image")).toString(),
                 expected);
    }

    void testDeploymentSpec()
    {
        const KubernetesObjects objects = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings());
        const QJsonObject spec = at(objects.deployment, QStringLiteral("spec"));
        QCOMPARE(spec.value(QStringLiteral("replicas")).toInt(), 3);
        QCOMPARE(at(spec, QStringLiteral("strategy")).value(QStringLiteral("type")).toString(), QStringLiteral("RollingUpdate"));
        QCOMPARE(at(spec, QStringLiteral("strategy.rollingUpdate")).value(QStringLiteral("maxUnavailable")).toInt(-1), 0);
        QCOMPARE(at(spec, QStringLiteral("strategy.rollingUpdate")).value(QStringLiteral("maxSurge")).toInt(), 1);
        QCOMPARE(spec.value(QStringLiteral("progressDeadlineSeconds")).toInt(), 120);

        const QJsonObject web = container(objects);
        const QJsonObject port = web.value(QStringLiteral("ports")).toArray().first().toObject();
        QCOMPARE(port.value(QStringLiteral("containerPort")).toInt(), 8080);
        QCOMPARE(port.value(QStringLiteral("name")).toString(), QStringLiteral("http"));
        const QJsonObject probe = web.value(QStringLiteral("readinessProbe")).toObject();
        QCOMPARE(at(probe, QStringLiteral("httpGet")).value(QStringLiteral("path")).toString(), QStringLiteral("/healthz.txt"));
        QCOMPARE(at(probe, QStringLiteral("httpGet")).value(QStringLiteral("port")).toString(), QStringLiteral("http"));
        QCOMPARE(probe.value(QStringLiteral("periodSeconds")).toInt(), 2); // 1500 ms, rounded up
        QCOMPARE(probe.value(QStringLiteral("timeoutSeconds")).toInt(), 2);
        QCOMPARE(probe.value(QStringLiteral("successThreshold")).toInt(), 2);
        QCOMPARE(probe.value(QStringLiteral("failureThreshold")).toInt(), 5);
    }

    void testServiceSendsPort80ToTheContainer()
    {
        KubernetesSettings k = settings();
        k.containerPort = 3000;
        const KubernetesObjects objects = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), k);
        const QJsonObject spec = at(objects.service, QStringLiteral("spec"));
        QCOMPARE(spec.value(QStringLiteral("type")).toString(), QStringLiteral("ClusterIP"));
        const QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
        QCOMPARE(ports.size(), 1);
        QCOMPARE(ports.first().toObject().value(QStringLiteral("port")).toInt(), 80);
        QCOMPARE(ports.first().toObject().value(QStringLiteral("targetPort")).toInt(), 3000);
        QCOMPARE(container(objects).value(QStringLiteral("ports")).toArray().first().toObject().value(QStringLiteral("containerPort")).toInt(),
                 3000);
    }

    void testIngressRoutesTheHostToTheService()
    {
        const KubernetesObjects objects = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings());
        const QJsonObject spec = at(objects.ingress, QStringLiteral("spec"));
        QCOMPARE(spec.value(QStringLiteral("ingressClassName")).toString(), QStringLiteral("nginx"));
        const QJsonObject rule = spec.value(QStringLiteral("rules")).toArray().first().toObject();
        QCOMPARE(rule.value(QStringLiteral("host")).toString(), QStringLiteral("acme.example.com"));
        const QJsonObject path = at(rule, QStringLiteral("http")).value(QStringLiteral("paths")).toArray().first().toObject();
        QCOMPARE(path.value(QStringLiteral("path")).toString(), QStringLiteral("/"));
        QCOMPARE(path.value(QStringLiteral("pathType")).toString(), QStringLiteral("Prefix"));
        QCOMPARE(at(path, QStringLiteral("backend.service")).value(QStringLiteral("name")).toString(), objects.name);
        QCOMPARE(at(path, QStringLiteral("backend.service.port")).value(QStringLiteral("number")).toInt(), 80);
    }

    void testIngressWithoutHostOrClass()
    {
        KubernetesSettings k = settings();
        k.host.clear();
        k.ingressClass.clear();
        const KubernetesObjects objects = kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), k);
        const QJsonObject spec = at(objects.ingress, QStringLiteral("spec"));
        QVERIFY(!spec.contains(QStringLiteral("ingressClassName")));
        const QJsonObject rule = spec.value(QStringLiteral("rules")).toArray().first().toObject();
        QVERIFY(!rule.contains(QStringLiteral("host")));
        QVERIFY(rule.contains(QStringLiteral("http")));
    }

    void testYamlMatchesItsReference()
    {
        const QByteArray actual =
            toYamlStream(kubernetesObjects(QStringLiteral("Acme UI"), release(), prod(), settings()).all());
        const QString referencePath = QStringLiteral(HELIOS_K8S_REFERENCE_DIR "/acme-ui-prod.yaml");
        if (qEnvironmentVariableIntValue("HELIOS_REGENERATE_REFERENCES") == 1) {
            QFile file(referencePath);
            QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(referencePath));
            file.write(actual);
            qInfo("regenerated %s", qPrintable(referencePath));
            return;
        }
        QFile file(referencePath);
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(QStringLiteral("missing reference %1; run with HELIOS_REGENERATE_REFERENCES=1").arg(referencePath)));
        const QByteArray expected = file.readAll();
        if (actual != expected) {
            const QList<QByteArray> want = expected.split('\n');
            const QList<QByteArray> got = actual.split('\n');
            for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i)
                if (want.value(i) != got.value(i))
                    QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n-%3\n+%4")
                                         .arg(referencePath)
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(want.value(i)), QString::fromUtf8(got.value(i)))));
        }
    }

    void testYamlIsByteStable()
    {
        const QByteArray one = toYamlStream(kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings()).all());
        const QByteArray two = toYamlStream(kubernetesObjects(QStringLiteral("acme-ui"), release(), prod(), settings()).all());
        QCOMPARE(one, two);
        // Documents are separated, each starts with apiVersion and kind, in that order.
        const QList<QByteArray> lines = one.split('\n');
        QCOMPARE(std::count_if(lines.cbegin(), lines.cend(), [](const QByteArray &line) { return line.startsWith("apiVersion:"); }),
                 3);
        QVERIFY(one.startsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: acme-ui-prod\n  namespace: web\n"));
        QCOMPARE(one.count("\n---\n"), 2);
        QVERIFY(one.contains("\n---\napiVersion: v1\nkind: Service\n"));
        QVERIFY(one.contains("\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\n"));
        QVERIFY(one.endsWith('\n'));
    }

    void testYamlQuotesWhatWouldReadAsSomethingElse_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("expected");
        const auto row = [](const char *name, const QJsonValue &value, const QByteArray &line) {
            QTest::newRow(name) << value << QByteArray("v: " + line + "\n");
        };
        row("a plain word stays plain", QStringLiteral("nginx"), "nginx");
        row("a path stays plain", QStringLiteral("/healthz.txt"), "/healthz.txt");
        row("a digest reference stays plain", QStringLiteral("r:5000/a@sha256:00"), "r:5000/a@sha256:00");
        row("yes would be a boolean", QStringLiteral("yes"), "\"yes\"");
        row("Off in any case would be a boolean", QStringLiteral("Off"), "\"Off\"");
        row("true as a string is quoted", QStringLiteral("true"), "\"true\"");
        row("null as a string is quoted", QStringLiteral("null"), "\"null\"");
        row("a tilde would be null", QStringLiteral("~"), "\"~\"");
        row("an empty string is quoted", QString(), "\"\"");
        row("digits would be a number", QStringLiteral("8080"), "\"8080\"");
        row("a short version would be a float", QStringLiteral("1.4"), "\"1.4\"");
        row("a semver starts like a number", QStringLiteral("1.4.2"), "\"1.4.2\"");
        row("a negative number", QStringLiteral("-3"), "\"-3\"");
        row("a leading dash would start a sequence", QStringLiteral("- item"), "\"- item\"");
        row("a leading hash would start a comment", QStringLiteral("#fff"), "\"#fff\"");
        row("a leading star would be an alias", QStringLiteral("*all"), "\"*all\"");
        row("a colon and space would start a mapping", QStringLiteral("a: b"), "\"a: b\"");
        row("a space and hash would start a comment", QStringLiteral("a #b"), "\"a #b\"");
        row("a trailing colon would be a key", QStringLiteral("key:"), "\"key:\"");
        row("surrounding spaces would be lost", QStringLiteral(" padded "), "\" padded \"");
        row("a newline is escaped", QStringLiteral("two\nlines"), "\"two\\nlines\"");
        row("quotes and backslashes inside quotes are escaped", QStringLiteral("'q' \\ \""), "\"'q' \\\\ \\\"\"");
        row("a quote inside a plain word stays plain", QStringLiteral("say \"hi\""), "say \"hi\"");
        row("an integer is a number", QJsonValue(8080), "8080");
        row("a fraction is a number", QJsonValue(1.5), "1.5");
        row("a boolean is a boolean", QJsonValue(true), "true");
        row("null is null", QJsonValue(QJsonValue::Null), "null");
        row("an empty mapping is inline", QJsonObject(), "{}");
        row("an empty sequence is inline", QJsonArray(), "[]");
    }
    void testYamlQuotesWhatWouldReadAsSomethingElse()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(yamlOf(value), expected);
    }

    void testYamlNesting()
    {
        const QJsonObject object{
            {QStringLiteral("kind"), QStringLiteral("List")},
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}, {QStringLiteral("on"), true}},
                        QJsonArray{1, 2}, QStringLiteral("no")}},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")}};
        QCOMPARE(toYamlStream({object}), QByteArray("apiVersion: v1\n"
                                                    "kind: List\n"
                                                    "items:\n"
                                                    "  - name: a\n"
                                                    "    \"on\": true\n"
                                                    "  -\n"
                                                    "    - 1\n"
                                                    "    - 2\n"
                                                    "  - \"no\"\n"));
    }
};

QTEST_GUILESS_MAIN(KubernetesManifestsTest)
#include "kubernetes_manifests_test.moc"
