// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "home/backend_status_model.h"
#include "editor/editor_panel.h"
#include "home/home_panel.h"
#include "locator.h"
#include "locator_model.h"
#include "mode_bar.h"
#include "preview/preview_panel.h"
#include "language.h"
#include "settings_dialog.h"

#include "engine.h"

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace helios;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // a layout or recent projects left by an earlier run
    }

    void testWindowOpensWithTheHomePanelShowingEveryBackend()
    {
        QTemporaryDir dir;
        auto engine = Engine::open(Config::embedded(dir.path()));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));

        workbench::MainWindow window(**engine);
        panels::BackendStatusModel *model = window.homePanel()->statusModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("homeDock"));
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        QVERIFY(dock->findChild<QTableView *>(QStringLiteral("backendStatusTable")));
        // The other panels are docked too.
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("tokensDock")));
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("buildDock")));

        QTRY_COMPARE(model->rowCount(), 4);
        for (int row = 0; row < model->rowCount(); ++row) {
            const Engine::BackendStatus &s = model->statuses().at(row);
            QVERIFY2(s.reachable, qPrintable(s.role + QStringLiteral(": ") + s.error));
            QCOMPARE(model->index(row, panels::BackendStatusModel::State).data().toString(), QStringLiteral("reachable"));
        }

        // A second refresh replaces the rows rather than appending.
        QSignalSpy refreshed(window.homePanel(), &panels::HomePanel::statusRefreshed);
        window.homePanel()->refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model->rowCount(), 4);
    }

    void testOpenProjectServesItToThePreview()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(QStringLiteral("project/helios.json"),
              R"({"name": "w", "build": {"entries": [{"name": "app", "entry": "src/main.ts", "html": "index.html"}]}})");
        write(QStringLiteral("project/index.html"), "<html><head></head><body><script type=\"module\" src=\"/src/main.ts\"></script></body></html>");
        write(QStringLiteral("project/src/main.ts"), "document.title = 'ok';\n");
        auto engine = Engine::open(Config::embedded(dir.filePath(QStringLiteral("data"))));
        QVERIFY(engine.ok());
        workbench::MainWindow window(**engine);
        QVERIFY(!window.openProject(dir.filePath(QStringLiteral("missing"))));
        QVERIFY(window.previewPanel()->url().isEmpty());

        QVERIFY(window.openProject(dir.filePath(QStringLiteral("project"))));
        const QUrl url = window.previewPanel()->url();
        QVERIFY(url.port() > 0);
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY(reply->readAll().contains("/@helios/client.js"));
        reply->deleteLater();

        // The dev server has its own thread: it answers while this (the window's) thread is
        // blocked in a read that runs no event loop.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray page;
        while (!page.contains("/@helios/client.js") && socket.waitForReadyRead(10000))
            page += socket.readAll();
        QVERIFY2(page.contains("/@helios/client.js"), page.left(200).constData());
    }

    void testEveryModeRaisesItsDocksFromItsShortcut()
    {
        QTemporaryDir dir;
        auto engine = Engine::open(Config::embedded(dir.path()));
        QVERIFY(engine.ok());
        workbench::MainWindow window(**engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QList<QAction *> modes = window.modeBar()->modeActions();
        QCOMPARE(modes.size(), 6);
        // Backwards, so every mode's raise has to change what is in front.
        for (int i = int(modes.size()) - 1; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            const QString id = modes.at(i)->objectName().chopped(4);
            QCOMPARE(window.modeBar()->currentMode(), id);
            const QString dockName = modes.at(i)->data().toStringList().first();
            auto *dock = window.findChild<QDockWidget *>(dockName);
            QVERIFY2(dock, qPrintable(dockName));
            QTRY_VERIFY2(dock->isVisible() && !dock->visibleRegion().isEmpty(), qPrintable(dockName));
        }
    }

    void testLayoutAndLastProjectAreRestored()
    {
        QTemporaryDir dir;
        QVERIFY(writeProject(dir.filePath(QStringLiteral("project"))));
        auto engine = Engine::open(Config::embedded(dir.filePath(QStringLiteral("data"))));
        QVERIFY(engine.ok());
        const QString project = QDir(dir.filePath(QStringLiteral("project"))).canonicalPath();
        {
            workbench::MainWindow window(**engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openProject(project));
            auto *events = window.findChild<QDockWidget *>(QStringLiteral("eventsDock"));
            QVERIFY(events);
            events->setFloating(true);
            QVERIFY(window.close());
        }
        workbench::MainWindow again(**engine);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("eventsDock"))->isFloating());
        QVERIFY(again.projectDir().isEmpty());
        QVERIFY(again.openLastProject());
        QCOMPARE(again.projectDir(), project);
    }

    void testLocatorOpensAProjectFileInTheEditor()
    {
        QTemporaryDir dir;
        QVERIFY(writeProject(dir.filePath(QStringLiteral("project"))));
        auto engine = Engine::open(Config::embedded(dir.filePath(QStringLiteral("data"))));
        QVERIFY(engine.ok());
        workbench::MainWindow window(**engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy indexed(window.locator(), &workbench::Locator::indexed);
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("project"))));
        QVERIFY(indexed.wait(20000) || !indexed.isEmpty());

        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(window.locator()->isVisible());
        QTest::keyClicks(window.locator()->queryEdit(), QStringLiteral("main.ts"));
        QTRY_VERIFY(window.locator()->resultModel()->rowCount() >= 1);
        QTest::keyClick(window.locator()->queryEdit(), Qt::Key_Return);
        const QString expected = QDir(dir.filePath(QStringLiteral("project"))).canonicalPath() + QStringLiteral("/src/main.ts");
        QTRY_COMPARE(window.editorPanel()->currentFile(), expected);
        QCOMPARE(window.modeBar()->currentMode(), QStringLiteral("editor"));
    }

    void testChangedSettingsOfferARestartThatClosesTheWindow()
    {
        QTemporaryDir dir;
        auto engine = Engine::open(Config::embedded(dir.path()));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        workbench::MainWindow window(**engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy restart(&window, &workbench::MainWindow::restartRequested);

        // Answers the restart question when it shows (it runs its own event loop).
        const auto answerWith = [](QMessageBox::ButtonRole role, bool *answered) {
            auto *timer = new QTimer;
            QObject::connect(timer, &QTimer::timeout, timer, [timer, role, answered] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || box->objectName() != QLatin1StringView("restartQuestion"))
                    return;
                for (QAbstractButton *button : box->buttons())
                    if (box->buttonRole(button) == role)
                        button->click();
                *answered = true;
                timer->deleteLater();
            });
            timer->start(20);
        };
        const auto changeLanguageTo = [&window](const QString &language) {
            window.showSettings();
            auto *dialog = window.findChild<workbench::SettingsDialog *>();
            QVERIFY(dialog);
            dialog->languageCombo()->setCurrentIndex(dialog->languageCombo()->findData(language));
            dialog->accept();
        };

        bool answered = false;
        answerWith(QMessageBox::RejectRole, &answered); // Later
        changeLanguageTo(QStringLiteral("de"));
        QTRY_VERIFY(answered);
        QCOMPARE(restart.size(), 0);
        QVERIFY(window.isVisible());

        answered = false;
        answerWith(QMessageBox::AcceptRole, &answered); // Restart Now
        changeLanguageTo(QStringLiteral("fr"));
        QTRY_VERIFY(answered);
        QTRY_COMPARE(restart.size(), 1);
        QVERIFY(!window.isVisible());
        workbench::saveLanguage(QString()); // the next test run starts in the system's language
    }

private:
    static bool writeProject(const QString &root)
    {
        const auto write = [&root](const QString &name, const QByteArray &bytes) {
            QDir().mkpath(QFileInfo(root + QLatin1Char('/') + name).absolutePath());
            QFile file(root + QLatin1Char('/') + name);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        return write(QStringLiteral("helios.json"),
                     R"({"name": "w", "build": {"entries": [{"name": "app", "entry": "src/main.ts", "html": "index.html"}]}})")
               && write(QStringLiteral("index.html"),
                        "<html><head></head><body><script type=\"module\" src=\"/src/main.ts\"></script></body></html>")
               && write(QStringLiteral("src/main.ts"), "document.title = 'ok';\n");
    }

};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
