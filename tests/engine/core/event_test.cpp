// SPDX-License-Identifier: Apache-2.0
#include "bus/event.h"

#include <QTest>

using helios::data::Event;

class EventTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testRoundTripKeepsEveryAttribute()
    {
        const Event e = Event::make(QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"),
                                    QStringLiteral("proj-1"), {{QStringLiteral("ms"), 412}});
        const auto back = Event::fromJson(e.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, e);
        QVERIFY(e.toJson().contains("\"specversion\":\"1.0\""));
    }

    void testMalformedEventsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not JSON at all") << QByteArray("{nope") << QStringLiteral("not a JSON object");
        QTest::newRow("a missing id") << QByteArray(R"({"specversion":"1.0","type":"a.b","source":"/x"})") << QStringLiteral("\"id\"");
        QTest::newRow("a numeric type") << QByteArray(R"({"specversion":"1.0","id":"1","type":5,"source":"/x"})") << QStringLiteral("\"type\"");
        QTest::newRow("a wrong spec version") << QByteArray(R"({"specversion":"0.3","id":"1","type":"a","source":"/x"})") << QStringLiteral("specversion");
        QTest::newRow("data that is not an object") << QByteArray(R"({"specversion":"1.0","id":"1","type":"a","source":"/x","data":[1]})") << QStringLiteral("data");
    }
    void testMalformedEventsAreRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, messagePart);
        const auto e = Event::fromJson(json);
        QVERIFY(!e.ok());
        QVERIFY2(e.error().message.contains(messagePart), qPrintable(e.error().message));
    }

    void testSubjectPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("matches");
        QTest::newRow("an exact subject matches itself") << QStringLiteral("build.completed") << QStringLiteral("build.completed") << true;
        QTest::newRow("a star matches one token") << QStringLiteral("build.*") << QStringLiteral("build.failed") << true;
        QTest::newRow("a star does not match two tokens") << QStringLiteral("*") << QStringLiteral("build.failed") << false;
        QTest::newRow("a tail wildcard matches everything") << QStringLiteral(">") << QStringLiteral("deployment.rolled_back") << true;
        QTest::newRow("a tail wildcard needs at least one token") << QStringLiteral("build.>") << QStringLiteral("build") << false;
        QTest::newRow("another prefix does not match") << QStringLiteral("deployment.>") << QStringLiteral("build.completed") << false;
    }
    void testSubjectPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, type);
        QFETCH(bool, matches);
        QCOMPARE(helios::data::subjectMatches(pattern, type), matches);
    }
};

QTEST_GUILESS_MAIN(EventTest)
#include "event_test.moc"
