// SPDX-License-Identifier: Apache-2.0
#include "preview/console_message_model.h"
#include "preview/preview_page.h"
#include "preview/preview_panel.h"

#include "backend_under_test.h"
#include "core/config.h"
#include "dev_server.h"
#include "engine.h"
#include "panel_host.h"
#include "recording_panel_host.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEngineView>

#include <memory>

using namespace helios::panels;
using Level = ConsoleMessageModel::Level;

namespace {

// The dev server compiles the page with esbuild on first load: generous, the machine
// may be busy.
constexpr int PageTimeoutMs = 60000;
constexpr int UpdateTimeoutMs = 30000;

using FakeHost = helios::test::RecordingPanelHost;

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray tokens(const char *brand) {
    return QByteArray(R"({"color":{"$type":"color","brand":{"$value":")") + brand + R"("}}})";
}

// The project of tests/browser/dev_server_hmr.mjs: a React component whose CSS module
// takes its colour from a design token, and a page that logs once it has rendered.
bool writeProject(const QString &dir) {
    return writeFile(
               dir + QStringLiteral("/helios.json"),
               R"({"name":"preview-app","tokens":"tokens/tokens.config.json",)"
               R"("build":{"entries":[{"name":"app","entry":"src/main.tsx","html":"index.html"}]}})") &&
           writeFile(
               dir + QStringLiteral("/index.html"),
               "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/tokens.css\"></head>"
               "<body><div id=\"root\"></div><script type=\"module\" "
               "src=\"/src/main.tsx\"></script>"
               "</body></html>") &&
           writeFile(
               dir + QStringLiteral("/tokens/tokens.config.json"),
               R"({"source":["base.tokens.json"],"platforms":{"css":{"format":"css","destination":"out.css"}}})") &&
           writeFile(dir + QStringLiteral("/tokens/base.tokens.json"), tokens("#ff0000")) &&
           writeFile(dir + QStringLiteral("/src/main.tsx"),
                     "import { createRoot } from 'react-dom/client';\n"
                     "import { Counter } from './Counter';\n"
                     "createRoot(document.getElementById('root')!).render(<Counter />);\n"
                     "console.log('preview says hello');\n") &&
           writeFile(dir + QStringLiteral("/src/Counter.tsx"),
                     "import { useState } from 'react';\n"
                     "import styles from './Counter.module.css';\n\n"
                     "export function Counter() {\n"
                     "  const [count, setCount] = useState(0);\n"
                     "  return <button id=\"counter\" className={styles.counter} "
                     "onClick={() => setCount((c) => c + 1)}>Count: {count}</button>;\n"
                     "}\n") &&
           writeFile(dir + QStringLiteral("/src/Counter.module.css"),
                     ".counter { color: var(--color-brand); }\n");
}

// Runs `script` in the page and waits (bounded) for its value; an invalid QVariant when
// the page did not answer.
QVariant evaluate(QWebEnginePage *page, const QString &script) {
    QVariant result;
    bool answered = false;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    page->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return result;
}

bool hasMessage(const ConsoleMessageModel *model, Level level, const QString &text) {
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(ConsoleMessageModel::LevelRole).toInt() == int(level) &&
            index.data(ConsoleMessageModel::MessageRole).toString().contains(text))
            return true;
    }
    return false;
}

} // namespace

class PreviewPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("app"));
        QVERIFY(writeProject(m_project));
        // The dev server keeps a reference to its Config.
        m_serverConfig = helios::Config::embedded(m_dir.filePath(QStringLiteral("dev-data")));
        m_server = std::make_unique<helios::server::DevServer>(
            m_serverConfig, m_project,
            helios::server::DevServer::Options{QStringLiteral("127.0.0.1"), 0, 0});
        const auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port()));
    }

    void init() {
        auto engine = helios::Engine::open(
            helios::test::configFor(m_dir.filePath(QStringLiteral("data")), {}));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().toString()));
        m_engine = std::move(*engine);
        m_host = std::make_unique<FakeHost>();
        m_panel = std::make_unique<PreviewPanel>(*m_engine, *m_host);
        QCOMPARE(m_host->dockId, QStringLiteral("preview"));
        QVERIFY(m_host->widget);
        m_host->widget->resize(1200, 900);
        m_host->widget->show();
    }

    void cleanup() {
        // The page goes with the widget, before the engine and the temporary files.
        m_host.reset();
        m_panel.reset();
        m_engine.reset();
    }

    void cleanupTestCase() {
        if (m_server)
            m_server->stop();
        m_server.reset();
    }

    void testWithoutAUrlNothingToReloadOrOpen() {
        QVERIFY(m_panel->url().isEmpty());
        QVERIFY(!m_panel->reloadAction()->isEnabled());
        QVERIFY(!m_panel->openInBrowserAction()->isEnabled());
        QCOMPARE(m_panel->viewport(), PreviewPanel::Viewport::Desktop);
        QVERIFY(m_panel->viewportAction(PreviewPanel::Viewport::Desktop)->isChecked());
        QVERIFY(!m_panel->clearConsoleButton()->isEnabled());
        m_panel->reload(); // ignored
        // No page, no browser: Chromium starts with the first URL.
        QVERIFY(!m_panel->view());
        QVERIFY(!m_panel->page());
        m_panel->setUrl(QUrl());
        QVERIFY(!m_panel->view());
    }

    void testATokenEditChangesTheColourWithoutAReload() {
        QAbstractItemModelTester tester(m_panel->consoleModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->setUrl(m_url);
        QCOMPARE(m_panel->urlEdit()->text(), m_url.toString());
        QVERIFY(m_panel->reloadAction()->isEnabled());
        QVERIFY(m_panel->openInBrowserAction()->isEnabled());
        QWebEnginePage *page = m_panel->page();
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(page, QStringLiteral("document.getElementById('counter')?.textContent ?? ''"))
                .toString(),
            QStringLiteral("Count: 0"), PageTimeoutMs);
        const QString colour =
            QStringLiteral("getComputedStyle(document.getElementById('counter')).color");
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, colour).toString(),
                                  QStringLiteral("rgb(255, 0, 0)"), UpdateTimeoutMs);
        evaluate(page, QStringLiteral("window.__marker = 'kept'; 1"));
        // Let the page's hot-update socket connect before the edit.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->clientCount() >= 1, UpdateTimeoutMs);

        QVERIFY(
            writeFile(m_project + QStringLiteral("/tokens/base.tokens.json"), tokens("#0000ff")));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, colour).toString(),
                                  QStringLiteral("rgb(0, 0, 255)"), UpdateTimeoutMs);
        QCOMPARE(evaluate(page, QStringLiteral("window.__marker")).toString(),
                 QStringLiteral("kept"));

        QVERIFY(
            writeFile(m_project + QStringLiteral("/tokens/base.tokens.json"), tokens("#ff0000")));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, colour).toString(),
                                  QStringLiteral("rgb(255, 0, 0)"), UpdateTimeoutMs);
        QCOMPARE(evaluate(page, QStringLiteral("window.__marker")).toString(),
                 QStringLiteral("kept"));
        QVERIFY2(m_host->messages.isEmpty(), qPrintable(m_host->messages.join(u'\n')));
    }

    void testThePageConsoleAndItsErrorsAreListed() {
        QAbstractItemModelTester tester(m_panel->consoleModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConsoleMessageModel *console = m_panel->consoleModel();
        m_panel->setUrl(m_url);
        QTRY_VERIFY_WITH_TIMEOUT(
            hasMessage(console, Level::Info, QStringLiteral("preview says hello")), PageTimeoutMs);
        // The log names the module it came from.
        for (int row = 0; row < console->rowCount(); ++row) {
            const QModelIndex index = console->index(row);
            if (index.data(ConsoleMessageModel::MessageRole).toString() ==
                QLatin1String("preview says hello"))
                QVERIFY2(index.data(ConsoleMessageModel::SourceRole)
                             .toString()
                             .contains(QLatin1String("/src/main.tsx")),
                         qPrintable(index.data(ConsoleMessageModel::SourceRole).toString()));
        }
        evaluate(m_panel->page(),
                 QStringLiteral("console.warn('careful'); "
                                "setTimeout(() => { throw new Error('boom'); }); 1"));
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(console, Level::Warning, QStringLiteral("careful")),
                                 UpdateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(console, Level::Error, QStringLiteral("boom")),
                                 UpdateTimeoutMs);
        QVERIFY(m_panel->clearConsoleButton()->isEnabled());

        m_panel->clearConsoleButton()->click();
        QCOMPARE(console->rowCount(), 0);
        QVERIFY(!m_panel->clearConsoleButton()->isEnabled());

        // Reload runs the page again, and it logs again.
        QSignalSpy loaded(m_panel.get(), &PreviewPanel::loadFinished);
        m_panel->reloadAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), PageTimeoutMs);
        QVERIFY(loaded.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            hasMessage(console, Level::Info, QStringLiteral("preview says hello")), PageTimeoutMs);
    }

    void testViewportPresetsResizeThePage() {
        // A preset chosen before there is a page applies to the page when it comes.
        m_panel->viewportAction(PreviewPanel::Viewport::Mobile)->trigger();
        QCOMPARE(m_panel->viewport(), PreviewPanel::Viewport::Mobile);
        m_panel->setUrl(m_url);
        QWebEngineView *view = m_panel->view();
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(m_panel->page(),
                     QStringLiteral("document.getElementById('counter')?.textContent ?? ''"))
                .toString(),
            QStringLiteral("Count: 0"), PageTimeoutMs);
        QTRY_COMPARE(view->size(), QSize(375, 667));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(m_panel->page(), QStringLiteral("window.innerWidth")).toInt(), 375,
            UpdateTimeoutMs);

        m_panel->viewportAction(PreviewPanel::Viewport::Tablet)->trigger();
        QTRY_COMPARE(view->size(), QSize(768, 1024));
        // Taller than the panel: the scroll area scrolls.
        QTRY_VERIFY(m_panel->scrollArea()->verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(m_panel->page(), QStringLiteral("window.innerWidth")).toInt(), 768,
            UpdateTimeoutMs);

        m_panel->viewportAction(PreviewPanel::Viewport::Desktop)->trigger();
        QTRY_COMPARE(view->width(), m_panel->scrollArea()->viewport()->width());
        QVERIFY(view->width() > 768);

        m_panel->setViewport(PreviewPanel::Viewport::Mobile);
        QVERIFY(m_panel->viewportAction(PreviewPanel::Viewport::Mobile)->isChecked());
        QTRY_COMPARE(view->size(), QSize(375, 667));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(m_panel->page(), QStringLiteral("window.innerWidth")).toInt(), 375,
            UpdateTimeoutMs);
    }

    void testAServerThatIsGoneIsReported() {
        // A port nobody listens on: the load fails, the console and the host say so.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QSignalSpy loaded(m_panel.get(), &PreviewPanel::loadFinished);
        m_panel->setUrl(nowhere);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), PageTimeoutMs);
        QVERIFY(!loaded.first().first().toBool());
        QVERIFY(hasMessage(m_panel->consoleModel(), Level::Error, QStringLiteral("did not load")));
        QCOMPARE(m_host->messages.size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    QUrl m_url;
    helios::Config m_serverConfig;
    std::unique_ptr<helios::server::DevServer> m_server;
    std::unique_ptr<helios::Engine> m_engine;
    std::unique_ptr<FakeHost> m_host;
    std::unique_ptr<PreviewPanel> m_panel;
};

QTEST_MAIN(PreviewPanelTest)
#include "preview_panel_test.moc"
