// SPDX-License-Identifier: Apache-2.0
#include "health.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTest>

using helios::server::Health;

class HealthTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void testBodySaysAliveWithVersionAndUptime() {
        const Health health(QStringLiteral("0.1.0"));
        const QJsonObject body = QJsonDocument::fromJson(health.bodyBytes()).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(body.value(QStringLiteral("version")).toString(), QStringLiteral("0.1.0"));
        QVERIFY(body.value(QStringLiteral("uptime_seconds")).isDouble());
        QVERIFY(body.value(QStringLiteral("uptime_seconds")).toDouble(-1) >= 0);
        QCOMPARE(qint64(body.value(QStringLiteral("pid")).toDouble()),
                 QCoreApplication::applicationPid());
        const QDateTime started =
            QDateTime::fromString(body.value(QStringLiteral("started")).toString(), Qt::ISODate);
        QVERIFY2(started.isValid(), qPrintable(body.value(QStringLiteral("started")).toString()));
        QVERIFY(started <= QDateTime::currentDateTimeUtc());
    }

    void testUptimeNeverGoesBackwards() {
        const Health health(QStringLiteral("x"));
        const double first = health.uptimeSeconds();
        QTest::qWait(5);
        QVERIFY(health.uptimeSeconds() >= first);
    }

    void testVersionIsJsonEscaped() {
        const QString version = QStringLiteral("1.0\"}, \"status\": \"evil");
        const QJsonObject body = QJsonDocument::fromJson(Health(version).bodyBytes()).object();
        QCOMPARE(body.value(QStringLiteral("version")).toString(), version);
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(HealthTest)
#include "health_test.moc"
