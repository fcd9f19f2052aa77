// SPDX-License-Identifier: Apache-2.0
#include "preview_panel.h"

#include "console_message_model.h"
#include "panel_host.h"
#include "preview_page.h"

#include <QAction>
#include <QActionGroup>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace helios::panels {

namespace {
Q_LOGGING_CATEGORY(lcPreviewPanel, "helios.panels.preview")
}

QSize PreviewPanel::viewportSize(Viewport viewport) {
    switch (viewport) {
    case Viewport::Mobile:
        return {375, 667};
    case Viewport::Tablet:
        return {768, 1024};
    case Viewport::Desktop:
        return {};
    }
    return {};
}

PreviewPanel::PreviewPanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
    , m_console(new ConsoleMessageModel(this)) {
    buildUi();
    applyViewport();
    updateActions();
    updateConsoleSummary();
    host.addDock(QStringLiteral("preview"), tr("Preview"), m_content, Qt::RightDockWidgetArea);
}

// The widgets belong to the host's dock; the page is the view's child and goes with it.
PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::buildUi() {
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("previewPanel"));
    auto *layout = new QVBoxLayout(m_content);

    m_toolBar = new QToolBar(m_content);
    m_toolBar->setObjectName(QStringLiteral("previewToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *viewports = new QActionGroup(m_toolBar);
    const auto addViewport = [&](Viewport viewport, const QString &text, const QString &toolTip) {
        QAction *action = m_toolBar->addAction(text);
        action->setCheckable(true);
        action->setToolTip(toolTip);
        action->setActionGroup(viewports);
        connect(action, &QAction::triggered, this, [this, viewport] { setViewport(viewport); });
        return action;
    };
    m_mobileAction =
        addViewport(Viewport::Mobile, tr("Mobile"), tr("A phone's viewport, 375 × 667"));
    m_mobileAction->setObjectName(QStringLiteral("mobileViewportAction"));
    m_tabletAction =
        addViewport(Viewport::Tablet, tr("Tablet"), tr("A tablet's viewport, 768 × 1024"));
    m_tabletAction->setObjectName(QStringLiteral("tabletViewportAction"));
    m_desktopAction = addViewport(Viewport::Desktop, tr("Desktop"), tr("The page fills the panel"));
    m_desktopAction->setObjectName(QStringLiteral("desktopViewportAction"));
    m_toolBar->addSeparator();
    m_reloadAction = m_toolBar->addAction(
        m_content->style()->standardIcon(QStyle::SP_BrowserReload), tr("Reload"));
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setToolTip(
        tr("Load the page again (edits show without it while the dev server runs)"));
    m_openAction = m_toolBar->addAction(tr("Open in Browser"));
    m_openAction->setObjectName(QStringLiteral("openInBrowserAction"));
    m_openAction->setToolTip(tr("Open the page in the system's web browser"));
    m_urlEdit = new QLineEdit(m_toolBar);
    m_urlEdit->setObjectName(QStringLiteral("previewUrl"));
    m_urlEdit->setReadOnly(true);
    m_urlEdit->setPlaceholderText(tr("No dev server running"));
    m_toolBar->addWidget(m_urlEdit);

    // The view sits on a stage inside a scroll area: a preset fixes its size and centres
    // it, scrolling when the panel is smaller; Desktop lets it fill the stage.
    m_scrollArea = new QScrollArea(m_content);
    m_scrollArea->setObjectName(QStringLiteral("previewScrollArea"));
    m_scrollArea->setWidgetResizable(true);
    m_stage = new QWidget;
    m_stage->setObjectName(QStringLiteral("previewStage"));
    m_stage->setBackgroundRole(QPalette::Dark);
    m_stage->setAutoFillBackground(true);
    m_stageLayout = new QVBoxLayout(m_stage);
    m_stageLayout->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(tr("No page to preview: the dev server is not running."), m_stage);
    m_placeholder->setObjectName(QStringLiteral("previewPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::BrightText);
    m_stageLayout->addWidget(m_placeholder);
    m_scrollArea->setWidget(m_stage);

    auto *consolePane = new QWidget(m_content);
    auto *consoleLayout = new QVBoxLayout(consolePane);
    consoleLayout->setContentsMargins(0, 0, 0, 0);
    auto *consoleHeader = new QHBoxLayout;
    auto *consoleTitle = new QLabel(tr("Console"), consolePane);
    m_consoleSummary = new QLabel(consolePane);
    m_consoleSummary->setObjectName(QStringLiteral("consoleSummary"));
    m_clearButton = new QPushButton(tr("Clear"), consolePane);
    m_clearButton->setObjectName(QStringLiteral("clearConsoleButton"));
    consoleHeader->addWidget(consoleTitle);
    consoleHeader->addWidget(m_consoleSummary, 1);
    consoleHeader->addWidget(m_clearButton);
    m_consoleView = new QListView(consolePane);
    m_consoleView->setObjectName(QStringLiteral("consoleView"));
    m_consoleView->setModel(m_console);
    m_consoleView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_consoleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_consoleView->setUniformItemSizes(true);
    consoleLayout->addLayout(consoleHeader);
    consoleLayout->addWidget(m_consoleView, 1);

    auto *split = new QSplitter(Qt::Vertical, m_content);
    split->addWidget(m_scrollArea);
    split->addWidget(consolePane);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    m_content->setMinimumSize(480, 360);

    connect(m_reloadAction, &QAction::triggered, this, &PreviewPanel::reload);
    connect(m_openAction, &QAction::triggered, this, &PreviewPanel::openInBrowser);
    connect(m_clearButton, &QPushButton::clicked, this, &PreviewPanel::clearConsole);
    connect(m_console, &QAbstractItemModel::rowsInserted, this, [this] {
        updateConsoleSummary();
        m_consoleView->scrollToBottom();
    });
    connect(m_console, &QAbstractItemModel::rowsRemoved, this, &PreviewPanel::updateConsoleSummary);
    connect(m_console, &QAbstractItemModel::modelReset, this, &PreviewPanel::updateConsoleSummary);
}

void PreviewPanel::createView() {
    if (m_view)
        return;
    m_view = new QWebEngineView(m_stage);
    m_view->setObjectName(QStringLiteral("previewView"));
    m_page = new PreviewPage(m_view);
    m_view->setPage(m_page);
    m_placeholder->hide();
    m_stageLayout->addWidget(m_view);
    applyViewport();
    connect(m_page, &PreviewPage::consoleMessage, m_console, &ConsoleMessageModel::append);
    connect(m_view, &QWebEngineView::loadFinished, this, &PreviewPanel::pageLoaded);
    connect(m_view, &QWebEngineView::urlChanged, this, [this](const QUrl &url) {
        m_urlEdit->setText(url.isEmpty() ? m_url.toString() : url.toString());
    });
}

QAction *PreviewPanel::viewportAction(Viewport viewport) const {
    switch (viewport) {
    case Viewport::Mobile:
        return m_mobileAction;
    case Viewport::Tablet:
        return m_tabletAction;
    case Viewport::Desktop:
        return m_desktopAction;
    }
    return nullptr;
}

void PreviewPanel::setUrl(const QUrl &url) {
    m_url = url;
    m_urlEdit->setText(url.toString());
    updateActions();
    if (url.isEmpty()) {
        if (m_view)
            m_view->setUrl(QUrl(QStringLiteral("about:blank")));
        return;
    }
    createView();
    m_view->setUrl(url);
}

void PreviewPanel::setViewport(Viewport viewport) {
    m_viewport = viewport;
    applyViewport();
}

void PreviewPanel::applyViewport() {
    viewportAction(m_viewport)->setChecked(true);
    if (!m_view)
        return;
    const QSize size = viewportSize(m_viewport);
    if (size.isValid()) {
        m_view->setFixedSize(size);
        m_stageLayout->setAlignment(m_view, Qt::AlignHCenter | Qt::AlignTop);
    } else {
        m_view->setMinimumSize(0, 0);
        m_view->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
        m_stageLayout->setAlignment(m_view, {});
    }
}

void PreviewPanel::reload() {
    if (m_url.isEmpty() || !m_view)
        return;
    // After a failed first load the view may hold no URL to reload.
    if (m_view->url().isEmpty() || m_view->url() == QUrl(QStringLiteral("about:blank")))
        m_view->setUrl(m_url);
    else
        m_view->reload();
}

void PreviewPanel::openInBrowser() {
    const QUrl shown = m_view ? m_view->url() : QUrl();
    const QUrl target = shown.isEmpty() || shown.scheme() == QLatin1String("about") ? m_url : shown;
    if (target.isEmpty())
        return;
    if (!QDesktopServices::openUrl(target))
        m_host.notify(tr("Could not open %1 in a web browser").arg(target.toString()));
}

void PreviewPanel::clearConsole() {
    m_console->clear();
}

void PreviewPanel::updateActions() {
    const bool hasUrl = !m_url.isEmpty();
    m_reloadAction->setEnabled(hasUrl);
    m_openAction->setEnabled(hasUrl);
}

void PreviewPanel::updateConsoleSummary() {
    const int errors = m_console->count(ConsoleMessageModel::Level::Error);
    const int warnings = m_console->count(ConsoleMessageModel::Level::Warning);
    m_consoleSummary->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                              tr("%n warning(s)", nullptr, warnings));
    m_clearButton->setEnabled(m_console->rowCount() > 0);
}

void PreviewPanel::pageLoaded(bool ok) {
    if (!ok && !m_url.isEmpty()) {
        // Shown where the page's own errors go, and once in the host: the page is blank.
        const QString message = tr("The page at %1 did not load; is the dev server running?")
                                    .arg(m_view->url().toString());
        qCWarning(lcPreviewPanel) << "load failed:" << m_view->url();
        m_console->append(ConsoleMessageModel::Level::Error, message, m_view->url().toString());
        m_host.notify(message);
    }
    Q_EMIT loadFinished(ok);
}

} // namespace helios::panels
