// SPDX-License-Identifier: Apache-2.0
// helios.json's "deploy" block: the seed's defaults, every field, each environment's
// overrides, every problem reported at its helios.json:line:column, and the policy's
// JSON form in the Store.
#include "waypoint/deploy_policy.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::waypoint;

namespace {

Result<DeployPolicy> parse(const QByteArray &json) { return parseDeployPolicy(json, QStringLiteral("helios.json")); }

} // namespace

class DeployPolicyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutADeployBlockTheSeedsPolicyApplies();
    void everyFieldIsRead();
    void anEnvironmentsHealthOverridesTheTopLevelFieldByField();
    void theEnvironmentsListedAreTheProjects();
    void approvalNoneOpensTheGate();
    void aProblemIsReportedAtItsLineAndColumn_data();
    void aProblemIsReportedAtItsLineAndColumn();
    void everyProblemIsReportedAtOnce();
    void theStoredFormRoundTrips();
    void readDeployPolicyReadsTheProjectsFile();
};

void DeployPolicyTest::withoutADeployBlockTheSeedsPolicyApplies()
{
    const auto policy = parse(R"({"name": "acme", "build": {"entries": []}})");
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    QCOMPARE(policy->versionScheme, VersionScheme::SemverPatch);
    QCOMPARE(policy->environments.size(), 3);
    const EnvironmentPolicy &dev = policy->environments.at(0);
    const EnvironmentPolicy &staging = policy->environments.at(1);
    const EnvironmentPolicy &prod = policy->environments.at(2);
    QCOMPARE(dev.name, QStringLiteral("dev"));
    QVERIFY(dev.autoDeploy);
    QVERIFY(!dev.approver.has_value());
    QCOMPARE(dev.promotesFrom, QString());
    QCOMPARE(staging.name, QStringLiteral("staging"));
    QVERIFY(!staging.autoDeploy);
    QCOMPARE(staging.approver, std::optional(landing::Role::Developer));
    QCOMPARE(staging.promotesFrom, QStringLiteral("dev"));
    QCOMPARE(prod.name, QStringLiteral("prod"));
    QCOMPARE(prod.approver, std::optional(landing::Role::Admin));
    QCOMPARE(prod.promotesFrom, QStringLiteral("staging"));
    for (const EnvironmentPolicy &env : policy->environments) {
        QCOMPARE(env.target, QStringLiteral("local"));
        QCOMPARE(env.health.path, QStringLiteral("/"));
        QCOMPARE(env.health.attempts, 5);
        QCOMPARE(env.health.intervalMs, 200);
        QCOMPARE(env.health.timeoutMs, 2000);
        QCOMPARE(env.health.successThreshold, 2);
        QCOMPARE(env.retention, 5);
    }
    QCOMPARE(policy->kubernetes.ns, QStringLiteral("default"));
    QCOMPARE(policy->kubernetes.replicas, 2);
    QCOMPARE(policy->kubernetes.containerPort, 8080);
    QVERIFY(policy->environment(QStringLiteral("staging")) == &staging);
    QVERIFY(policy->environment(QStringLiteral("qa")) == nullptr);
}

void DeployPolicyTest::everyFieldIsRead()
{
    const auto policy = parse(R"({
  "name": "acme",
  "deploy": {
    "version": "semver-minor",
    "health": {"path": "/up", "attempts": 7, "intervalMs": 50, "timeoutMs": 900, "successThreshold": 3},
    "retention": 4,
    "kubernetes": {"namespace": "web", "host": "acme.example.com", "replicas": 3, "containerPort": 8081,
                   "registry": "registry.local:5000", "ingressClass": "nginx", "rolloutTimeoutMs": 60000},
    "environments": {
      "dev":     {"auto": false},
      "staging": {"approval": "admin", "from": "dev", "auto": true},
      "prod":    {"approval": "admin", "from": "staging", "target": "kubernetes",
                  "health": {"path": "/healthz.txt"}, "retention": 10} } } })");
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    QCOMPARE(policy->versionScheme, VersionScheme::SemverMinor);
    const KubernetesSettings &k = policy->kubernetes;
    QCOMPARE(k.ns, QStringLiteral("web"));
    QCOMPARE(k.host, QStringLiteral("acme.example.com"));
    QCOMPARE(k.replicas, 3);
    QCOMPARE(k.containerPort, 8081);
    QCOMPARE(k.registry, QStringLiteral("registry.local:5000"));
    QCOMPARE(k.ingressClass, QStringLiteral("nginx"));
    QCOMPARE(k.rolloutTimeoutMs, 60000);
    QCOMPARE(policy->environments.size(), 3);
    const EnvironmentPolicy &dev = policy->environments.at(0);
    QVERIFY(!dev.autoDeploy);
    QCOMPARE(dev.health.path, QStringLiteral("/up"));
    QCOMPARE(dev.health.attempts, 7);
    QCOMPARE(dev.health.intervalMs, 50);
    QCOMPARE(dev.health.timeoutMs, 900);
    QCOMPARE(dev.health.successThreshold, 3);
    QCOMPARE(dev.retention, 4);
    const EnvironmentPolicy &staging = policy->environments.at(1);
    QVERIFY(staging.autoDeploy);
    QCOMPARE(staging.approver, std::optional(landing::Role::Admin));
    const EnvironmentPolicy &prod = policy->environments.at(2);
    QCOMPARE(prod.target, QStringLiteral("kubernetes"));
    QCOMPARE(prod.health.path, QStringLiteral("/healthz.txt"));
    QCOMPARE(prod.retention, 10);
}

void DeployPolicyTest::anEnvironmentsHealthOverridesTheTopLevelFieldByField()
{
    const auto policy = parse(R"({"deploy": {"health": {"path": "/up", "attempts": 9},
        "environments": {"dev": {"health": {"path": "/ready", "successThreshold": 4}}}}})");
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    const HealthCheck &health = policy->environments.constFirst().health;
    QCOMPARE(health.path, QStringLiteral("/ready"));
    QCOMPARE(health.attempts, 9);
    QCOMPARE(health.successThreshold, 4);
    QCOMPARE(health.timeoutMs, 2000);
}

void DeployPolicyTest::theEnvironmentsListedAreTheProjects()
{
    const auto policy = parse(R"({"deploy": {"environments": {"dev": {}, "qa": {"from": "dev", "approval": "developer"}}}})");
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    QCOMPARE(policy->environments.size(), 2);
    QCOMPARE(policy->environments.at(0).name, QStringLiteral("dev"));
    QVERIFY(policy->environments.at(0).autoDeploy); // dev keeps the seed's policy
    QCOMPARE(policy->environments.at(1).name, QStringLiteral("qa"));
    QVERIFY(!policy->environments.at(1).autoDeploy);
    QCOMPARE(policy->environments.at(1).approver, std::optional(landing::Role::Developer));
    QCOMPARE(policy->environments.at(1).promotesFrom, QStringLiteral("dev"));
}

void DeployPolicyTest::approvalNoneOpensTheGate()
{
    const auto policy = parse(R"({"deploy": {"environments": {"dev": {}, "staging": {"approval": "none"},
                                 "prod": {"approval": null}}}})");
    QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
    QVERIFY(!policy->environments.at(1).approver.has_value());
    QVERIFY(!policy->environments.at(2).approver.has_value());
}

void DeployPolicyTest::aProblemIsReportedAtItsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("deploy"); // the value of "deploy", from line 2 column 13
    QTest::addColumn<QString>("expected");

    QTest::newRow("a deploy block that is not an object") << QByteArray("[]")
                                                          << QStringLiteral("helios.json:2:13: \"deploy\" must be an object");
    QTest::newRow("an unknown key") << QByteArray("{\"aproval\": 1}")
                                    << QStringLiteral("helios.json:2:14: unknown key \"aproval\" in \"deploy\"");
    QTest::newRow("an unknown version scheme")
        << QByteArray("{\"version\": \"calver\"}")
        << QStringLiteral("helios.json:2:25: \"version\": unknown version scheme \"calver\"");
    QTest::newRow("a health path without a leading slash")
        << QByteArray("{\"health\": {\"path\": \"up\"}}")
        << QStringLiteral("helios.json:2:33: the health check's \"path\" must start with '/'");
    QTest::newRow("no attempts") << QByteArray("{\"health\": {\"attempts\": 0}}")
                                 << QStringLiteral("helios.json:2:37: \"attempts\" must be a whole number from 1 to 1000, found 0");
    QTest::newRow("a fractional interval")
        << QByteArray("{\"health\": {\"intervalMs\": 2.5}}")
        << QStringLiteral("helios.json:2:39: \"intervalMs\" must be a whole number from 0 to 600000, found 2.5");
    QTest::newRow("a zero timeout") << QByteArray("{\"health\": {\"timeoutMs\": 0}}")
                                    << QStringLiteral("helios.json:2:38: \"timeoutMs\" must be a whole number from 1");
    QTest::newRow("a threshold above the attempts")
        << QByteArray("{\"health\": {\"attempts\": 2, \"successThreshold\": 3}}")
        << QStringLiteral("helios.json:2:24: \"successThreshold\" (3) cannot exceed \"attempts\" (2)");
    QTest::newRow("a retention below two") << QByteArray("{\"retention\": 1}")
                                           << QStringLiteral("helios.json:2:27: \"retention\" must be a whole number from 2");
    QTest::newRow("replicas as a string")
        << QByteArray("{\"kubernetes\": {\"replicas\": \"two\"}}")
        << QStringLiteral("helios.json:2:41: \"replicas\" must be a whole number from 1 to 1000, found \"two\"");
    QTest::newRow("a port out of range")
        << QByteArray("{\"kubernetes\": {\"containerPort\": 70000}}")
        << QStringLiteral("helios.json:2:46: \"containerPort\" must be a whole number from 1 to 65535");
    QTest::newRow("a namespace in capitals")
        << QByteArray("{\"kubernetes\": {\"namespace\": \"Web\"}}")
        << QStringLiteral("helios.json:2:42: \"namespace\" must be a DNS label");
    QTest::newRow("a rollout timeout below a second")
        << QByteArray("{\"kubernetes\": {\"rolloutTimeoutMs\": 10}}")
        << QStringLiteral("helios.json:2:49: \"rolloutTimeoutMs\" must be a whole number from 1000");
    QTest::newRow("an unknown kubernetes key")
        << QByteArray("{\"kubernetes\": {\"image\": \"x\"}}")
        << QStringLiteral("helios.json:2:29: unknown key \"image\" in \"kubernetes\"");
    QTest::newRow("no environments") << QByteArray("{\"environments\": {}}")
                                     << QStringLiteral("helios.json:2:30: \"environments\" must name at least one environment");
    QTest::newRow("a viewer as approver")
        << QByteArray("{\"environments\": {\"dev\": {\"approval\": \"viewer\"}}}")
        << QStringLiteral("helios.json:2:51: \"approval\" is the least role that may approve");
    QTest::newRow("an approver that is no role")
        << QByteArray("{\"environments\": {\"dev\": {\"approval\": true}}}")
        << QStringLiteral("helios.json:2:51: \"approval\" is the least role that may approve: \"developer\", \"admin\" or "
                          "\"none\", found true");
    QTest::newRow("a promotion from an environment not listed before")
        << QByteArray("{\"environments\": {\"dev\": {\"from\": \"qa\"}}}")
        << QStringLiteral("helios.json:2:47: environment \"dev\" promotes from \"qa\", which is not an environment listed");
    QTest::newRow("the default promotion source missing")
        << QByteArray("{\"environments\": {\"prod\": {}}}")
        << QStringLiteral("helios.json:2:31: environment \"prod\" promotes from \"staging\" (the default)");
    QTest::newRow("an unknown target") << QByteArray("{\"environments\": {\"dev\": {\"target\": \"docker\"}}}")
                                       << QStringLiteral("helios.json:2:49: \"target\" must be \"local\" or \"kubernetes\"");
    QTest::newRow("auto that is not a boolean")
        << QByteArray("{\"environments\": {\"dev\": {\"auto\": \"yes\"}}}")
        << QStringLiteral("helios.json:2:47: \"auto\" must be true or false, found \"yes\"");
    QTest::newRow("an environment name in capitals")
        << QByteArray("{\"environments\": {\"Dev\": {}}}")
        << QStringLiteral("helios.json:2:31: environment name \"Dev\" must match");
    QTest::newRow("an environment that is not an object")
        << QByteArray("{\"environments\": {\"dev\": 1}}")
        << QStringLiteral("helios.json:2:38: environment \"dev\" must be an object, found a number");
    QTest::newRow("an unknown environment key")
        << QByteArray("{\"environments\": {\"dev\": {\"gate\": 1}}}")
        << QStringLiteral("helios.json:2:39: unknown key \"gate\" in environment \"dev\"");
    QTest::newRow("an environment retention below two")
        << QByteArray("{\"environments\": {\"dev\": {\"retention\": 0}}}")
        << QStringLiteral("helios.json:2:52: \"retention\" must be a whole number from 2");
    QTest::newRow("broken JSON") << QByteArray("{\"version\": }") << QStringLiteral("helios.json:2:25:");
}

void DeployPolicyTest::aProblemIsReportedAtItsLineAndColumn()
{
    QFETCH(QByteArray, deploy);
    QFETCH(QString, expected);
    const auto policy = parse("{\n  \"deploy\": " + deploy + "\n}\n");
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(policy.error().message.startsWith(expected), qPrintable(policy.error().message));
}

void DeployPolicyTest::everyProblemIsReportedAtOnce()
{
    const auto policy = parse("{\n  \"deploy\": {\n    \"version\": \"calver\",\n    \"retention\": 1\n  }\n}\n");
    QVERIFY(!policy.ok());
    const QStringList lines = policy.error().message.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("helios.json:3:16: \"version\"")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("helios.json:4:18: \"retention\"")), qPrintable(lines.at(1)));
}

void DeployPolicyTest::theStoredFormRoundTrips()
{
    auto policy = parse(R"({"deploy": {"version": "build-number", "kubernetes": {"namespace": "web", "host": "a.example"},
        "environments": {"dev": {"retention": 3}, "staging": {"approval": "none"},
        "prod": {"target": "kubernetes", "health": {"path": "/h", "attempts": 3, "successThreshold": 1}}}}})");
    QVERIFY(policy.ok());
    const auto back = DeployPolicy::fromJson(policy->toJson());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back->toJson(), policy->toJson());
    QCOMPARE(back->versionScheme, VersionScheme::BuildNumber);
    QCOMPARE(back->kubernetes.host, QStringLiteral("a.example"));
    QCOMPARE(back->environments.at(0).retention, 3);
    QVERIFY(!back->environments.at(1).approver.has_value());
    QCOMPARE(back->environments.at(2).approver, std::optional(landing::Role::Admin));
    QCOMPARE(back->environments.at(2).health.attempts, 3);
}

void DeployPolicyTest::readDeployPolicyReadsTheProjectsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto missing = readDeployPolicy(dir.path());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(QStringLiteral("helios.json")));

    QFile file(dir.filePath(QStringLiteral("helios.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"deploy": {"version": "semver-major"}})");
    file.close();
    const auto policy = readDeployPolicy(dir.path());
    QVERIFY(policy.ok());
    QCOMPARE(policy->versionScheme, VersionScheme::SemverMajor);
}

QTEST_GUILESS_MAIN(DeployPolicyTest)
#include "deploy_policy_test.moc"
