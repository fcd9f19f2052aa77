// SPDX-License-Identifier: Apache-2.0
// The Store contract: every case runs unchanged against SQLite (store_contract_sqlite)
// and PostgreSQL (store_contract_postgresql).
#include "backend_under_test.h"
#include "store/migrations.h"
#include "store/store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace helios;
using namespace helios::data;

// Fails the test with the error's text when a Result is not ok.
#define STORE_VERIFY(expr)                                                                                  \
    do {                                                                                                    \
        const auto &storeResult_ = (expr);                                                                  \
        QVERIFY2(storeResult_.ok(), qPrintable(storeResult_.ok() ? QString() : storeResult_.error().toString())); \
    } while (false)

namespace {
enum class Ending { Commit, WorkFails, StatementFails, FailureIgnored };
}
Q_DECLARE_METATYPE(helios::ErrorCode)
Q_DECLARE_METATYPE(Ending)

namespace {

qint64 scalar(const Result<Rows> &rows)
{
    return rows.ok() && !rows->isEmpty() ? rows->rows.constFirst().value(0).toLongLong() : -1;
}

// Compares a value read back with the one written. A boolean may come back as an integer
// (SQLite has none), so booleans compare by truth.
bool sameValue(const QVariant &actual, const QVariant &expected, QString *why)
{
    bool same = false;
    if (expected.isNull())
        same = actual.isNull();
    else if (expected.typeId() == QMetaType::Bool)
        same = !actual.isNull() && actual.toBool() == expected.toBool();
    else
        same = actual.typeId() == expected.typeId() && actual == expected;
    if (!same)
        *why = QStringLiteral("read back %1 (%2), wrote %3 (%4)")
                   .arg(actual.toString().left(80), QString::fromLatin1(actual.typeName()),
                        expected.toString().left(80), QString::fromLatin1(expected.typeName()));
    return same;
}

} // namespace

class StoreContractTest : public QObject {
    Q_OBJECT

private:
    Config config(const QString &dir) const
    {
        return test::configFor(dir, {QStringLiteral("DATABASE_URL"), QStringLiteral("DATABASE_REPLICA_URL")});
    }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        return scalar(m_store->query(sql, params));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto opened = openStore(config(m_dir.path()));
        STORE_VERIFY(opened);
        m_store = std::move(*opened);
    }

    void init()
    {
        // The real database outlives a run: every case starts from fresh tables.
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_items")));
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_counter")));
        // BYTEA has no meaning to SQLite but leaves blobs untouched there, so one
        // definition serves both back ends.
        STORE_VERIFY(m_store->exec(QStringLiteral("CREATE TABLE contract_items (id BIGINT PRIMARY KEY, label TEXT, "
                                                  "amount DOUBLE PRECISION, data BYTEA, flag BOOLEAN)")));
        STORE_VERIFY(m_store->exec(
            QStringLiteral("CREATE TABLE contract_counter (name TEXT PRIMARY KEY, n BIGINT NOT NULL)")));
        STORE_VERIFY(m_store->exec(QStringLiteral("INSERT INTO contract_counter (name, n) VALUES ($1, $2)"),
                                   {QStringLiteral("c"), 0}));
    }

    void cleanupTestCase()
    {
        if (!m_store)
            return;
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_items")));
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_counter")));
        m_store.reset();
    }

    void testMigrationsAreAppliedAtOpen()
    {
        QVERIFY(latestSchemaVersion() >= 1);
        const auto version = m_store->schemaVersion();
        STORE_VERIFY(version);
        QCOMPARE(*version, latestSchemaVersion());
        const auto applied =
            m_store->query(QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
        STORE_VERIFY(applied);
        QCOMPARE(applied->rows.size(), migrations().size());
        for (qsizetype i = 0; i < migrations().size(); ++i) {
            QCOMPARE(applied->rows.at(i).value(0).toInt(), migrations().at(i).version);
            QCOMPARE(applied->rows.at(i).value(1).toString(), QString::fromUtf8(migrations().at(i).name));
            QVERIFY(!applied->rows.at(i).value(2).toString().isEmpty());
        }
        // The first migration's tables take the rows the product writes first.
        const QString id = QStringLiteral("contract-project");
        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM projects WHERE id = $1"), {id}));
        STORE_VERIFY(m_store->exec(
            QStringLiteral("INSERT INTO projects (id, name, path, template, created_at) VALUES ($1, $2, $3, $4, $5)"),
            {id, QStringLiteral("Ünïcode project"), QStringLiteral("/tmp/p"), QStringLiteral("blank"),
             QStringLiteral("2026-01-01T00:00:00.000Z")}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE id = $1"), {id}), 1);
        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM projects WHERE id = $1"), {id}));

        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM token_sets WHERE name = $1"), {id}));
        const QString insertTokens =
            QStringLiteral("INSERT INTO token_sets (name, version, content, created_at) VALUES ($1, $2, $3, $4)");
        STORE_VERIFY(m_store->exec(insertTokens, {id, 1, QStringLiteral("{}"), QStringLiteral("now")}));
        const auto duplicate = m_store->exec(insertTokens, {id, 1, QStringLiteral("{}"), QStringLiteral("now")});
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, ErrorCode::AlreadyExists);
        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM token_sets WHERE name = $1"), {id}));

        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM events_seen WHERE consumer = $1"), {id}));
        STORE_VERIFY(m_store->exec(QStringLiteral("INSERT INTO events_seen (consumer, event_id) VALUES ($1, $2)"),
                                   {id, QStringLiteral("e1")}));
        STORE_VERIFY(m_store->exec(QStringLiteral("DELETE FROM events_seen WHERE consumer = $1"), {id}));
    }

    void testReopeningAppliesNothing()
    {
        const QString listing = QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        const auto before = m_store->query(listing);
        STORE_VERIFY(before);
        {
            auto again = openStore(config(m_dir.path()));
            STORE_VERIFY(again);
            const auto version = (*again)->schemaVersion();
            STORE_VERIFY(version);
            QCOMPARE(*version, latestSchemaVersion());
        }
        const auto after = m_store->query(listing);
        STORE_VERIFY(after);
        QCOMPARE(after->rows, before->rows);
    }

    void testConcurrentStartersApplyEachMigrationOnce()
    {
        QTemporaryDir fresh;
        QVERIFY(fresh.isValid());
        constexpr int Starters = 4;
        std::vector<std::thread> threads;
        std::vector<QString> failures(Starters);
        for (int i = 0; i < Starters; ++i) {
            threads.emplace_back([&, i] {
                auto store = openStore(config(fresh.path()));
                if (!store.ok())
                    failures[i] = store.error().toString();
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const QString &failure : failures)
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto store = openStore(config(fresh.path()));
        STORE_VERIFY(store);
        const auto rows = (*store)->query(QStringLiteral("SELECT count(*), COUNT(DISTINCT version) FROM schema_migrations"));
        STORE_VERIFY(rows);
        QCOMPARE(rows->rows.constFirst().value(0).toLongLong(), qint64(migrations().size()));
        QCOMPARE(rows->rows.constFirst().value(1).toLongLong(), qint64(migrations().size()));
    }

    void testParameterBinding_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QByteArray megabyte(1024 * 1024, '\0');
        for (qsizetype i = 0; i < megabyte.size(); ++i)
            megabyte[i] = char(i * 7 % 251);
        QTest::newRow("a null is stored as SQL NULL") << QStringLiteral("label") << QVariant();
        QTest::newRow("an empty string is not null") << QStringLiteral("label") << QVariant(QString(QLatin1StringView("")));
        QTest::newRow("a 64-bit integer keeps every digit") << QStringLiteral("id") << QVariant(qint64(9007199254740993LL));
        QTest::newRow("a negative integer stays negative") << QStringLiteral("id") << QVariant(qint64(-42));
        QTest::newRow("a double keeps its value") << QStringLiteral("amount") << QVariant(3.141592653589793);
        QTest::newRow("unicode text survives") << QStringLiteral("label") << QVariant(QStringLiteral("Grüße, 世界 🌞 — naïve"));
        QTest::newRow("quotes and backslashes are plain characters")
            << QStringLiteral("label") << QVariant(QStringLiteral("it's \"quoted\" \\ and $1 ?"));
        QTest::newRow("an injection attempt is stored as text")
            << QStringLiteral("label") << QVariant(QStringLiteral("x'); DROP TABLE contract_items; --"));
        QTest::newRow("bytes with zeros and high bits survive")
            << QStringLiteral("data") << QVariant(QByteArray("\x00\x01\xff\x7f\x80 \\x00", 10));
        QTest::newRow("a megabyte of bytes survives") << QStringLiteral("data") << QVariant(megabyte);
        QTest::newRow("true is stored as true") << QStringLiteral("flag") << QVariant(true);
        QTest::newRow("false is stored as false") << QStringLiteral("flag") << QVariant(false);
    }
    void testParameterBinding()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        const bool isKey = column == QLatin1StringView("id");
        const QVariant id = isKey ? value : QVariant(qint64(1));
        const QString insert = isKey ? QStringLiteral("INSERT INTO contract_items (id) VALUES ($1)")
                                     : QStringLiteral("INSERT INTO contract_items (id, %1) VALUES ($1, $2)").arg(column);
        const auto inserted = m_store->exec(insert, isKey ? QVariantList{id} : QVariantList{id, value});
        STORE_VERIFY(inserted);
        QCOMPARE(*inserted, 1);

        const auto read = m_store->query(QStringLiteral("SELECT %1 FROM contract_items WHERE id = $1").arg(column), {id});
        STORE_VERIFY(read);
        QCOMPARE(read->rows.size(), 1);
        QCOMPARE(read->columns, QStringList{column});
        QString why;
        QVERIFY2(sameValue(read->value(0, column), value, &why), qPrintable(why));

        // A bare parameter comes back with the type it was bound with.
        const auto echoed = m_store->query(QStringLiteral("SELECT $1 AS echoed"), {value});
        STORE_VERIFY(echoed);
        QVERIFY2(sameValue(echoed->value(0, QStringLiteral("echoed")), value, &why), qPrintable(why));

        // The value also matches in a WHERE clause, and nothing was spliced into the SQL.
        const QString match = value.isNull() ? QStringLiteral("SELECT count(*) FROM contract_items WHERE %1 IS NULL")
                                             : QStringLiteral("SELECT count(*) FROM contract_items WHERE %1 = $1");
        QCOMPARE(count(match.arg(column), value.isNull() ? QVariantList{} : QVariantList{value}), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_items")), 1);
    }

    void testValuesAreNeverSpliced()
    {
        STORE_VERIFY(m_store->exec(QStringLiteral("INSERT INTO contract_items (id, label) VALUES ($1, $2), ($3, $4)"),
                                   {1, QStringLiteral("alice"), 2, QStringLiteral("bob")}));
        const auto rows = m_store->query(QStringLiteral("SELECT id FROM contract_items WHERE label = $1"),
                                         {QStringLiteral("nobody' OR '1'='1")});
        STORE_VERIFY(rows);
        QVERIFY(rows->isEmpty());
        const auto changed = m_store->exec(QStringLiteral("DELETE FROM contract_items WHERE label = $1"),
                                           {QStringLiteral("x' OR 'a'='a")});
        STORE_VERIFY(changed);
        QCOMPARE(*changed, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_items")), 2);
    }

    void testExecReturnsRowsChanged_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QVariantList>("params");
        QTest::addColumn<qint64>("changed");
        QTest::newRow("an update matching two rows reports two")
            << QStringLiteral("UPDATE contract_items SET label = $1 WHERE id >= $2")
            << QVariantList{QStringLiteral("x"), 2} << qint64(2);
        QTest::newRow("an update matching nothing reports zero")
            << QStringLiteral("UPDATE contract_items SET label = $1 WHERE id = $2")
            << QVariantList{QStringLiteral("x"), 99} << qint64(0);
        QTest::newRow("a delete of every row reports three")
            << QStringLiteral("DELETE FROM contract_items") << QVariantList{} << qint64(3);
        QTest::newRow("a two-row insert reports two")
            << QStringLiteral("INSERT INTO contract_items (id) VALUES ($1), ($2)") << QVariantList{10, 11} << qint64(2);
        QTest::newRow("creating a table reports zero")
            << QStringLiteral("CREATE TABLE contract_scratch (x INTEGER)") << QVariantList{} << qint64(0);
    }
    void testExecReturnsRowsChanged()
    {
        QFETCH(QString, sql);
        QFETCH(QVariantList, params);
        QFETCH(qint64, changed);
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_scratch")));
        for (int id = 1; id <= 3; ++id)
            STORE_VERIFY(m_store->exec(QStringLiteral("INSERT INTO contract_items (id) VALUES ($1)"), {id}));
        const auto result = m_store->exec(sql, params);
        STORE_VERIFY(result);
        QCOMPARE(*result, changed);
        STORE_VERIFY(m_store->exec(QStringLiteral("DROP TABLE IF EXISTS contract_scratch")));
    }

    void testTransactions_data()
    {
        QTest::addColumn<Ending>("ending");
        QTest::addColumn<bool>("committed");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("work that succeeds is committed") << Ending::Commit << true << ErrorCode::Internal;
        QTest::newRow("work that returns an error is rolled back and the error passed on")
            << Ending::WorkFails << false << ErrorCode::NotFound;
        QTest::newRow("a failing statement rolls the transaction back")
            << Ending::StatementFails << false << ErrorCode::AlreadyExists;
        QTest::newRow("a failed statement rolls back even if the work ignores it")
            << Ending::FailureIgnored << false << ErrorCode::AlreadyExists;
    }
    void testTransactions()
    {
        QFETCH(Ending, ending);
        QFETCH(bool, committed);
        QFETCH(ErrorCode, code);
        const QString insert = QStringLiteral("INSERT INTO contract_items (id, label) VALUES ($1, $2)");
        const QString givingUp = QStringLiteral("the work gave up");
        qint64 seenInside = -1;
        const auto outcome = m_store->transaction([&](SqlSession &session) -> Result<void> {
            HELIOS_TRY(session.exec(insert, {1, QStringLiteral("first")}));
            HELIOS_TRY(session.exec(QStringLiteral("UPDATE contract_counter SET n = n + 1 WHERE name = $1"),
                                    {QStringLiteral("c")}));
            seenInside = scalar(session.query(QStringLiteral("SELECT count(*) FROM contract_items")));
            switch (ending) {
            case Ending::Commit:
                return {};
            case Ending::WorkFails:
                return makeError(ErrorCode::NotFound, givingUp, QStringLiteral("the test"));
            case Ending::StatementFails:
                HELIOS_TRY(session.exec(insert, {1, QStringLiteral("duplicate")}));
                return {};
            case Ending::FailureIgnored: {
                const auto ignored = session.exec(insert, {1, QStringLiteral("duplicate")});
                Q_UNUSED(ignored);
                return {};
            }
            }
            return {};
        });
        QCOMPARE(seenInside, 1); // a transaction reads its own writes
        QCOMPARE(outcome.ok(), committed);
        if (!committed) {
            QCOMPARE(outcome.error().code, code);
            if (ending == Ending::WorkFails) {
                QCOMPARE(outcome.error().message, givingUp);
                QCOMPARE(outcome.error().context, QStringLiteral("the test"));
            }
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_items")), committed ? 1 : 0);
        QCOMPARE(count(QStringLiteral("SELECT n FROM contract_counter WHERE name = $1"), {QStringLiteral("c")}),
                 committed ? 1 : 0);
        // The store is usable afterwards: no transaction was left open.
        STORE_VERIFY(m_store->exec(insert, {2, QStringLiteral("after")}));
        STORE_VERIFY(m_store->transaction([&](SqlSession &session) -> Result<void> {
            HELIOS_TRY(session.exec(insert, {3, QStringLiteral("next transaction")}));
            return {};
        }));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_items WHERE id >= $1"), {2}), 2);
    }

    void testConcurrentUseLosesNoWrites()
    {
        constexpr int Threads = 8;
        constexpr int PerThread = 25;
        constexpr int TransactionEvery = 5;
        std::mutex failureMutex;
        QStringList failures;
        auto fail = [&](const Error &error) {
            std::lock_guard lock(failureMutex);
            failures << error.toString();
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    const qint64 id = qint64(t) * 1000 + i;
                    const auto inserted = m_store->exec(
                        QStringLiteral("INSERT INTO contract_items (id, label, amount) VALUES ($1, $2, $3)"),
                        {id, QStringLiteral("thread %1").arg(t), double(i) / 2});
                    if (!inserted.ok())
                        fail(inserted.error());
                    const auto read = m_store->query(QStringLiteral("SELECT label FROM contract_items WHERE id = $1"),
                                                     {id});
                    if (!read.ok())
                        fail(read.error());
                    else if (read->rows.size() != 1)
                        fail(makeError(ErrorCode::NotFound, QStringLiteral("own write %1 not read back").arg(id)));
                    // Analytics reads may lag the primary, so they read what the
                    // migrations wrote long ago, not this test's rows.
                    const auto analytics = m_store->query(QStringLiteral("SELECT count(*) FROM schema_migrations"), {},
                                                          ReadFrom::Analytics);
                    if (!analytics.ok())
                        fail(analytics.error());
                    if (i % TransactionEvery != 0)
                        continue;
                    // A read and an increment in one transaction: a lost update would
                    // show in the final count.
                    const auto incremented = m_store->transaction([](SqlSession &session) -> Result<void> {
                        const auto current = session.query(QStringLiteral("SELECT n FROM contract_counter WHERE name = $1"),
                                                           {QStringLiteral("c")});
                        if (!current.ok())
                            return current.error();
                        const auto changed = session.exec(
                            QStringLiteral("UPDATE contract_counter SET n = n + 1 WHERE name = $1"), {QStringLiteral("c")});
                        if (!changed.ok())
                            return changed.error();
                        if (*changed != 1)
                            return makeError(ErrorCode::Internal, QStringLiteral("the counter row is missing"));
                        return {};
                    });
                    if (!incremented.ok())
                        fail(incremented.error());
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_items")), Threads * PerThread);
        const qint64 increments = Threads * ((PerThread + TransactionEvery - 1) / TransactionEvery);
        QCOMPARE(count(QStringLiteral("SELECT n FROM contract_counter WHERE name = $1"), {QStringLiteral("c")}), increments);
    }

    void testStatementErrors_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QVariantList>("params");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a syntax error names the problem")
            << QStringLiteral("SELEC 1") << QVariantList{} << ErrorCode::InvalidArgument << QStringLiteral("syntax error");
        QTest::newRow("a missing table is named")
            << QStringLiteral("SELECT * FROM contract_no_such_table") << QVariantList{} << ErrorCode::InvalidArgument
            << QStringLiteral("contract_no_such_table");
        QTest::newRow("too few values for the placeholders is refused")
            << QStringLiteral("SELECT $1 + $2") << QVariantList{1} << ErrorCode::InvalidArgument
            << QStringLiteral("parameters");
        QTest::newRow("a duplicate key is AlreadyExists")
            << QStringLiteral("INSERT INTO contract_items (id) VALUES ($1)") << QVariantList{7}
            << ErrorCode::AlreadyExists << QString();
        QTest::newRow("a missing NOT NULL value is the caller's mistake")
            << QStringLiteral("INSERT INTO contract_counter (name) VALUES ($1)") << QVariantList{QStringLiteral("z")}
            << ErrorCode::InvalidArgument << QString();
    }
    void testStatementErrors()
    {
        QFETCH(QString, sql);
        QFETCH(QVariantList, params);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        STORE_VERIFY(m_store->exec(QStringLiteral("INSERT INTO contract_items (id) VALUES ($1)"), {7}));
        const auto viaExec = m_store->exec(sql, params);
        QVERIFY(!viaExec.ok());
        QCOMPARE(viaExec.error().code, code);
        QVERIFY2(viaExec.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(viaExec.error().message));
        QVERIFY(!viaExec.error().context.isEmpty());
        const auto viaQuery = m_store->query(sql, params);
        QVERIFY(!viaQuery.ok());
        QCOMPARE(viaQuery.error().code, code);
        STORE_VERIFY(m_store->ping()); // the failure did not break the store
    }

    void testStatusDoesNotLeakSecrets()
    {
        STORE_VERIFY(m_store->ping());
        QVERIFY(!m_store->kind().isEmpty());
        QVERIFY(!m_store->location().isEmpty());
        const QString url = config(m_dir.path()).databaseUrl();
        if (!url.isEmpty()) {
            const QString password = QUrl(url).password();
            QVERIFY(!password.isEmpty());
            QVERIFY2(!m_store->location().contains(password), qPrintable(m_store->location()));
        }
        const auto analytics = m_store->query(QStringLiteral("SELECT 1 AS one"), {}, ReadFrom::Analytics);
        STORE_VERIFY(analytics);
        QCOMPARE(analytics->value(0, QStringLiteral("one")).toLongLong(), 1);
    }
};

QTEST_GUILESS_MAIN(StoreContractTest)
#include "store_contract_test.moc"
