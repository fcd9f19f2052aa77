// SPDX-License-Identifier: Apache-2.0
// The identity local commands act as: the OS user, admin unless the users table says
// otherwise.
#include "waypoint/waypoint_service.h"

#include "backend_under_test.h"
#include "core/config.h"
#include "core/ids.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace helios;

class LocalIdentityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anUnknownOsUserIsAdmin();
    void theUsersTableDecidesTheRole();
};

void LocalIdentityTest::anUnknownOsUserIsAdmin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = data::openStore(test::configFor(dir.path(), {}));
    QVERIFY(store.ok());
    const QString subject = QStringLiteral("os-user-") + newId();
    qputenv("USER", subject.toUtf8());
    const landing::Identity identity = waypoint::localIdentity(**store);
    QCOMPARE(identity.subject, subject);
    QCOMPARE(identity.role, landing::Role::Admin);
    QVERIFY(!identity.anonymous);
}

void LocalIdentityTest::theUsersTableDecidesTheRole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = data::openStore(test::configFor(dir.path(), {}));
    QVERIFY(store.ok());
    const QString subject = QStringLiteral("os-user-") + newId();
    QVERIFY((*store)->exec(QStringLiteral("INSERT INTO users (subject, role, created_at, updated_at)"
                                          " VALUES ($1, 'developer', $2, $2)"),
                           {subject, nowUtc()})
                .ok());
    qputenv("USER", subject.toUtf8());
    QCOMPARE(waypoint::localIdentity(**store).role, landing::Role::Developer);
}

QTEST_GUILESS_MAIN(LocalIdentityTest)
#include "local_identity_test.moc"
