// SPDX-License-Identifier: Apache-2.0
// Runs the real `helios users ...` against an embedded data dir, and checks that a token
// it mints is accepted by LANDING's Authenticator for the role it recorded.
#include "cache/memory_cache.h"
#include "core/config.h"
#include "landing/authenticator.h"
#include "landing/base64url.h"
#include "store/store.h"
#include "cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;

namespace {
const QByteArray Secret = QByteArrayLiteral("users-cli-test-secret-0123456789abcdefgh");
}

class UsersCliTest : public QObject {
    Q_OBJECT
    using Run = helios::test::CliRun;

    QTemporaryDir m_dataDir;

    Run helios(const QStringList &args, const QHash<QString, QString> &extraEnv = {}) {
        QProcessEnvironment env = helios::test::cliEnvironment(m_dataDir.path());
        for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
            env.insert(it.key(), it.value());
        return helios::test::runCli(QStringLiteral(HELIOS_CLI_PATH), QStringList{QStringLiteral("users")} + args, env);
    }

    static QJsonObject payloadOf(const QByteArray &token) {
        const QList<QByteArray> parts = token.trimmed().split('.');
        if (parts.size() != 3)
            return {};
        return QJsonDocument::fromJson(landing::base64UrlDecode(parts[1]).value_or(QByteArray()))
            .object();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dataDir.isValid());
    }

    void testHelp() {
        const Run r = helios({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("usage: helios users add"), r.out.constData());
        QVERIFY(r.out.contains("token"));
    }

    void testMisuseExitsWithUsage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("messagePart");
        QTest::newRow("no subcommand") << QStringList{} << QByteArray("usage: helios users");
        QTest::newRow("an unknown subcommand")
            << QStringList{QStringLiteral("grant")} << QByteArray("unknown subcommand");
        QTest::newRow("add without a role")
            << QStringList{QStringLiteral("add"), QStringLiteral("ada")} << QByteArray("--role");
        QTest::newRow("add with an unknown role")
            << QStringList{QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"),
                           QStringLiteral("root")}
            << QByteArray("viewer, developer or admin");
        QTest::newRow("role without the role")
            << QStringList{QStringLiteral("role"), QStringLiteral("ada")}
            << QByteArray("wrong number of arguments");
        QTest::newRow("remove without a subject")
            << QStringList{QStringLiteral("remove")} << QByteArray("wrong number of arguments");
        QTest::newRow("list with a stray argument")
            << QStringList{QStringLiteral("list"), QStringLiteral("x")}
            << QByteArray("wrong number of arguments");
        QTest::newRow("token without a subject")
            << QStringList{QStringLiteral("token")} << QByteArray("one subject");
        QTest::newRow("token with a bad ttl")
            << QStringList{QStringLiteral("token"), QStringLiteral("ada"), QStringLiteral("--ttl"),
                           QStringLiteral("1y")}
            << QByteArray("--ttl");
        QTest::newRow("an unknown option")
            << QStringList{QStringLiteral("list"), QStringLiteral("--all")}
            << QByteArray("unknown argument --all");
        QTest::newRow("a flag without its value")
            << QStringList{QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role")}
            << QByteArray("--role needs a value");
    }
    void testMisuseExitsWithUsage() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, messagePart);
        const Run r = helios(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(messagePart), r.err.constData());
    }

    void testAddChangeListAndRemove() {
        Run r = helios({QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"),
                        QStringLiteral("developer")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("added ada as developer\n"));

        r = helios({QStringLiteral("add"), QStringLiteral("ada"), QStringLiteral("--role"),
                    QStringLiteral("admin")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already a registered user"), r.err.constData());

        r = helios({QStringLiteral("role"), QStringLiteral("ada"), QStringLiteral("admin")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("ada is now admin\n"));

        r = helios({QStringLiteral("add"), QStringLiteral("vera"), QStringLiteral("--role"),
                    QStringLiteral("viewer"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(r.out).object().value(QLatin1StringView("role")).toString(),
            QStringLiteral("viewer"));

        r = helios({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject listed = QJsonDocument::fromJson(r.out).object();
        QVERIFY(listed.value(QLatin1StringView("ok")).toBool());
        const QJsonArray users = listed.value(QLatin1StringView("users")).toArray();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users[0].toObject().value(QLatin1StringView("subject")).toString(),
                 QStringLiteral("ada"));
        QCOMPARE(users[0].toObject().value(QLatin1StringView("role")).toString(),
                 QStringLiteral("admin"));
        QCOMPARE(users[1].toObject().value(QLatin1StringView("role")).toString(),
                 QStringLiteral("viewer"));

        r = helios({QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("ada "));
        QVERIFY(r.out.contains("viewer"));

        r = helios({QStringLiteral("remove"), QStringLiteral("vera")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("removed vera\n"));

        r = helios({QStringLiteral("remove"), QStringLiteral("vera"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject failed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(failed.value(QLatin1StringView("ok")).toBool(true), false);
        QCOMPARE(failed.value(QLatin1StringView("code")).toString(), QStringLiteral("not-found"));

        r = helios({QStringLiteral("role"), QStringLiteral("nobody"), QStringLiteral("viewer")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a registered user"), r.err.constData());
    }

    void testTokenNeedsTheSecret() {
        const Run r = helios({QStringLiteral("token"), QStringLiteral("ada")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("HELIOS_JWT_SECRET"), r.err.constData());
    }

    void testTokenIsShortSecretSafe() {
        const Run r =
            helios({QStringLiteral("token"), QStringLiteral("ada")},
                   {{QStringLiteral("HELIOS_JWT_SECRET"), QStringLiteral("too-short-secret")}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.contains("too-short-secret"));
    }

    void testMintedTokenIsAcceptedForTheRecordedRole() {
        QCOMPARE(helios({QStringLiteral("add"), QStringLiteral("minted"), QStringLiteral("--role"),
                         QStringLiteral("developer")})
                     .exitCode,
                 0);
        const QHash<QString, QString> env{
            {QStringLiteral("HELIOS_JWT_SECRET"), QString::fromLatin1(Secret)},
            {QStringLiteral("HELIOS_JWT_ISSUER"), QStringLiteral("https://issuer.test")}};
        const Run r = helios({QStringLiteral("token"), QStringLiteral("minted"),
                              QStringLiteral("--ttl"), QStringLiteral("90s"),
                              QStringLiteral("--audience"), QStringLiteral("helios-api")},
                             env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(!r.out.contains(Secret) && !r.err.contains(Secret));
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject payload = payloadOf(r.out);
        QCOMPARE(payload.value(QLatin1StringView("sub")).toString(), QStringLiteral("minted"));
        QCOMPARE(payload.value(QLatin1StringView("iss")).toString(),
                 QStringLiteral("https://issuer.test"));
        QCOMPARE(payload.value(QLatin1StringView("aud")).toString(), QStringLiteral("helios-api"));
        QCOMPARE(payload.value(QLatin1StringView("exp")).toInteger() -
                     payload.value(QLatin1StringView("iat")).toInteger(),
                 qint64(90));

        auto store = data::openStore(Config::embedded(m_dataDir.path()));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        data::MemoryCache cache;
        landing::AuthSettings settings;
        settings.hs256Secret = Secret;
        settings.issuer = QStringLiteral("https://issuer.test");
        settings.audience = QStringLiteral("helios-api");
        landing::Authenticator auth(settings, **store, cache);
        const auto identity =
            auth.authenticate(QByteArray(QByteArrayLiteral("Bearer ") + r.out.trimmed()));
        QVERIFY2(identity.ok(),
                 qPrintable(identity.ok() ? QString() : identity.error().toString()));
        QCOMPARE(identity->subject, QStringLiteral("minted"));
        QCOMPARE(identity->role, landing::Role::Developer);
    }

    void testTokenForAnUnknownSubjectWarns() {
        const Run r = helios({QStringLiteral("token"), QStringLiteral("stranger")},
                             {{QStringLiteral("HELIOS_JWT_SECRET"), QString::fromLatin1(Secret)}});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(payloadOf(r.out).value(QLatin1StringView("sub")).toString(),
                 QStringLiteral("stranger"));
        QCOMPARE(payloadOf(r.out).value(QLatin1StringView("exp")).toInteger() -
                     payloadOf(r.out).value(QLatin1StringView("iat")).toInteger(),
                 qint64(3600));
        QVERIFY2(r.err.contains("will refuse this token"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(UsersCliTest)
#include "users_cli_test.moc"
