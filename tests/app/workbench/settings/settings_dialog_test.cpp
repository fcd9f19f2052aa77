// SPDX-License-Identifier: Apache-2.0
#include "settings_dialog.h"

#include "appearance.h"
#include "backends_page.h"
#include "core/config.h"
#include "language.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using helios::Config;
using namespace helios::workbench;

namespace {

const QString redisKey = QStringLiteral("REDIS_URL");

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Every text the dialog shows in a label, a title or a tooltip.
QStringList shownTexts(const QWidget &dialog)
{
    QStringList texts{dialog.windowTitle()};
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    for (const QWidget *widget : dialog.findChildren<QWidget *>())
        texts << widget->toolTip();
    return texts;
}

} // namespace

class SettingsDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("helios-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("settings_dialog_test"));
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_configFile = m_home.filePath(QStringLiteral("%1/config.json").arg(++m_case));
        qputenv("HELIOS_CONFIG", m_configFile.toUtf8());
        m_current = Config::embedded(m_home.filePath(QStringLiteral("data")));
    }

    void testThemeIsPreviewedAndCancelRestoresIt()
    {
        saveTheme(Theme::Light);
        applyTheme(Theme::Light);
        SettingsDialog dialog(m_current);
        QCOMPARE(dialog.selectedTheme(), Theme::Light);
        dialog.themeCombo()->setCurrentIndex(dialog.themeCombo()->findData(int(Theme::Dark)));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        dialog.reject();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QCOMPARE(savedTheme(), Theme::Light);
    }

    void testBadUrlDisablesOkAndWritesNothing()
    {
        SettingsDialog dialog(m_current);
        QCOMPARE(dialog.configFile(), m_configFile);
        QVERIFY(dialog.okButton()->isEnabled());
        QLineEdit *redis = dialog.backendsPage()->urlEdit(redisKey);
        redis->setText(QStringLiteral("http://127.0.0.1:6379"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.backendsPage()->testButton(redisKey)->isEnabled());
        QVERIFY(dialog.backendsPage()->statusLabel(redisKey)->text().contains(QLatin1StringView("REDIS_URL")));
        dialog.accept();
        QVERIFY(!QFile::exists(m_configFile));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        redis->setText(QStringLiteral("redis://127.0.0.1:6379"));
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.aiUrlEdit()->setText(QStringLiteral("ftp://models.example.com"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY(dialog.errorLabel()->text().contains(QLatin1StringView("HELIOS_AI_URL")));
        dialog.aiUrlEdit()->clear();
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.errorLabel()->isHidden());
    }

    void testTestButtonReportsAClosedPortWithoutBlocking()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        SettingsDialog dialog(m_current);
        BackendsPage *page = dialog.backendsPage();
        page->urlEdit(redisKey)->setText(QStringLiteral("redis://:hunter2@127.0.0.1:%1/0").arg(port));
        page->testButton(redisKey)->click();
        // The click returned while the probe still runs on the pool.
        QVERIFY(page->isProbing());
        for (const QString &key : BackendsPage::keys())
            QVERIFY2(!page->testButton(key)->isEnabled(), qPrintable(key));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isProbing(), 15000);
        const QString shown = page->statusLabel(redisKey)->text();
        QVERIFY2(shown.startsWith(QLatin1StringView("Not reachable: ")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1StringView("hunter2")));
        for (const QString &key : BackendsPage::keys())
            QVERIFY2(page->testButton(key)->isEnabled(), qPrintable(key));
    }

    void testEmptyUrlReportsEmbedded()
    {
        m_current.set(QStringLiteral("NATS_URL"), QStringLiteral("nats://127.0.0.1:4222"), QStringLiteral("file x"));
        SettingsDialog dialog(m_current);
        BackendsPage *page = dialog.backendsPage();
        const QString nats = QStringLiteral("NATS_URL");
        QCOMPARE(page->urlEdit(nats)->text(), QStringLiteral("nats://127.0.0.1:4222"));
        page->urlEdit(nats)->clear();
        page->testButton(nats)->click();
        QTRY_COMPARE(page->statusLabel(nats)->text(), QStringLiteral("Embedded: nothing to connect to."));
        QCOMPARE(page->changedValues(), (QHash<QString, QString>{{nats, QString()}}));
    }

    void testOkSavesWhatLoadThenReads()
    {
        SettingsDialog dialog(m_current);
        dialog.backendsPage()->urlEdit(QStringLiteral("DATABASE_URL"))
            ->setText(QStringLiteral(" postgresql://helios@127.0.0.1:5432/helios "));
        dialog.aiUrlEdit()->setText(QStringLiteral("https://models.example.com/v1"));
        dialog.aiModelEdit()->setText(QStringLiteral("small-coder"));
        dialog.aiKeyEdit()->setText(QStringLiteral("sk-test-key"));
        dialog.themeCombo()->setCurrentIndex(dialog.themeCombo()->findData(int(Theme::Dark)));
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("fr")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.restartNeeded()); // back ends, the AI endpoint and the language apply at start

        // The file Config::load() finds through HELIOS_CONFIG, without the test's other
        // environment variables.
        Config::LoadOptions options;
        options.environment = QProcessEnvironment();
        options.environment.insert(QStringLiteral("HELIOS_CONFIG"), m_configFile);
        auto loaded = Config::load(options);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        QCOMPARE(loaded->databaseUrl(), QStringLiteral("postgresql://helios@127.0.0.1:5432/helios"));
        QCOMPARE(loaded->sourceOf(QStringLiteral("DATABASE_URL")), QStringLiteral("file ") + m_configFile);
        QCOMPARE(loaded->value(QStringLiteral("HELIOS_AI_URL")), QStringLiteral("https://models.example.com/v1"));
        QCOMPARE(loaded->value(QStringLiteral("HELIOS_AI_MODEL")), QStringLiteral("small-coder"));
        QCOMPARE(loaded->value(QStringLiteral("HELIOS_AI_KEY")), QStringLiteral("sk-test-key"));
        QVERIFY(loaded->redisUrl().isEmpty());
        QCOMPARE(savedTheme(), Theme::Dark);
        QCOMPARE(savedLanguage(), QStringLiteral("fr"));
        applyTheme(Theme::System);
    }

    void testUnchangedValuesFromTheEnvironmentAreNotWritten()
    {
        m_current.set(redisKey, QStringLiteral("redis://127.0.0.1:6379/0"), QStringLiteral("environment"));
        SettingsDialog dialog(m_current);
        QVERIFY(dialog.backendsPage()->statusLabel(redisKey)->text().contains(redisKey));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!QFile::exists(m_configFile));
        QVERIFY(!dialog.restartNeeded()); // nothing that applies at start changed
    }

    void testSecretsAreNeverShown()
    {
        const quint16 port = closedPort();
        m_current.set(QStringLiteral("DATABASE_URL"),
                      QStringLiteral("postgresql://helios:pa55word@127.0.0.1:%1/helios").arg(port));
        m_current.set(QStringLiteral("HELIOS_AI_KEY"), QStringLiteral("sk-very-secret"));
        SettingsDialog dialog(m_current);
        QCOMPARE(dialog.aiKeyEdit()->echoMode(), QLineEdit::Password);
        BackendsPage *page = dialog.backendsPage();
        page->testButton(QStringLiteral("DATABASE_URL"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isProbing(), 15000);
        QVERIFY(page->statusLabel(QStringLiteral("DATABASE_URL"))->text().startsWith(QLatin1StringView("Not reachable")));
        page->urlEdit(redisKey)->setText(QStringLiteral("http://:pa55word@127.0.0.1:1"));
        for (const QString &text : shownTexts(dialog)) {
            QVERIFY2(!text.contains(QLatin1StringView("pa55word")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1StringView("sk-very-secret")), qPrintable(text));
        }
    }

private:
    QTemporaryDir m_home;
    QString m_configFile;
    int m_case = 0;
    Config m_current;
};

QTEST_MAIN(SettingsDialogTest)
#include "settings_dialog_test.moc"
