// SPDX-License-Identifier: Apache-2.0
// The JWT matrix: every way a bearer token can be good or bad, through the Authenticator
// with an embedded Store and Cache and a JWKS served from 127.0.0.1.
#include "jwks_test_server.h"
#include "test_key.h"

#include "cache/memory_cache.h"
#include "core/config.h"
#include "landing/authenticator.h"
#include "landing/base64url.h"
#include "landing/jws_signature.h"
#include "landing/token_minter.h"
#include "landing/user_directory.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace helios;
using namespace helios::landing;
using helios::test::TestKey;

namespace {

const QByteArray Secret = QByteArrayLiteral("a-test-secret-that-is-long-enough-for-hs256");
const QString Issuer = QStringLiteral("https://id.helios.test");
const QString Audience = QStringLiteral("helios-server");
constexpr int Accepted = -1;

qint64 now() {
    return QDateTime::currentSecsSinceEpoch();
}

QJsonObject header(const QString &alg, const QString &kid = {}) {
    QJsonObject h{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    return h;
}

QJsonObject claims(const QString &subject = QStringLiteral("ada")) {
    return {{QStringLiteral("sub"), subject},
            {QStringLiteral("iss"), Issuer},
            {QStringLiteral("aud"), Audience},
            {QStringLiteral("iat"), now()},
            {QStringLiteral("exp"), now() + 600}};
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value) {
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

QByteArray bearer(const QByteArray &token) {
    return QByteArrayLiteral("Bearer ") + token;
}

QByteArray hs256(const QJsonObject &h, const QJsonObject &c, const QByteArray &secret = Secret) {
    const QByteArray input = test::signingInputOf(h, c);
    return test::compactToken(input, signHs256(secret, input));
}

QByteArray signedBy(const TestKey &key, const QJsonObject &h, const QJsonObject &c) {
    const QByteArray input = test::signingInputOf(h, c);
    return test::compactToken(input, key.sign(input));
}

QByteArray flipLastSignatureBit(const QByteArray &token) {
    const qsizetype dot = token.lastIndexOf('.');
    QByteArray signature = *base64UrlDecode(token.sliced(dot + 1));
    signature[signature.size() - 1] = char(signature.at(signature.size() - 1) ^ 1);
    return token.first(dot + 1) + base64UrlEncode(signature);
}

// The same bytes, spelled with a non-zero unused bit in the last character: a lenient
// decoder reads it as the original, which would let a token be altered without changing
// what is signed.
QByteArray withUnusedBitSet(QByteArray segment) {
    static const QByteArray alphabet =
        QByteArrayLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    Q_ASSERT(segment.size() % 4 != 0); // otherwise there are no unused bits
    const qsizetype last = segment.size() - 1;
    segment[last] = alphabet.at(alphabet.indexOf(segment.at(last)) | 1);
    return segment;
}

QByteArray replaceSegment(const QByteArray &token, int index, const QByteArray &segment) {
    QList<QByteArray> parts = token.split('.');
    parts[index] = segment;
    return parts.join('.');
}

} // namespace

class AuthenticatorTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<data::Store> m_store;
    std::unique_ptr<data::MemoryCache> m_cache;
    std::unique_ptr<TestKey> m_rsa;
    std::unique_ptr<TestKey> m_ec;
    std::unique_ptr<TestKey> m_stranger; // a key the JWKS never lists
    std::unique_ptr<test::JwksTestServer> m_jwks;
    std::unique_ptr<Authenticator> m_auth;

    AuthSettings settings() const {
        AuthSettings s;
        s.hs256Secret = Secret;
        s.jwksUrl = m_jwks->url().toString();
        s.issuer = Issuer;
        s.audience = Audience;
        return s;
    }

    QByteArray jwksDocument(const QList<QJsonObject> &keys) const {
        QJsonArray array;
        for (const QJsonObject &k : keys)
            array.append(k);
        return QJsonDocument(QJsonObject{{QStringLiteral("keys"), array}})
            .toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto store = data::openStore(Config::embedded(m_dir.path()));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        m_store = std::move(store).value();
        m_cache = std::make_unique<data::MemoryCache>();
        UserDirectory users(*m_store, *m_cache);
        QVERIFY(users.add(QStringLiteral("ada"), Role::Developer).ok());
        QVERIFY(users.add(QStringLiteral("vera"), Role::Viewer).ok());
        QVERIFY(users.add(QStringLiteral("adam"), Role::Admin).ok());

        m_rsa = std::make_unique<TestKey>(TestKey::Type::Rsa, QStringLiteral("rsa-1"));
        m_ec = std::make_unique<TestKey>(TestKey::Type::P256, QStringLiteral("ec-1"));
        m_stranger = std::make_unique<TestKey>(TestKey::Type::Rsa, QStringLiteral("rsa-1"));
        m_jwks = std::make_unique<test::JwksTestServer>();
        // An "oct" key whose bytes are the RSA public key: a JWKS must never lend HS256 a key.
        const QJsonObject oct{
            {QStringLiteral("kty"), QStringLiteral("oct")},
            {QStringLiteral("kid"), QStringLiteral("oct-1")},
            {QStringLiteral("k"), QString::fromLatin1(base64UrlEncode(m_rsa->publicKeyPem()))}};
        m_jwks->setDocument(jwksDocument({m_rsa->publicJwk(), m_ec->publicJwk(), oct}));
        m_auth = std::make_unique<Authenticator>(settings(), *m_store, *m_cache);
    }

    void testToken_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("expectedCode"); // Accepted or an ErrorCode
        QTest::addColumn<QString>("subject");
        QTest::addColumn<int>("role");

        const auto ok = [](const char *name, const QByteArray &token, const char *subject,
                           Role role) {
            QTest::newRow(name) << bearer(token) << Accepted << QString::fromLatin1(subject)
                                << int(role);
        };
        const auto refused = [](const char *name, const QByteArray &authorization, ErrorCode code) {
            QTest::newRow(name) << authorization << int(code) << QString() << 0;
        };
        const auto unauthenticated = [&](const char *name, const QByteArray &token) {
            refused(name, bearer(token), ErrorCode::Unauthenticated);
        };

        const QByteArray goodHs = hs256(header(QStringLiteral("HS256")), claims());
        const QByteArray goodRs =
            signedBy(*m_rsa, header(QStringLiteral("RS256"), QStringLiteral("rsa-1")), claims());
        const QByteArray goodEs =
            signedBy(*m_ec, header(QStringLiteral("ES256"), QStringLiteral("ec-1")), claims());

        ok("an HS256 token signed with the shared secret is accepted", goodHs, "ada",
           Role::Developer);
        ok("an RS256 token signed by a JWKS key is accepted", goodRs, "ada", Role::Developer);
        ok("an ES256 token signed by a JWKS key is accepted", goodEs, "ada", Role::Developer);
        ok("a viewer gets the viewer role",
           hs256(header(QStringLiteral("HS256")), claims(QStringLiteral("vera"))), "vera",
           Role::Viewer);
        ok("an admin gets the admin role",
           signedBy(*m_ec, header(QStringLiteral("ES256"), QStringLiteral("ec-1")),
                    claims(QStringLiteral("adam"))),
           "adam", Role::Admin);
        ok("an RS256 token without a kid is tried against the RS256 keys",
           signedBy(*m_rsa, header(QStringLiteral("RS256")), claims()), "ada", Role::Developer);
        ok("an audience array containing ours is accepted",
           hs256(header(QStringLiteral("HS256")),
                 with(claims(), QStringLiteral("aud"),
                      QJsonArray{QStringLiteral("other"), Audience})),
           "ada", Role::Developer);
        ok("an expiry just past but within the leeway is accepted",
           hs256(header(QStringLiteral("HS256")),
                 with(with(claims(), QStringLiteral("exp"), now() - 5), QStringLiteral("iat"),
                      now() - 60)),
           "ada", Role::Developer);
        QTest::newRow("a lower-case bearer scheme is accepted")
            << QByteArray("bearer " + goodEs) << Accepted << QStringLiteral("ada")
            << int(Role::Developer);

        unauthenticated("an HS256 token with one flipped signature bit is refused",
                        flipLastSignatureBit(goodHs));
        unauthenticated("an RS256 token with one flipped signature bit is refused",
                        flipLastSignatureBit(goodRs));
        unauthenticated("an ES256 token with one flipped signature bit is refused",
                        flipLastSignatureBit(goodEs));
        unauthenticated("an HS256 token signed with another secret is refused",
                        hs256(header(QStringLiteral("HS256")), claims(), Secret + "x"));
        unauthenticated("an RS256 token signed by a stranger under a known kid is refused",
                        signedBy(*m_stranger,
                                 header(QStringLiteral("RS256"), QStringLiteral("rsa-1")),
                                 claims()));
        unauthenticated("changed claims under the original signature are refused",
                        replaceSegment(goodRs, 1,
                                       base64UrlEncode(QJsonDocument(claims(QStringLiteral("adam")))
                                                           .toJson(QJsonDocument::Compact))));
        unauthenticated("an ES256 signature of 65 bytes is refused",
                        replaceSegment(goodEs, 2,
                                       base64UrlEncode(QByteArray(
                                           *base64UrlDecode(goodEs.split('.')[2]) + 'x'))));
        unauthenticated(
            "an ES256 signature in DER form is refused",
            replaceSegment(
                goodEs, 2,
                base64UrlEncode(QByteArray::fromHex(
                    "3044022001020304050607080910111213141516171819202122232425262728293031"
                    "32022001020304050607080910111213141516171819202122232425262728293031"
                    "32"))));

        const QJsonObject none{{QStringLiteral("alg"), QStringLiteral("none")}};
        unauthenticated("alg none with an empty signature is refused",
                        test::signingInputOf(none, claims()) + '.');
        unauthenticated("alg none with a signature is refused",
                        test::compactToken(test::signingInputOf(none, claims()), "anything"));
        unauthenticated("alg \"hs256\" in lower case is refused",
                        hs256(header(QStringLiteral("hs256")), claims()));
        unauthenticated(
            "alg PS256 is refused",
            signedBy(*m_rsa, header(QStringLiteral("PS256"), QStringLiteral("rsa-1")), claims()));
        unauthenticated("HS256 signed with the RSA public key PEM is refused (algorithm confusion)",
                        hs256(header(QStringLiteral("HS256"), QStringLiteral("rsa-1")), claims(),
                              m_rsa->publicKeyPem()));
        unauthenticated("HS256 signed with the RSA JWK's JSON is refused (algorithm confusion)",
                        hs256(header(QStringLiteral("HS256"), QStringLiteral("rsa-1")), claims(),
                              QJsonDocument(m_rsa->publicJwk()).toJson(QJsonDocument::Compact)));
        unauthenticated("HS256 naming the JWKS's oct key is refused",
                        hs256(header(QStringLiteral("HS256"), QStringLiteral("oct-1")), claims(),
                              m_rsa->publicKeyPem()));
        unauthenticated(
            "RS256 naming the EC key's kid is refused",
            signedBy(*m_rsa, header(QStringLiteral("RS256"), QStringLiteral("ec-1")), claims()));
        unauthenticated(
            "ES256 naming the RSA key's kid is refused",
            signedBy(*m_ec, header(QStringLiteral("ES256"), QStringLiteral("rsa-1")), claims()));

        unauthenticated("an expired token is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("exp"), now() - 120)));
        unauthenticated("a token without exp is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("exp"), QJsonValue::Undefined)));
        unauthenticated("an exp that is a string is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("exp"), QString::number(now() + 600))));
        unauthenticated("nbf in the future is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("nbf"), now() + 300)));
        unauthenticated("iat in the future is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("iat"), now() + 300)));
        unauthenticated("a wrong audience is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("aud"), QStringLiteral("other"))));
        unauthenticated("a missing audience is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("aud"), QJsonValue::Undefined)));
        unauthenticated(
            "a wrong issuer is refused",
            hs256(header(QStringLiteral("HS256")),
                  with(claims(), QStringLiteral("iss"), QStringLiteral("https://evil.test"))));
        unauthenticated("a missing subject is refused",
                        hs256(header(QStringLiteral("HS256")),
                              with(claims(), QStringLiteral("sub"), QJsonValue::Undefined)));

        unauthenticated("two segments are refused", goodHs.first(goodHs.lastIndexOf('.')));
        unauthenticated("four segments are refused", goodHs + ".AAAA");
        unauthenticated("base64 padding is refused",
                        replaceSegment(goodHs, 2, goodHs.split('.')[2] + "="));
        unauthenticated(
            "standard base64 characters are refused",
            replaceSegment(goodHs, 0,
                           goodHs.split('.')[0].replace('-', '+').replace('_', '/') + "+/"));
        unauthenticated("non-canonical trailing bits are refused",
                        replaceSegment(goodHs, 2, withUnusedBitSet(goodHs.split('.')[2])));
        unauthenticated("a header that is not JSON is refused",
                        replaceSegment(goodHs, 0, base64UrlEncode("not json")));
        unauthenticated("a payload that is an array is refused",
                        replaceSegment(goodHs, 1, base64UrlEncode("[1,2]")));
        unauthenticated("a critical header extension is refused",
                        hs256(with(header(QStringLiteral("HS256")), QStringLiteral("crit"),
                                   QJsonArray{QStringLiteral("exp")}),
                              claims()));
        unauthenticated("a typ other than JWT is refused",
                        hs256(with(header(QStringLiteral("HS256")), QStringLiteral("typ"),
                                   QStringLiteral("JOSE+JSON")),
                              claims()));

        refused("a Basic Authorization header is refused", "Basic YWRhOnB3",
                ErrorCode::Unauthenticated);
        refused("a bearer scheme without a token is refused", "Bearer ",
                ErrorCode::Unauthenticated);
        refused("no Authorization header is refused when anonymous access is off", "",
                ErrorCode::Unauthenticated);
        refused("a valid token for an unregistered subject is permission denied",
                bearer(hs256(header(QStringLiteral("HS256")), claims(QStringLiteral("mallory")))),
                ErrorCode::PermissionDenied);
    }
    void testToken() {
        QFETCH(QByteArray, authorization);
        QFETCH(int, expectedCode);
        QFETCH(QString, subject);
        QFETCH(int, role);
        // Twice: the second answer may come from the session cache and must be the same.
        for (int round = 0; round < 2; ++round) {
            const auto identity = m_auth->authenticate(authorization);
            if (expectedCode == Accepted) {
                QVERIFY2(identity.ok(),
                         qPrintable(identity.ok() ? QString() : identity.error().toString()));
                QCOMPARE(identity->subject, subject);
                QCOMPARE(int(identity->role), role);
                QVERIFY(!identity->anonymous);
                QVERIFY(identity->expires > QDateTime::currentDateTimeUtc().addSecs(-60));
            } else {
                QVERIFY2(!identity.ok(), "a token that must be refused was accepted");
                QCOMPARE(errorCodeName(identity.error().code),
                         errorCodeName(ErrorCode(expectedCode)));
                // Refusals never echo the token back.
                const QByteArray token = authorization.mid(7);
                if (token.size() > 20)
                    QVERIFY(!identity.error().toString().toUtf8().contains(token));
            }
        }
    }

    void testMintedTokenIsAccepted() {
        const auto token = mintHs256Token(Secret, QStringLiteral("adam"), std::chrono::minutes(5),
                                          Issuer, Audience);
        QVERIFY(token.ok());
        const auto identity = m_auth->authenticate(bearer(*token));
        QVERIFY2(identity.ok(),
                 qPrintable(identity.ok() ? QString() : identity.error().toString()));
        QCOMPARE(identity->role, Role::Admin);
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(identity->expires);
        QVERIFY2(lifetime > 200 && lifetime <= 300, qPrintable(QString::number(lifetime)));

        const auto wrongAudience =
            mintHs256Token(Secret, QStringLiteral("adam"), std::chrono::minutes(5), Issuer,
                           QStringLiteral("else"));
        QVERIFY(wrongAudience.ok());
        QVERIFY(!m_auth->authenticate(bearer(*wrongAudience)).ok());
    }

    void testMintingRefusesBadInput_data() {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<int>("ttlSeconds");
        QTest::newRow("a secret shorter than 32 bytes")
            << QByteArray("short") << QStringLiteral("ada") << 60;
        QTest::newRow("an empty subject") << Secret << QString() << 60;
        QTest::newRow("a lifetime of zero") << Secret << QStringLiteral("ada") << 0;
    }
    void testMintingRefusesBadInput() {
        QFETCH(QByteArray, secret);
        QFETCH(QString, subject);
        QFETCH(int, ttlSeconds);
        const auto token = mintHs256Token(secret, subject, std::chrono::seconds(ttlSeconds));
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!token.error().toString().contains(QString::fromLatin1(secret)) ||
                secret.isEmpty());
    }

    void testAnonymousAccess() {
        AuthSettings s = settings();
        s.anonymousAllowed = true;
        Authenticator auth(s, *m_store, *m_cache);
        const auto identity = auth.authenticate("");
        QVERIFY(identity.ok());
        QVERIFY(identity->anonymous);
        QCOMPARE(identity->role, Role::Viewer);
        // A token that is present is still checked: anonymous access is not a bypass.
        QVERIFY(!auth.authenticate("Bearer not.a.token").ok());
    }

    void testSettingsFromConfig_data() {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("anonymous");
        QTest::addColumn<bool>("valid");
        QTest::newRow("no secret and no anonymous setting is valid")
            << QString() << QString() << true;
        QTest::newRow("a 32-byte secret is valid")
            << QString(32, QLatin1Char('s')) << QStringLiteral("1") << true;
        QTest::newRow("a 31-byte secret is refused")
            << QString(31, QLatin1Char('s')) << QString() << false;
        QTest::newRow("an anonymous setting other than 0 or 1 is refused")
            << QString() << QStringLiteral("yes") << false;
    }
    void testSettingsFromConfig() {
        QFETCH(QString, secret);
        QFETCH(QString, anonymous);
        QFETCH(bool, valid);
        Config config = Config::embedded(m_dir.path());
        config.set(QString::fromLatin1(Config::JwtSecret), secret);
        config.set(QString::fromLatin1(Config::Anonymous), anonymous);
        config.set(QString::fromLatin1(Config::JwtAudience), Audience);
        const auto parsed = AuthSettings::fromConfig(config);
        QCOMPARE(parsed.ok(), valid);
        if (valid) {
            QCOMPARE(parsed->hs256Secret, secret.toUtf8());
            QCOMPARE(parsed->audience, Audience);
            QCOMPARE(parsed->anonymousAllowed, anonymous == QLatin1StringView("1"));
        } else if (!secret.isEmpty()) {
            QVERIFY(!parsed.error().toString().contains(secret));
        }
    }

    void testUnknownKidFetchesTheJwksAtMostOncePerInterval() {
        test::JwksTestServer server;
        server.setDocument(jwksDocument({m_rsa->publicJwk()}));
        AuthSettings s = settings();
        s.jwksUrl = server.url().toString();
        data::MemoryCache cache;                // no sessions from earlier cases
        Authenticator auth(s, *m_store, cache); // the default interval: 30 s
        QVERIFY(
            auth
                .authenticate(bearer(signedBy(
                    *m_rsa, header(QStringLiteral("RS256"), QStringLiteral("rsa-1")), claims())))
                .ok());
        QCOMPARE(server.requestCount(), 1);
        for (int i = 0; i < 3; ++i) {
            const auto refused = auth.authenticate(bearer(signedBy(
                *m_ec, header(QStringLiteral("ES256"), QStringLiteral("made-up-%1").arg(i)),
                claims())));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        }
        QCOMPARE(server.requestCount(), 1);
    }

    void testUnknownKidRefetchPicksUpARotatedKey() {
        test::JwksTestServer server;
        server.setDocument(jwksDocument({m_rsa->publicJwk()}));
        AuthSettings s = settings();
        s.jwksUrl = server.url().toString();
        s.jwksRefetchInterval = std::chrono::milliseconds(100);
        data::MemoryCache cache; // no sessions from earlier cases
        Authenticator auth(s, *m_store, cache);
        QVERIFY(
            auth
                .authenticate(bearer(signedBy(
                    *m_rsa, header(QStringLiteral("RS256"), QStringLiteral("rsa-1")), claims())))
                .ok());

        // The provider rotates to a new key; tokens name its kid.
        TestKey rotated(TestKey::Type::P256, QStringLiteral("ec-2"));
        server.setDocument(jwksDocument({rotated.publicJwk()}));
        QTest::qWait(150);
        const auto identity = auth.authenticate(
            bearer(signedBy(rotated, header(QStringLiteral("ES256"), QStringLiteral("ec-2")),
                            claims(QStringLiteral("vera")))));
        QVERIFY2(identity.ok(),
                 qPrintable(identity.ok() ? QString() : identity.error().toString()));
        QCOMPARE(identity->role, Role::Viewer);
        QCOMPARE(server.requestCount(), 2);
    }

    void testConcurrentRequestsShareOneJwksFetch() {
        test::JwksTestServer server;
        TestKey key(TestKey::Type::P256, QStringLiteral("ec-concurrent"));
        server.setDocument(jwksDocument({key.publicJwk()}));
        AuthSettings s = settings();
        s.jwksUrl = server.url().toString();
        data::MemoryCache cache;
        Authenticator auth(s, *m_store, cache);
        // Distinct tokens (ES256 signatures are randomised), so no thread finds a session.
        constexpr int Threads = 6;
        QList<QByteArray> tokens;
        for (int i = 0; i < Threads; ++i)
            tokens.append(bearer(signedBy(
                key, header(QStringLiteral("ES256"), QStringLiteral("ec-concurrent")), claims())));
        std::atomic<int> accepted{0};
        std::vector<std::thread> threads;
        for (const QByteArray &token : tokens)
            threads.emplace_back([&auth, &accepted, token] {
                if (auth.authenticate(token).ok())
                    ++accepted;
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(accepted.load(), Threads);
        QCOMPARE(server.requestCount(), 1);
    }

    void testUnreachableJwksIsRefusedWithinTheTimeout() {
        AuthSettings s = settings();
        test::JwksTestServer failing;
        failing.setDocument("oops", 500);
        s.jwksUrl = failing.url().toString();
        data::MemoryCache cache; // no sessions from earlier cases
        Authenticator auth(s, *m_store, cache);
        const auto refused = auth.authenticate(bearer(
            signedBy(*m_rsa, header(QStringLiteral("RS256"), QStringLiteral("rsa-1")), claims())));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        QVERIFY2(refused.error().message.contains(QLatin1StringView("500")),
                 qPrintable(refused.error().toString()));
        // HS256 tokens do not depend on the JWKS.
        QVERIFY(auth.authenticate(bearer(hs256(header(QStringLiteral("HS256")), claims()))).ok());
    }

    void testNoJwksUrlRefusesPublicKeyAlgorithms() {
        AuthSettings s = settings();
        s.jwksUrl.clear();
        Authenticator auth(s, *m_store, *m_cache);
        const auto refused = auth.authenticate(bearer(
            signedBy(*m_ec, header(QStringLiteral("ES256"), QStringLiteral("ec-1")), claims())));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
    }
};

QTEST_GUILESS_MAIN(AuthenticatorTest)
#include "authenticator_test.moc"
