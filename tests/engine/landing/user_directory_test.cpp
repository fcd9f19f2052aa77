// SPDX-License-Identifier: Apache-2.0
// Roles in the Store and sessions in the Cache: run against SQLite + the in-process cache
// (user_directory_embedded) and PostgreSQL + Redis (user_directory_real).
#include "backend_under_test.h"

#include "cache/cache.h"
#include "core/config.h"
#include "landing/authenticator.h"
#include "landing/session_cache.h"
#include "landing/token_minter.h"
#include "landing/user_directory.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace helios;
using namespace helios::landing;

#define RESULT_VERIFY(expr)                                                                        \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toString())); \
    } while (false)

namespace {
const QByteArray Secret = QByteArrayLiteral("user-directory-test-secret-0123456789abcdef");
}

class UserDirectoryTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<data::Store> m_store;
    std::unique_ptr<data::Cache> m_cache;
    std::unique_ptr<UserDirectory> m_users;
    QString m_prefix; // runs against a shared server must not see each other's subjects

    QString subject(const char *name) const { return m_prefix + QLatin1StringView(name); }

    QByteArray bearerFor(const QString &who) const {
        return QByteArrayLiteral("Bearer ") +
               mintHs256Token(Secret, who, std::chrono::minutes(10)).value();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const Config config = test::configFor(
            m_dir.path(), {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL")});
        auto store = data::openStore(config);
        RESULT_VERIFY(store);
        m_store = std::move(store).value();
        auto cache = data::openCache(config);
        RESULT_VERIFY(cache);
        m_cache = std::move(cache).value();
        m_users = std::make_unique<UserDirectory>(*m_store, *m_cache);
        m_prefix = QStringLiteral("t%1-").arg(QRandomGenerator::global()->generate64(), 0, 36);
    }

    void cleanupTestCase() {
        if (m_store)
            RESULT_VERIFY(m_store->exec(QStringLiteral("DELETE FROM users WHERE subject LIKE $1"),
                                        {QString(m_prefix + QLatin1Char('%'))}));
        if (m_cache)
            RESULT_VERIFY(m_cache->removePrefix("session-gen:" + m_prefix.toUtf8()));
    }

    void testAddThenReadTheRole_data() {
        QTest::addColumn<int>("role");
        QTest::newRow("a viewer") << int(Role::Viewer);
        QTest::newRow("a developer") << int(Role::Developer);
        QTest::newRow("an admin") << int(Role::Admin);
    }
    void testAddThenReadTheRole() {
        QFETCH(int, role);
        const QString who = m_prefix + QStringLiteral("role-") + roleName(Role(role));
        RESULT_VERIFY(m_users->add(who, Role(role)));
        const auto read = m_users->role(who);
        RESULT_VERIFY(read);
        QCOMPARE(int(*read), role);
    }

    void testAddingTwiceIsAlreadyExists() {
        RESULT_VERIFY(m_users->add(subject("twice"), Role::Viewer));
        const auto again = m_users->add(subject("twice"), Role::Admin);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(m_users->role(subject("twice")).value(), Role::Viewer);
    }

    void testUnknownSubjectsAreNotFound() {
        QCOMPARE(m_users->role(subject("nobody")).error().code, ErrorCode::NotFound);
        QCOMPARE(m_users->setRole(subject("nobody"), Role::Admin).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(m_users->remove(subject("nobody")).error().code, ErrorCode::NotFound);
    }

    void testBadSubjectsAreRefused_data() {
        QTest::addColumn<QString>("who");
        QTest::newRow("an empty subject") << QString();
        QTest::newRow("a subject of 256 characters") << QString(256, QLatin1Char('x'));
        QTest::newRow("a subject with a newline") << QStringLiteral("a\nb");
    }
    void testBadSubjectsAreRefused() {
        QFETCH(QString, who);
        const auto added = m_users->add(who, Role::Viewer);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
    }

    void testTheTableRefusesUnknownRoles() {
        // The CHECK constraint, on both back ends: nothing but the three roles gets in.
        const auto inserted =
            m_store->exec(QStringLiteral("INSERT INTO users (subject, role, created_at, "
                                         "updated_at) VALUES ($1, 'root', '', '')"),
                          {subject("root")});
        QVERIFY(!inserted.ok());
    }

    void testSetRoleListAndRemove() {
        RESULT_VERIFY(m_users->add(subject("b-user"), Role::Viewer));
        RESULT_VERIFY(m_users->add(subject("a-user"), Role::Developer));
        RESULT_VERIFY(m_users->setRole(subject("b-user"), Role::Admin));
        QCOMPARE(m_users->role(subject("b-user")).value(), Role::Admin);

        const auto listed = m_users->list();
        RESULT_VERIFY(listed);
        QList<UserRecord> mine;
        for (const UserRecord &u : *listed) {
            if (u.subject.startsWith(m_prefix) && u.subject.endsWith(QLatin1StringView("-user")))
                mine.append(u);
        }
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine[0].subject, subject("a-user")); // ordered by subject
        QCOMPARE(mine[1].role, Role::Admin);
        QVERIFY(mine[1].createdAt.isValid());
        QCOMPARE(mine[1].createdAt.timeSpec(), Qt::UTC);
        QVERIFY(mine[1].updatedAt >= mine[1].createdAt);

        RESULT_VERIFY(m_users->remove(subject("b-user")));
        QCOMPARE(m_users->role(subject("b-user")).error().code, ErrorCode::NotFound);
    }

    void testARoleChangeEndsTheSessions() {
        const QString who = subject("session-user");
        RESULT_VERIFY(m_users->add(who, Role::Viewer));
        AuthSettings settings;
        settings.hs256Secret = Secret;
        Authenticator auth(settings, *m_store, *m_cache);
        const QByteArray authorization = bearerFor(who);
        QCOMPARE(auth.authenticate(authorization).value().role, Role::Viewer);

        // Changed behind the directory's back, the Store is not asked again: the session
        // answers. This is what makes the cached path observable.
        RESULT_VERIFY(m_store->exec(
            QStringLiteral("UPDATE users SET role = 'admin' WHERE subject = $1"), {who}));
        QCOMPARE(auth.authenticate(authorization).value().role, Role::Viewer);

        // Through the directory the session ends and the new role shows at once.
        RESULT_VERIFY(m_users->setRole(who, Role::Developer));
        QCOMPARE(auth.authenticate(authorization).value().role, Role::Developer);

        RESULT_VERIFY(m_users->remove(who));
        const auto refused = auth.authenticate(authorization);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    }

    void testAStaleReadDuringARoleChangeIsNotRemembered() {
        // A request reads the generation, then (slowly) the old role; meanwhile the role
        // changes. The session it stores must not be served afterwards.
        const QString who = subject("race-user");
        RESULT_VERIFY(m_users->add(who, Role::Admin));
        SessionCache sessions(*m_cache);
        const auto generation = sessions.generation(who);
        RESULT_VERIFY(generation);
        RESULT_VERIFY(m_users->setRole(who, Role::Viewer));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        Identity stale{who, Role::Admin, false, now.addSecs(600)};
        const QByteArray token = "race-token-" + m_prefix.toUtf8();
        RESULT_VERIFY(sessions.remember(token, stale, *generation, now));
        const auto found = sessions.find(token, now);
        RESULT_VERIFY(found);
        QVERIFY(!found->has_value());
    }

    void testAForgottenGenerationEndsTheSessions() {
        const QString who = subject("evicted-user");
        SessionCache sessions(*m_cache);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray token = "evicted-token-" + m_prefix.toUtf8();
        const auto generation = sessions.generation(who);
        RESULT_VERIFY(generation);
        QVERIFY(*generation != 0);
        RESULT_VERIFY(sessions.remember(
            token, Identity{who, Role::Developer, false, now.addSecs(600)}, *generation, now));
        QVERIFY(sessions.find(token, now).value().has_value());

        // The cache may forget the generation (eviction): its sessions must end, and a
        // recreated generation must not revive them.
        QVERIFY(m_cache->remove("session-gen:" + who.toUtf8()).value());
        QVERIFY(!sessions.find(token, now).value().has_value());
        RESULT_VERIFY(sessions.generation(who));
        QVERIFY(!sessions.find(token, now).value().has_value());
    }

    void testSessionsEndWithTheToken() {
        const QString who = subject("short-user");
        SessionCache sessions(*m_cache);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto generation = sessions.generation(who);
        RESULT_VERIFY(generation);
        const QByteArray token = "short-token-" + m_prefix.toUtf8();
        RESULT_VERIFY(sessions.remember(token, Identity{who, Role::Viewer, false, now.addSecs(2)},
                                        *generation, now));
        QVERIFY(sessions.find(token, now).value().has_value());
        // Past the token's exp the session is gone whatever the cache still holds.
        QVERIFY(!sessions.find(token, now.addSecs(3)).value().has_value());
        // An already expired token is not remembered at all.
        const QByteArray expired = "expired-token-" + m_prefix.toUtf8();
        RESULT_VERIFY(sessions.remember(
            expired, Identity{who, Role::Viewer, false, now.addSecs(-1)}, *generation, now));
        const QByteArray key =
            "session:" + QCryptographicHash::hash(expired, QCryptographicHash::Sha256).toHex();
        QVERIFY(!m_cache->get(key).value().has_value());
        QVERIFY(m_cache
                    ->get("session:" +
                          QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex())
                    .value()
                    .has_value());
    }
};

QTEST_GUILESS_MAIN(UserDirectoryTest)
#include "user_directory_test.moc"
