// SPDX-License-Identifier: Apache-2.0
// TokenLibrary: token sets shared through Store, Cache and Bus. The same cases run on the
// embedded back ends (SQLite, in-process LRU and bus) and on PostgreSQL, Redis and NATS.
#include "backend_under_test.h"
#include "bus/bus.h"
#include "cache/cache.h"
#include "slate/token_library.h"
#include "store/store.h"

#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using helios::ErrorCode;
using helios::slate::Diagnostic;
using helios::slate::Diagnostics;
using helios::slate::TokenFile;
using helios::slate::TokenLibrary;

namespace {

template <typename T>
QString errorText(const helios::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

// A small valid set whose red value is `hex`: one colour, an alias to it, a dimension.
QList<TokenFile> validFiles(const QString &hex)
{
    const QByteArray base = "{\n"
                            "  \"color\": {\n"
                            "    \"$type\": \"color\",\n"
                            "    \"red\": { \"$value\": \""
                            + hex.toUtf8()
                            + "\" },\n"
                              "    \"danger\": { \"$value\": \"{color.red}\" }\n"
                              "  },\n"
                              "  \"space\": { \"$type\": \"dimension\", \"sm\": { \"$value\": \"4px\" } }\n"
                              "}\n";
    const QByteArray dark = "{ \"color\": { \"red\": { \"$value\": \"#aa0000\" } } }\n";
    return {TokenFile{QStringLiteral("base.tokens.json"), base}, TokenFile{QStringLiteral("dark.tokens.json"), dark}};
}

struct SeenEvents {
    std::mutex mutex;
    std::vector<helios::data::Event> events;

    std::vector<helios::data::Event> forSubject(const QString &subject)
    {
        std::lock_guard lock(mutex);
        std::vector<helios::data::Event> matching;
        for (const auto &e : events)
            if (e.subject == subject)
                matching.push_back(e);
        return matching;
    }
    int countFor(const QString &subject) { return int(forSubject(subject).size()); }
};

} // namespace

class TokenLibraryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const auto config = helios::test::configFor(
            m_dir.path(), {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL"), QStringLiteral("NATS_URL")});
        auto store = helios::data::openStore(config);
        QVERIFY2(store.ok(), qPrintable(errorText(store)));
        m_store = std::move(store).value();
        auto cache = helios::data::openCache(config);
        QVERIFY2(cache.ok(), qPrintable(errorText(cache)));
        m_cache = std::move(cache).value();
        auto bus = helios::data::openBus(config);
        QVERIFY2(bus.ok(), qPrintable(errorText(bus)));
        m_bus = std::move(bus).value();
        m_library = std::make_unique<TokenLibrary>(*m_store, *m_cache, *m_bus);

        auto subscription = m_bus->subscribe({QStringLiteral("token.updated"), {}}, [this](const auto &event) {
            std::lock_guard lock(m_seen.mutex);
            m_seen.events.push_back(event);
            return true;
        });
        QVERIFY2(subscription.ok(), qPrintable(errorText(subscription)));
        m_subscription = std::move(subscription).value();

        // Runs against shared servers must not see each other's sets.
        m_run = QStringLiteral("test-") + QString::number(QRandomGenerator::global()->generate64(), 36);
    }

    void cleanupTestCase()
    {
        m_subscription.reset();
        if (m_store)
            QVERIFY(m_store->exec(QStringLiteral("DELETE FROM token_sets WHERE name LIKE $1"),
                                  {QString(m_run + QStringLiteral("/%"))})
                        .ok());
        if (m_cache)
            QVERIFY(m_cache->removePrefix(TokenLibrary::cacheKeyPrefix() + m_run.toUtf8()).ok());
    }

    void testBackendsAreTheOnesUnderTest()
    {
        const bool real = helios::test::realBackend();
        QCOMPARE(m_store->kind(), real ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        QCOMPARE(m_cache->kind(), real ? QStringLiteral("redis") : QStringLiteral("memory"));
        QCOMPARE(m_bus->kind(), real ? QStringLiteral("nats") : QStringLiteral("memory"));
    }

    void testPublishedVersionsReadBack()
    {
        const QString name = setName(QStringLiteral("brand"));
        const auto first = m_library->publish(name, validFiles(QStringLiteral("#ff0000")), QStringLiteral("ada"));
        QVERIFY2(first.ok(), qPrintable(errorText(first)));
        QVERIFY(first->created);
        QCOMPARE(first->info.version, 1);
        QCOMPARE(first->info.tokenCount, 3);
        QCOMPARE(first->info.contentSha256.size(), 64);
        QVERIFY(first->eventProblem.isEmpty());

        const auto second = m_library->publish(name, validFiles(QStringLiteral("#ee0000")), QStringLiteral("grace"));
        QVERIFY2(second.ok(), qPrintable(errorText(second)));
        QCOMPARE(second->info.version, 2);
        QVERIFY(second->info.contentSha256 != first->info.contentSha256);

        const auto latest = m_library->latest(name);
        QVERIFY2(latest.ok(), qPrintable(errorText(latest)));
        QCOMPARE(latest->info, second->info);
        QCOMPARE(latest->files, validFiles(QStringLiteral("#ee0000")));

        const auto v1 = m_library->version(name, 1);
        QVERIFY2(v1.ok(), qPrintable(errorText(v1)));
        QCOMPARE(v1->info, first->info);
        QCOMPARE(v1->info.author, QStringLiteral("ada"));
        QCOMPARE(v1->files, validFiles(QStringLiteral("#ff0000")));

        const auto all = m_library->versions(name);
        QVERIFY2(all.ok(), qPrintable(errorText(all)));
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0), first->info);
        QCOMPARE(all->at(1), second->info);

        const auto sets = m_library->list();
        QVERIFY2(sets.ok(), qPrintable(errorText(sets)));
        bool listed = false;
        for (const auto &info : *sets)
            if (info.name == name) {
                listed = true;
                QCOMPARE(info, second->info);
            }
        QVERIFY(listed);
    }

    void testRepublishingTheSameFilesChangesNothing()
    {
        const QString name = setName(QStringLiteral("same"));
        const auto first = m_library->publish(name, validFiles(QStringLiteral("#00ff00")), QStringLiteral("ada"));
        QVERIFY2(first.ok(), qPrintable(errorText(first)));
        const auto again = m_library->publish(name, validFiles(QStringLiteral("#00ff00")), QStringLiteral("bob"));
        QVERIFY2(again.ok(), qPrintable(errorText(again)));
        QVERIFY(!again->created);
        QCOMPARE(again->info, first->info);
        QCOMPARE(m_library->versions(name)->size(), 1);
    }

    void testTokensWithErrorsAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::newRow("an alias to a token that does not exist is refused")
            << QByteArray(R"({"c": {"$type": "color", "a": {"$value": "{c.missing}"}}})")
            << int(Diagnostic::Kind::MissingAliasTarget);
        QTest::newRow("a file that is not JSON is refused")
            << QByteArray(R"({"c": {"$type": "color", )") << int(Diagnostic::Kind::MalformedJson);
        QTest::newRow("a colour that is not a colour is refused")
            << QByteArray(R"({"c": {"$type": "color", "a": {"$value": "not a colour"}}})")
            << int(Diagnostic::Kind::BadValue);
        QTest::newRow("aliases that form a cycle are refused")
            << QByteArray(R"({"c": {"$type": "color", "a": {"$value": "{c.b}"}, "b": {"$value": "{c.a}"}}})")
            << int(Diagnostic::Kind::AliasCycle);
    }
    void testTokensWithErrorsAreRefusedAndNothingIsStored()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        const QString name = setName(QStringLiteral("bad-") + QString::number(kind));
        const int eventsBefore = m_seen.countFor(name);

        Diagnostics diagnostics;
        const auto refused =
            m_library->publish(name, {TokenFile{QStringLiteral("bad.tokens.json"), bytes}}, QStringLiteral("ada"),
                               &diagnostics);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.contains(QLatin1StringView("bad.tokens.json")),
                 qPrintable(refused.error().message));
        bool found = false;
        for (const Diagnostic &d : diagnostics)
            found = found || (d.isError() && int(d.kind) == kind);
        QVERIFY2(found, qPrintable(refused.error().message));

        QCOMPARE(m_library->latest(name).error().code, ErrorCode::NotFound);
        QVERIFY(m_library->versions(name)->isEmpty());
        const auto rows = m_store->query(QStringLiteral("SELECT COUNT(*) FROM token_sets WHERE name = $1"), {name});
        QVERIFY2(rows.ok(), qPrintable(errorText(rows)));
        QCOMPARE(rows->rows.constFirst().value(0).toInt(), 0);
        QTest::qWait(100);
        QCOMPARE(m_seen.countFor(name), eventsBefore);
    }

    void testAFailedPublishKeepsTheLatestVersion()
    {
        const QString name = setName(QStringLiteral("kept"));
        QVERIFY(m_library->publish(name, validFiles(QStringLiteral("#123456")), QStringLiteral("ada")).ok());
        const auto refused = m_library->publish(
            name, {TokenFile{QStringLiteral("x.json"), QByteArray(R"({"a": {"$value": "{nope}"}})")}},
            QStringLiteral("ada"));
        QVERIFY(!refused.ok());
        QCOMPARE(m_library->latest(name)->info.version, 1);
    }

    void testInvalidNamesAndMissingSetsAreReported_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("code");
        QTest::newRow("an empty name is an invalid argument") << QString() << 0 << int(ErrorCode::InvalidArgument);
        QTest::newRow("a name with a colon is an invalid argument")
            << QStringLiteral("a:b") << 0 << int(ErrorCode::InvalidArgument);
        QTest::newRow("version 0 is an invalid argument") << setName(QStringLiteral("x")) << -1
                                                          << int(ErrorCode::InvalidArgument);
        QTest::newRow("a set never published is not found") << setName(QStringLiteral("never")) << 0
                                                            << int(ErrorCode::NotFound);
        QTest::newRow("a version never published is not found")
            << setName(QStringLiteral("never")) << 7 << int(ErrorCode::NotFound);
    }
    void testInvalidNamesAndMissingSetsAreReported()
    {
        QFETCH(QString, name);
        QFETCH(int, version);
        QFETCH(int, code);
        const auto read = version == 0 ? m_library->latest(name) : m_library->version(name, std::max(version, 0));
        QVERIFY(!read.ok());
        QCOMPARE(int(read.error().code), code);
    }

    void testANewVersionIsAnnouncedOnceWithItsData()
    {
        const QString name = setName(QStringLiteral("announced"));
        const auto published = m_library->publish(name, validFiles(QStringLiteral("#0000ff")), QStringLiteral("ada"));
        QVERIFY2(published.ok(), qPrintable(errorText(published)));
        QTRY_COMPARE_WITH_TIMEOUT(m_seen.countFor(name), 1, 10000);
        const helios::data::Event event = m_seen.forSubject(name).front();
        QCOMPARE(event.type, QStringLiteral("token.updated"));
        QCOMPARE(event.source, QStringLiteral("/helios/slate"));
        QVERIFY(!event.id.isEmpty());
        QCOMPARE(event.data.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(event.data.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(event.data.value(QStringLiteral("tokenCount")).toInt(), 3);

        // The same files again: no version, so nothing to announce.
        QVERIFY(!m_library->publish(name, validFiles(QStringLiteral("#0000ff")), QStringLiteral("ada"))->created);
        QTest::qWait(500);
        QCOMPARE(m_seen.countFor(name), 1);

        QVERIFY(m_library->publish(name, validFiles(QStringLiteral("#0000fe")), QStringLiteral("ada"))->created);
        QTRY_COMPARE_WITH_TIMEOUT(m_seen.countFor(name), 2, 10000);
        QCOMPARE(m_seen.forSubject(name).back().data.value(QStringLiteral("version")).toInt(), 2);
    }

    void testReadsAreServedFromTheCacheUntilInvalidated()
    {
        const QString name = setName(QStringLiteral("cached"));
        const QList<TokenFile> original = validFiles(QStringLiteral("#abcdef"));
        QVERIFY(m_library->publish(name, original, QStringLiteral("ada")).ok());
        QCOMPARE(m_library->latest(name)->files, original); // fills the "latest" entry

        // Change the row behind the library's back.
        const QList<TokenFile> changed = validFiles(QStringLiteral("#fedcba"));
        const QString content = QStringLiteral("{\"files\":[{\"name\":\"changed.json\",\"text\":\"{}\"}]}");
        const auto updated = m_store->exec(
            QStringLiteral("UPDATE token_sets SET content = $1 WHERE name = $2 AND version = 1"), {content, name});
        QVERIFY2(updated.ok(), qPrintable(errorText(updated)));
        QCOMPARE(*updated, qint64(1));

        QCOMPARE(m_library->latest(name)->files, original);
        QCOMPARE(m_library->version(name, 1)->files, original);

        m_library->invalidate(name);
        const QList<TokenFile> now{TokenFile{QStringLiteral("changed.json"), QByteArray("{}")}};
        QCOMPARE(m_library->latest(name)->files, now);
        QCOMPARE(m_library->version(name, 1)->files, now);
        Q_UNUSED(changed);
    }

    void testAnUnreadableCacheEntryFallsBackToTheStore()
    {
        const QString name = setName(QStringLiteral("garbled"));
        const QList<TokenFile> files = validFiles(QStringLiteral("#111111"));
        QVERIFY(m_library->publish(name, files, QStringLiteral("ada")).ok());
        const QByteArray key = TokenLibrary::cacheKeyPrefix() + name.toUtf8() + ":v:1";
        QVERIFY(m_cache->set(key, "not json").ok());
        const auto read = m_library->version(name, 1);
        QVERIFY2(read.ok(), qPrintable(errorText(read)));
        QCOMPARE(read->files, files);
    }

    void testConcurrentPublishersGetConsecutiveVersions()
    {
        const QString name = setName(QStringLiteral("race"));
        constexpr int Threads = 2;
        constexpr int PerThread = 12;
        std::mutex mutex;
        QList<int> versions;
        QStringList failures;
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    const QString hex = QStringLiteral("#%1").arg(t * 256 + i, 6, 16, QLatin1Char('0'));
                    const auto published = m_library->publish(name, validFiles(hex), QStringLiteral("t%1").arg(t));
                    std::lock_guard lock(mutex);
                    if (!published.ok())
                        failures.append(published.error().toString());
                    else if (!published->created)
                        failures.append(QStringLiteral("distinct files were taken as unchanged"));
                    else
                        versions.append(published->info.version);
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        std::sort(versions.begin(), versions.end());
        QList<int> expected;
        for (int v = 1; v <= Threads * PerThread; ++v)
            expected.append(v);
        QCOMPARE(versions, expected);

        const auto stored = m_library->versions(name);
        QVERIFY2(stored.ok(), qPrintable(errorText(stored)));
        QList<int> storedVersions;
        for (const auto &info : *stored)
            storedVersions.append(info.version);
        QCOMPARE(storedVersions, expected);
        QCOMPARE(m_library->latest(name)->info.version, Threads * PerThread);
        QTRY_COMPARE_WITH_TIMEOUT(m_seen.countFor(name), Threads * PerThread, 10000);
    }

private:
    QString setName(const QString &suffix) const { return m_run + QLatin1Char('/') + suffix; }

    QTemporaryDir m_dir;
    QString m_run;
    std::unique_ptr<helios::data::Store> m_store;
    std::unique_ptr<helios::data::Cache> m_cache;
    std::unique_ptr<helios::data::Bus> m_bus;
    std::unique_ptr<TokenLibrary> m_library;
    SeenEvents m_seen;
    std::unique_ptr<helios::data::Subscription> m_subscription;
};

QTEST_GUILESS_MAIN(TokenLibraryTest)
#include "token_library_test.moc"
