// SPDX-License-Identifier: Apache-2.0
// Cases only the embedded (SQLite) Store has: its file, its pragmas, a damaged file.
#include "backend_under_test.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace helios;
using namespace helios::data;

#define STORE_VERIFY(expr)                                                                                  \
    do {                                                                                                    \
        const auto &storeResult_ = (expr);                                                                  \
        QVERIFY2(storeResult_.ok(), qPrintable(storeResult_.ok() ? QString() : storeResult_.error().toString())); \
    } while (false)

Q_DECLARE_METATYPE(helios::ErrorCode)

class StoreSqliteTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!test::realBackend());
    }

    void testDatabaseIsAWalFileInTheDataDir()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
        auto store = openStore(Config::embedded(dataDir));
        STORE_VERIFY(store);
        const QString file = QDir(dataDir).filePath(QStringLiteral("helios.db"));
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE((*store)->kind(), QStringLiteral("sqlite"));
        QCOMPARE((*store)->location(), file);
        const auto mode = (*store)->query(QStringLiteral("PRAGMA journal_mode"));
        STORE_VERIFY(mode);
        QCOMPARE(mode->rows.constFirst().value(0).toString(), QStringLiteral("wal"));
        const auto foreignKeys = (*store)->query(QStringLiteral("PRAGMA foreign_keys"));
        STORE_VERIFY(foreignKeys);
        QCOMPARE(foreignKeys->rows.constFirst().value(0).toLongLong(), 1);
    }

    void testForeignKeysAreEnforced()
    {
        QTemporaryDir dir;
        auto store = openStore(Config::embedded(dir.path()));
        STORE_VERIFY(store);
        STORE_VERIFY((*store)->exec(QStringLiteral("CREATE TABLE parent (id TEXT PRIMARY KEY)")));
        STORE_VERIFY((*store)->exec(QStringLiteral("CREATE TABLE child (id TEXT PRIMARY KEY, "
                                                   "parent_id TEXT NOT NULL REFERENCES parent(id))")));
        const auto orphan = (*store)->exec(QStringLiteral("INSERT INTO child (id, parent_id) VALUES ($1, $2)"),
                                           {QStringLiteral("c"), QStringLiteral("missing")});
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(orphan.error().message.contains(QLatin1StringView("FOREIGN KEY")), qPrintable(orphan.error().message));
    }

    void testDataSurvivesReopening()
    {
        QTemporaryDir dir;
        {
            auto store = openStore(Config::embedded(dir.path()));
            STORE_VERIFY(store);
            STORE_VERIFY((*store)->exec(
                QStringLiteral("INSERT INTO projects (id, name, path, created_at) VALUES ($1, $2, $3, $4)"),
                {QStringLiteral("p1"), QStringLiteral("One"), QStringLiteral("/p"), QStringLiteral("t")}));
        }
        auto store = openStore(Config::embedded(dir.path()));
        STORE_VERIFY(store);
        const auto rows = (*store)->query(QStringLiteral("SELECT name FROM projects WHERE id = $1"), {QStringLiteral("p1")});
        STORE_VERIFY(rows);
        QCOMPARE(rows->value(0, QStringLiteral("name")).toString(), QStringLiteral("One"));
    }

    void testTwoStoresOnOneFileWaitForEachOther()
    {
        // Two processes on one workspace: WAL and the busy timeout let their writes
        // interleave instead of failing with "database is locked".
        QTemporaryDir dir;
        auto first = openStore(Config::embedded(dir.path()));
        STORE_VERIFY(first);
        auto second = openStore(Config::embedded(dir.path()));
        STORE_VERIFY(second);
        STORE_VERIFY((*first)->exec(QStringLiteral("CREATE TABLE shared (id INTEGER PRIMARY KEY, who TEXT)")));
        constexpr int PerStore = 100;
        QString failures[2];
        Store *stores[2] = {first->get(), second->get()};
        std::vector<std::thread> threads;
        for (int s = 0; s < 2; ++s) {
            threads.emplace_back([&, s] {
                for (int i = 0; i < PerStore; ++i) {
                    const auto done = stores[s]->transaction([&](SqlSession &session) -> Result<void> {
                        HELIOS_TRY(session.exec(QStringLiteral("INSERT INTO shared (id, who) VALUES ($1, $2)"),
                                                {s * PerStore + i, QStringLiteral("store %1").arg(s)}));
                        return {};
                    });
                    if (!done.ok() && failures[s].isEmpty())
                        failures[s] = done.error().toString();
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0]));
        QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1]));
        const auto total = (*second)->query(QStringLiteral("SELECT count(*) FROM shared"));
        STORE_VERIFY(total);
        QCOMPARE(total->rows.constFirst().value(0).toLongLong(), 2 * PerStore);
    }

    void testUnusableDatabasePathIsReported_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a data dir that cannot be created is an Io error")
            << QStringLiteral("data dir is a file") << ErrorCode::Io << QStringLiteral("cannot create");
        QTest::newRow("a directory where the database file belongs is an Io error")
            << QStringLiteral("database is a directory") << ErrorCode::Io << QStringLiteral("directory");
        QTest::newRow("a file that is not a database is Corrupt")
            << QStringLiteral("database is garbage") << ErrorCode::Corrupt << QStringLiteral("not a database");
    }
    void testUnusableDatabasePathIsReported()
    {
        QFETCH(QString, damage);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString dataDir = dir.filePath(QStringLiteral("data"));
        if (damage == QLatin1StringView("data dir is a file")) {
            // Everything runs as root in CI, so permissions cannot make a path
            // unwritable; a file in the way of the directory can.
            QFile blocker(dir.filePath(QStringLiteral("blocker")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
            dataDir = blocker.fileName() + QStringLiteral("/data");
        } else if (damage == QLatin1StringView("database is a directory")) {
            QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/helios.db")));
        } else {
            QVERIFY(QDir().mkpath(dataDir));
            QFile garbage(dataDir + QStringLiteral("/helios.db"));
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            const QByteArray junk = QByteArrayLiteral("this is not a SQLite file, just some text. ");
            for (int i = 0; i < 200; ++i)
                garbage.write(junk);
            garbage.close();
        }
        const auto store = openStore(Config::embedded(dataDir));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, code);
        QVERIFY2(store.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(store.error().toString()));
        QVERIFY2(store.error().context.startsWith(dataDir), qPrintable(store.error().toString()));
    }
};

QTEST_GUILESS_MAIN(StoreSqliteTest)
#include "store_sqlite_test.moc"
