// SPDX-License-Identifier: Apache-2.0
// The Streamable HTTP session table: bounded in number, expiring when idle, bound to the
// subject that opened a session, and merging concurrent requests' changes. Time is passed
// in, so nothing here waits.
#include "mcp_session_table.h"

#include <QTest>

using namespace helios;
using namespace std::chrono_literals;
using server::McpSessionTable;

namespace {

mcp::McpSession sessionNamed(const QString &id)
{
    mcp::McpSession session;
    session.id = id;
    return session;
}

} // namespace

class McpSessionTableTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idsAreLongRandomAndVisibleAscii()
    {
        const QString a = McpSessionTable::newSessionId();
        QCOMPARE(a.size(), 64);
        QVERIFY(a != McpSessionTable::newSessionId());
        for (QChar c : a)
            QVERIFY(c.unicode() >= 0x21 && c.unicode() <= 0x7e);
    }

    void aSessionBelongsToItsSubject()
    {
        McpSessionTable table({4, 1min});
        const auto now = McpSessionTable::Clock::now();
        QVERIFY(table.insert(sessionNamed(QStringLiteral("s")), QStringLiteral("dana"), now));
        QVERIFY(!table.start(QStringLiteral("s"), QStringLiteral("eve"), now));
        QVERIFY(!table.remove(QStringLiteral("s"), QStringLiteral("eve")));
        QVERIFY(table.start(QStringLiteral("s"), QStringLiteral("dana"), now));
        QVERIFY(table.remove(QStringLiteral("s"), QStringLiteral("dana")));
        QVERIFY(!table.start(QStringLiteral("s"), QStringLiteral("dana"), now));
    }

    void anIdleSessionExpires()
    {
        McpSessionTable table({4, 1min});
        const auto now = McpSessionTable::Clock::now();
        QVERIFY(table.insert(sessionNamed(QStringLiteral("s")), QStringLiteral("dana"), now));
        QVERIFY(table.start(QStringLiteral("s"), QStringLiteral("dana"), now + 59s));
        table.finish(QStringLiteral("s"), sessionNamed(QStringLiteral("s")), now + 59s);
        QVERIFY(table.start(QStringLiteral("s"), QStringLiteral("dana"), now + 118s)); // used since: still there
        table.finish(QStringLiteral("s"), sessionNamed(QStringLiteral("s")), now + 118s);
        QVERIFY(!table.start(QStringLiteral("s"), QStringLiteral("dana"), now + 179s));
        QCOMPARE(table.size(), 0);
    }

    void aFullTableEndsTheLeastRecentlyUsedIdleSession()
    {
        McpSessionTable table({2, 1h});
        const auto now = McpSessionTable::Clock::now();
        QVERIFY(table.insert(sessionNamed(QStringLiteral("old")), QStringLiteral("dana"), now));
        QVERIFY(table.insert(sessionNamed(QStringLiteral("busy")), QStringLiteral("dana"), now + 1s));
        QVERIFY(table.start(QStringLiteral("busy"), QStringLiteral("dana"), now + 2s)); // in flight
        QVERIFY(table.insert(sessionNamed(QStringLiteral("new")), QStringLiteral("dana"), now + 3s));
        QCOMPARE(table.size(), 2);
        QVERIFY(!table.start(QStringLiteral("old"), QStringLiteral("dana"), now + 4s));
        QVERIFY(table.start(QStringLiteral("new"), QStringLiteral("dana"), now + 4s)); // now both are busy
        QVERIFY(!table.makeRoom(now + 5s));
        QVERIFY(!table.insert(sessionNamed(QStringLiteral("refused")), QStringLiteral("dana"), now + 5s));
        QCOMPARE(table.size(), 2);
    }

    void concurrentRequestsDoNotUndoEachOther()
    {
        McpSessionTable table({4, 1h});
        const auto now = McpSessionTable::Clock::now();
        QVERIFY(table.insert(sessionNamed(QStringLiteral("s")), QStringLiteral("dana"), now));
        const auto slow = table.start(QStringLiteral("s"), QStringLiteral("dana"), now); // begun before initialized
        auto quick = table.start(QStringLiteral("s"), QStringLiteral("dana"), now);
        QVERIFY(slow && quick);
        quick->initialized = true;
        quick->protocolVersion = QStringLiteral("2025-11-25");
        table.finish(QStringLiteral("s"), *quick, now);
        table.finish(QStringLiteral("s"), *slow, now + 1s); // its older copy arrives last
        const auto after = table.start(QStringLiteral("s"), QStringLiteral("dana"), now + 2s);
        QVERIFY(after);
        QVERIFY(after->initialized);
        QCOMPARE(after->protocolVersion, QStringLiteral("2025-11-25"));
    }
};

QTEST_GUILESS_MAIN(McpSessionTableTest)
#include "mcp_session_table_test.moc"
