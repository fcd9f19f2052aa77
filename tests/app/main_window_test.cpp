// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "home/backend_status_model.h"
#include "home/home_panel.h"
#include "preview/preview_panel.h"

#include "engine.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>

using namespace helios;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
