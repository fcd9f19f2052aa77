// SPDX-License-Identifier: Apache-2.0
#include "core/config.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using helios::Config;

class ConfigTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testUnsetVariablesMeanEmbedded()
    {
        Config::LoadOptions options;
        options.environment = QProcessEnvironment();
        const auto config = Config::load(options);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        QVERIFY(config->databaseUrl().isEmpty());
        QVERIFY(config->redisUrl().isEmpty());
        QVERIFY(config->natsUrl().isEmpty());
        QVERIFY(config->registryUrl().isEmpty());
        QVERIFY(!config->dataDir().isEmpty());
        QCOMPARE(config->sourceOf(QStringLiteral("DATABASE_URL")), QStringLiteral("default"));
    }

    void testPrecedence_data()
    {
        QTest::addColumn<bool>("inFile");
        QTest::addColumn<bool>("inEnvironment");
        QTest::addColumn<bool>("overridden");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the file sets a value nobody else does") << true << false << false << QStringLiteral("redis://file:6379/0");
        QTest::newRow("the environment beats the file") << true << true << false << QStringLiteral("redis://env:6379/0");
        QTest::newRow("an override beats the environment") << true << true << true << QStringLiteral("redis://flag:6379/0");
        QTest::newRow("nothing set leaves it embedded") << false << false << false << QString();
    }
    void testPrecedence()
    {
        QFETCH(bool, inFile);
        QFETCH(bool, inEnvironment);
        QFETCH(bool, overridden);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        Config::LoadOptions options;
        options.environment = QProcessEnvironment();
        if (inFile) {
            options.configFile = dir.filePath(QStringLiteral("config.json"));
            QFile f(options.configFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"REDIS_URL\": \"redis://file:6379/0\", \"NATS_URL\": \"nats://file:4222\"}");
        }
        if (inEnvironment)
            options.environment.insert(QStringLiteral("REDIS_URL"), QStringLiteral("redis://env:6379/0"));
        if (overridden)
            options.overrides.insert(QStringLiteral("REDIS_URL"), QStringLiteral("redis://flag:6379/0"));
        const auto config = Config::load(options);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        QCOMPARE(config->redisUrl(), expected);
        if (inFile)
            QCOMPARE(config->natsUrl(), QStringLiteral("nats://file:4222"));
    }

    void testBadInputIsRejected_data()
    {
        QTest::addColumn<QString>("fileText");
        QTest::addColumn<QString>("envKey");
        QTest::addColumn<QString>("envValue");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a malformed config file") << QStringLiteral("{\"REDIS_URL\": ") << QString() << QString() << QStringLiteral("malformed JSON");
        QTest::newRow("an unknown key in the file") << QStringLiteral("{\"REDIS_ULR\": \"redis://x\"}") << QString() << QString() << QStringLiteral("unknown key");
        QTest::newRow("a number where a string belongs") << QStringLiteral("{\"REDIS_URL\": 6379}") << QString() << QString() << QStringLiteral("must be a string");
        QTest::newRow("a database URL with the wrong scheme") << QString() << QStringLiteral("DATABASE_URL") << QStringLiteral("mysql://db:3306/x") << QStringLiteral("expected postgresql");
        QTest::newRow("a URL without a host") << QString() << QStringLiteral("NATS_URL") << QStringLiteral("nats://") << QStringLiteral("not a valid URL");
        QTest::newRow("a negative timeout") << QString() << QStringLiteral("HELIOS_CONNECT_TIMEOUT_MS") << QStringLiteral("-5") << QStringLiteral("positive number");
    }
    void testBadInputIsRejected()
    {
        QFETCH(QString, fileText);
        QFETCH(QString, envKey);
        QFETCH(QString, envValue);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        Config::LoadOptions options;
        options.environment = QProcessEnvironment();
        if (!fileText.isEmpty()) {
            options.configFile = dir.filePath(QStringLiteral("config.json"));
            QFile f(options.configFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(fileText.toUtf8());
        }
        if (!envKey.isEmpty())
            options.environment.insert(envKey, envValue);
        const auto config = Config::load(options);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.contains(messagePart), qPrintable(config.error().toString()));
    }

    void testMissingConfigFileIsAnError()
    {
        Config::LoadOptions options;
        options.environment = QProcessEnvironment();
        options.configFile = QStringLiteral("/nonexistent/helios.json");
        const auto config = Config::load(options);
        QVERIFY(!config.ok());
        QCOMPARE(config.error().context, options.configFile);
    }

    void testRedactionHidesPasswords_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        QTest::newRow("a PostgreSQL URL with a password") << QStringLiteral("postgresql://wissil_user:s3cr3t@db:5432/wissil_db") << QStringLiteral("s3cr3t");
        QTest::newRow("a Redis URL with only a password") << QStringLiteral("redis://:hunter2@cache:6379/0") << QStringLiteral("hunter2");
        QTest::newRow("a password in the query string") << QStringLiteral("postgresql://db/x?user=u&password=pw123") << QStringLiteral("pw123");
    }
    void testRedactionHidesPasswords()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        const QString redacted = helios::redactUrl(url);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY(redacted.contains(QStringLiteral("***")));
    }
};

QTEST_GUILESS_MAIN(ConfigTest)
#include "config_test.moc"
