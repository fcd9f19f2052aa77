// SPDX-License-Identifier: Apache-2.0
#include "events/event_display.h"

#include "bus/event.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace helios::panels;
using helios::data::Event;

class EventDisplayTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testIsSecretKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("secret");
        QTest::newRow("a password is secret") << QStringLiteral("password") << true;
        QTest::newRow("a database password in camel case is secret") << QStringLiteral("dbPassword") << true;
        QTest::newRow("an API key is secret") << QStringLiteral("apiKey") << true;
        QTest::newRow("an api_key in snake case is secret") << QStringLiteral("api_key") << true;
        QTest::newRow("the AI key variable is secret") << QStringLiteral("HELIOS_AI_KEY") << true;
        QTest::newRow("an access token is secret") << QStringLiteral("accessToken") << true;
        QTest::newRow("a bare token is secret") << QStringLiteral("token") << true;
        QTest::newRow("an HTTP token in capitals is secret") << QStringLiteral("HTTPToken") << true;
        QTest::newRow("a client secret is secret") << QStringLiteral("client-secret") << true;
        QTest::newRow("credentials are secret") << QStringLiteral("credentials") << true;
        QTest::newRow("an authorization header is secret") << QStringLiteral("Authorization") << true;
        QTest::newRow("a count of tokens is not secret") << QStringLiteral("tokenCount") << false;
        QTest::newRow("a name is not secret") << QStringLiteral("name") << false;
        QTest::newRow("a version is not secret") << QStringLiteral("version") << false;
        QTest::newRow("a monkey is not a key") << QStringLiteral("monkey") << false;
        QTest::newRow("an empty key is not secret") << QString() << false;
    }
    void testIsSecretKey()
    {
        QFETCH(QString, key);
        QFETCH(bool, secret);
        QCOMPARE(isSecretKey(key), secret);
    }

    void testSummaryLeavesSecretsOutAndKeepsTheRest()
    {
        const QJsonObject data{{QStringLiteral("name"), QStringLiteral("shop")},
                               {QStringLiteral("apiKey"), QStringLiteral("sk-live-123")},
                               {QStringLiteral("password"), QStringLiteral("hunter2")},
                               {QStringLiteral("tokenCount"), 42},
                               {QStringLiteral("ok"), true},
                               {QStringLiteral("files"), QJsonArray{QStringLiteral("a.tsx"), QStringLiteral("b.tsx")}},
                               {QStringLiteral("nested"), QJsonObject{{QStringLiteral("x"), 1}}}};
        const QString summary = eventDataSummary(data);
        QCOMPARE(summary, QStringLiteral("files=[a.tsx, b.tsx], name=shop, nested={…}, ok=true, tokenCount=42"));
        QVERIFY(!summary.contains(QStringLiteral("sk-live")));
        QVERIFY(!summary.contains(QStringLiteral("hunter2")));
    }

    void testSummaryMasksPasswordsInUrls()
    {
        const QJsonObject data{{QStringLiteral("url"), QStringLiteral("postgresql://helios:hunter2@db:5432/helios")}};
        const QString summary = eventDataSummary(data);
        QVERIFY2(!summary.contains(QStringLiteral("hunter2")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("db:5432")), qPrintable(summary));
    }

    void testSummaryIsOneBoundedLine()
    {
        const QJsonObject data{{QStringLiteral("error"), QString(QStringLiteral("first line\nsecond line ") + QString(500, QLatin1Char('x')))}};
        const QString summary = eventDataSummary(data, 80);
        QCOMPARE(summary.size(), 80);
        QVERIFY(summary.endsWith(QStringLiteral("…")));
        QVERIFY(summary.startsWith(QStringLiteral("error=first line second line x")));
        QVERIFY(!summary.contains(QLatin1Char('\n')));
    }

    void testDetailsAreTheWholeEventWithSecretsMasked()
    {
        const Event event = Event::make(
            QStringLiteral("build.completed"), QStringLiteral("/helios/ignis"), QStringLiteral("shop"),
            QJsonObject{{QStringLiteral("durationMs"), 1234},
                        {QStringLiteral("secret"), QStringLiteral("s3cr3t")},
                        {QStringLiteral("steps"), QJsonArray{QJsonObject{{QStringLiteral("authToken"), QStringLiteral("t0k3n")},
                                                                         {QStringLiteral("name"), QStringLiteral("bundle")}}}}});
        const QString details = eventDetailsJson(event);
        QVERIFY2(!details.contains(QStringLiteral("s3cr3t")), qPrintable(details));
        QVERIFY2(!details.contains(QStringLiteral("t0k3n")), qPrintable(details));
        QVERIFY(details.contains(QLatin1Char('\n')));  // indented, not compact
        const QJsonObject shown = QJsonDocument::fromJson(details.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("id")).toString(), event.id);
        QCOMPARE(shown.value(QStringLiteral("type")).toString(), QStringLiteral("build.completed"));
        QCOMPARE(shown.value(QStringLiteral("subject")).toString(), QStringLiteral("shop"));
        const QJsonObject data = shown.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("durationMs")).toInt(), 1234);
        QCOMPARE(data.value(QStringLiteral("secret")).toString(), QStringLiteral("***"));
        const QJsonObject step = data.value(QStringLiteral("steps")).toArray().at(0).toObject();
        QCOMPARE(step.value(QStringLiteral("authToken")).toString(), QStringLiteral("***"));
        QCOMPARE(step.value(QStringLiteral("name")).toString(), QStringLiteral("bundle"));
    }

    void testLocalTime()
    {
        const QDateTime utc(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC);
        QCOMPARE(eventLocalTime(QStringLiteral("2026-03-04T05:06:07.089Z")),
                 utc.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz")));
        QCOMPARE(eventLocalTime(QStringLiteral("yesterday")), QStringLiteral("yesterday"));
    }
};

QTEST_MAIN(EventDisplayTest)
#include "event_display_test.moc"
