// SPDX-License-Identifier: Apache-2.0
// The OpenAPI document a node serves and the routes it dispatches are the same set.
#include "router.h"
#include "server_node.h"

#include "core/config.h"
#include "engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;

class OpenApiRoutesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void documentAndRouterAgree();
    void routerMatchesLiteralsBeforeParameters();
    void anonymousAccessOnlyOnLoopback();
};

void OpenApiRoutesTest::documentAndRouterAgree()
{
    QTemporaryDir dir;
    Config config = Config::embedded(dir.path());
    for (const QString &name : Config::subsystemNames())
        config.set(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    config.set(QStringLiteral("HELIOS_SITES_PORT"), QStringLiteral("0"));
    auto engine = Engine::open(config);
    QVERIFY(engine);
    auto node = server::ServerNode::start(**engine, {server::NodeRole::All, QHostAddress::LocalHost, false});
    QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));

    const QJsonObject document = QJsonDocument::fromJson((*node)->openApiJson()).object();
    QCOMPARE(document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();

    QSet<QString> documented;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject operations = it.value().toObject();
        for (auto op = operations.begin(); op != operations.end(); ++op) {
            documented.insert(op.key().toUpper() + u' ' + it.key());
            // Every documented operation dispatches to the route of that pattern.
            QString concrete = it.key();
            concrete.replace(QStringLiteral("{name}"), QStringLiteral("a%2Fb")).replace(QStringLiteral("{version}"), QStringLiteral("2")).replace(QStringLiteral("{format}"), QStringLiteral("css"));
            const auto match = (*node)->router().match(op.key().toUpper().toLatin1(), concrete.toLatin1());
            QVERIFY2(match.route, qPrintable(op.key() + u' ' + concrete));
            QCOMPARE(match.route->spec.pattern, it.key());
            QVERIFY(!op.value().toObject().value(QStringLiteral("responses")).toObject().isEmpty());
        }
    }
    QSet<QString> routed;
    for (const auto &route : (*node)->router().routes())
        routed.insert(QString::fromLatin1(route->spec.method) + u' ' + route->spec.pattern);
    QCOMPARE(documented, routed);
    QVERIFY(routed.contains(QStringLiteral("PUT /api/slate/sets/{name}")));
    QVERIFY(routed.contains(QStringLiteral("GET /metrics")));
    QVERIFY(routed.size() >= 11);
}

void OpenApiRoutesTest::routerMatchesLiteralsBeforeParameters()
{
    server::Router router;
    const auto noop = [](server::RequestContext &) {};
    QVERIFY(router.add({"GET", QStringLiteral("/sets/{name}")}, noop));
    QVERIFY(router.add({"GET", QStringLiteral("/sets/latest")}, noop));
    QVERIFY(router.add({"PUT", QStringLiteral("/sets/{name}")}, noop));
    QVERIFY(!router.add({"GET", QStringLiteral("/sets/{other}")}, noop)); // same shape twice
    QVERIFY(!router.add({"GET", QStringLiteral("/bad/{x")}, noop));

    auto m = router.match("GET", "/sets/latest");
    QVERIFY(m.route);
    QCOMPARE(m.route->spec.pattern, QStringLiteral("/sets/latest"));
    m = router.match("GET", "/sets/brand%2Fweb");
    QVERIFY(m.route);
    QCOMPARE(m.parameters.value(0).second, QStringLiteral("brand/web"));
    m = router.match("DELETE", "/sets/x");
    QVERIFY(!m.route);
    QCOMPARE(m.allowedMethods, (QByteArrayList{"GET", "PUT"}));
    QVERIFY(!router.match("GET", "/nothing").route);
    QVERIFY(router.match("GET", "/nothing").allowedMethods.isEmpty());
}

void OpenApiRoutesTest::anonymousAccessOnlyOnLoopback()
{
    QTemporaryDir dir;
    Config config = Config::embedded(dir.path());
    config.set(QStringLiteral("HELIOS_ANONYMOUS"), QStringLiteral("1"));
    for (const QString &name : Config::subsystemNames())
        config.set(QStringLiteral("HELIOS_%1_PORT").arg(name), QStringLiteral("0"));
    config.set(QStringLiteral("HELIOS_SITES_PORT"), QStringLiteral("0"));
    auto engine = Engine::open(config);
    QVERIFY(engine);
    auto exposed = server::ServerNode::start(**engine, {server::NodeRole::All, QHostAddress::Any, false});
    QVERIFY(!exposed);
    QCOMPARE(exposed.error().code, ErrorCode::InvalidArgument);
    QVERIFY(exposed.error().message.contains(QStringLiteral("loopback")));
    auto local = server::ServerNode::start(**engine, {server::NodeRole::All, QHostAddress::LocalHost, false});
    QVERIFY2(local, qPrintable(local ? QString() : local.error().toString()));
}

QTEST_GUILESS_MAIN(OpenApiRoutesTest)
#include "openapi_routes_test.moc"
