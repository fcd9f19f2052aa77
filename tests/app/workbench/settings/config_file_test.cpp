// SPDX-License-Identifier: Apache-2.0
// Config::writeFile and its neighbours, which the Settings dialog saves through.
#include "core/config.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using helios::Config;

namespace {

Config loadFrom(const QString &file)
{
    Config::LoadOptions options;
    options.configFile = file;
    options.environment = QProcessEnvironment(); // the test's own environment must not leak in
    auto config = Config::load(options);
    if (!config.ok())
        qFatal("%s", qPrintable(config.error().toString()));
    return config.value();
}

} // namespace

class ConfigFileTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testUserConfigFileFollowsHeliosConfig()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HELIOS_CONFIG"), QStringLiteral("/somewhere/helios.json"));
        QCOMPARE(Config::userConfigFile(env), QStringLiteral("/somewhere/helios.json"));
        QVERIFY(Config::userConfigFile(QProcessEnvironment()).endsWith(QLatin1StringView("/helios/config.json")));
    }

    void testWriteCreatesTheFileThatLoadReads()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("new/dir/config.json"));
        const auto written = Config::writeFile(file, {{QStringLiteral("REDIS_URL"), QStringLiteral("redis://127.0.0.1:6390/2")},
                                                      {QStringLiteral("HELIOS_AI_KEY"), QStringLiteral("sk-123")}});
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
        const Config config = loadFrom(file);
        QCOMPARE(config.redisUrl(), QStringLiteral("redis://127.0.0.1:6390/2"));
        QCOMPARE(config.value(QStringLiteral("HELIOS_AI_KEY")), QStringLiteral("sk-123"));
        QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    }

    void testWriteKeepsOtherKeysAndEmptyRemoves()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(Config::writeFile(file, {{QStringLiteral("NATS_URL"), QStringLiteral("nats://127.0.0.1:4222")},
                                         {QStringLiteral("HELIOS_AI_MODEL"), QStringLiteral("small")}}).ok());
        QVERIFY(Config::writeFile(file, {{QStringLiteral("NATS_URL"), QString()}}).ok());
        const Config config = loadFrom(file);
        QVERIFY(config.natsUrl().isEmpty());
        QCOMPARE(config.sourceOf(QStringLiteral("NATS_URL")), QStringLiteral("default"));
        QCOMPARE(config.value(QStringLiteral("HELIOS_AI_MODEL")), QStringLiteral("small"));
    }

    void testBadValueWritesNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("a Redis URL with an http scheme") << QStringLiteral("REDIS_URL") << QStringLiteral("http://127.0.0.1:6379");
        QTest::newRow("a key Config does not know") << QStringLiteral("NOT_A_KEY") << QStringLiteral("x");
        QTest::newRow("a URL without a host") << QStringLiteral("DATABASE_URL") << QStringLiteral("postgresql://");
    }

    void testBadValueWritesNothing()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(Config::writeFile(file, {{QStringLiteral("HELIOS_AI_MODEL"), QStringLiteral("small")}}).ok());
        QFile before(file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray original = before.readAll();
        before.close();

        QVERIFY(!Config::checkValue(key, value).ok());
        const auto written = Config::writeFile(file, {{QStringLiteral("NATS_URL"), QStringLiteral("nats://h:1")}, {key, value}});
        QVERIFY(!written.ok());
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), original);
    }

    void testMalformedFileIsNotOverwritten()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("config.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        QVERIFY(!Config::writeFile(file, {{QStringLiteral("REDIS_URL"), QString()}}).ok());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ not json"));
    }
};

QTEST_GUILESS_MAIN(ConfigFileTest)
#include "config_file_test.moc"
