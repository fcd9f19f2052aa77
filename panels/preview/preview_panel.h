// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QSize>
#include <QUrl>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QScrollArea;
class QToolBar;
class QVBoxLayout;
class QWebEngineView;
class QWidget;

namespace helios {
class Engine;
}

namespace helios::panels {

class ConsoleMessageModel;
class PanelHost;
class PreviewPage;

// The project's page as the dev server serves it, in a QWebEngineView: viewport presets
// (a phone, a tablet, or the whole panel), Reload, Open in browser, and the page's console
// messages and uncaught errors in a list. Hot reload is the dev server's client inside
// the page; the panel only shows the page. The panel does not start a dev server: whoever
// does (the workbench, a test) passes its URL to setUrl(). The QWebEngineView, and with it
// Chromium's processes, is created by the first setUrl() with a URL: a workbench that
// previews nothing starts no browser.
class PreviewPanel : public QObject {
    Q_OBJECT
public:
    enum class Viewport { Mobile, Tablet, Desktop };
    Q_ENUM(Viewport)

    // The page's size for a preset in device-independent pixels; invalid for Desktop,
    // which fills the panel.
    static QSize viewportSize(Viewport viewport);

    PreviewPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    ~PreviewPanel() override;

    QUrl url() const { return m_url; }
    Viewport viewport() const { return m_viewport; }

    QWidget *widget() const { return m_content; }
    // Null until the first setUrl() with a URL.
    QWebEngineView *view() const { return m_view; }
    PreviewPage *page() const { return m_page; }
    QScrollArea *scrollArea() const { return m_scrollArea; }
    QAction *viewportAction(Viewport viewport) const;
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *openInBrowserAction() const { return m_openAction; }
    QLineEdit *urlEdit() const { return m_urlEdit; }
    ConsoleMessageModel *consoleModel() const { return m_console; }
    QListView *consoleView() const { return m_consoleView; }
    QPushButton *clearConsoleButton() const { return m_clearButton; }

public Q_SLOTS:
    // Loads `url` (the dev server's page); an empty URL shows an empty page and disables
    // Reload and Open in browser.
    void setUrl(const QUrl &url);
    void setViewport(Viewport viewport);
    void reload();
    // Opens the page shown (or the dev server's URL) in the system's browser; tells the
    // host when there is none to open it.
    void openInBrowser();
    void clearConsole();

Q_SIGNALS:
    void loadFinished(bool ok);

private:
    void buildUi();
    void createView();
    void applyViewport();
    void updateActions();
    void updateConsoleSummary();
    void pageLoaded(bool ok);

    [[maybe_unused]] Engine &m_engine; // for the project's settings once the panel keeps any
    PanelHost &m_host;
    QUrl m_url;
    Viewport m_viewport = Viewport::Desktop;
    ConsoleMessageModel *m_console = nullptr;
    QWidget *m_content = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_mobileAction = nullptr;
    QAction *m_tabletAction = nullptr;
    QAction *m_desktopAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_openAction = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QScrollArea *m_scrollArea = nullptr;
    QWidget *m_stage = nullptr;
    QVBoxLayout *m_stageLayout = nullptr;
    QLabel *m_placeholder = nullptr;
    QWebEngineView *m_view = nullptr;
    PreviewPage *m_page = nullptr;
    QListView *m_consoleView = nullptr;
    QLabel *m_consoleSummary = nullptr;
    QPushButton *m_clearButton = nullptr;
};

} // namespace helios::panels
