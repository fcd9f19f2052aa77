// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "build/build_panel.h"
#include "deploy/deploy_panel.h"
#include "editor/editor_panel.h"
#include "events/events_panel.h"
#include "home/home_panel.h"
#include "preview/preview_panel.h"
#include "spark/spark_panel.h"
#include "tokens/tokens_panel.h"

#include "deploy_host.h"
#include "dev_server_host.h"
#include "engine.h"
#include "locator.h"
#include "mode_bar.h"
#include "new_project_wizard.h"
#include "recent_projects.h"
#include "settings_dialog.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace helios::workbench {

MainWindow::MainWindow(Engine &engine, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_recent(std::make_unique<RecentProjects>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Helios Workbench"));
    setDockNestingEnabled(true);
    setDockOptions(dockOptions() | QMainWindow::AllowTabbedDocks | QMainWindow::GroupedDragging);
    createPanels();
    createActions();
    createModes();
    statusBar()->showMessage(tr("Data in %1").arg(m_engine.config().dataDir()));
    arrangeDefaultLayout();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The Deploy panel's threads call into the service m_deployHost owns: they end first.
    delete m_deploy;
}

void MainWindow::createPanels()
{
    m_home = new panels::HomePanel(m_engine, *this, this);
    m_tokens = new panels::TokensPanel(m_engine, *this, this);
    m_editor = new panels::EditorPanel(m_engine, *this, this);
    m_spark = new panels::SparkPanel(m_engine, *this, this);
    m_build = new panels::BuildPanel(m_engine, *this, this);
    m_preview = new panels::PreviewPanel(m_engine, *this, this);
    startDeployments();
    m_events = new panels::EventsPanel(m_engine, *this, this);

    connect(m_home, &panels::HomePanel::newProjectRequested, this, &MainWindow::newProject);
    connect(m_home, &panels::HomePanel::openProjectRequested, this, &MainWindow::openProjectWithDialog);
    connect(m_home, &panels::HomePanel::projectActivated, this, [this](const QString &dir) { openProject(dir); });
    m_home->setRecentProjects(m_recent->list());
    connect(m_build, &panels::BuildPanel::openLocation, this, &MainWindow::openLocation);
}

void MainWindow::startDeployments()
{
    auto host = std::make_unique<DeployHost>();
    if (const Result<void> started = host->start(m_engine); !started.ok()) {
        statusBar()->addPermanentWidget(new QLabel(tr("Deployments are off: %1").arg(started.error().toString()), this));
        return;
    }
    const QString url = host->sitesUrl().toString();
    auto *sites = new QLabel(host->fallbackReason().isEmpty()
                                 ? tr("Deployments at %1").arg(url)
                                 : tr("Deployments at %1 (port %2 was not available: %3)")
                                       .arg(url, QString::number(host->requestedPort()),
                                            host->fallbackReason()),
                             this);
    sites->setObjectName(QStringLiteral("deploySitesLabel"));
    statusBar()->addPermanentWidget(sites);
    if (!host->followError().isEmpty())
        notify(tr("Builds will not deploy to dev by themselves: %1").arg(host->followError()));
    m_deploy = new panels::DeployPanel(m_engine, *host->service(), *this, this);
    m_deployHost = std::move(host);
}

bool MainWindow::openProject(const QString &projectDir)
{
    const QString dir = QFileInfo(projectDir).canonicalFilePath();
    if (dir.isEmpty() || !RecentProjects::looksLikeProject(dir)) {
        notify(tr("%1 is not a Helios project (it has no helios.json)").arg(QDir::toNativeSeparators(projectDir)));
        return false;
    }
    m_projectDir = dir;
    setWindowTitle(tr("%1 — Helios Workbench").arg(QFileInfo(dir).fileName()));
    m_recent->add(dir);
    m_home->setRecentProjects(m_recent->list());
    m_build->setProjectDir(dir);
    m_spark->setProjectDir(dir);
    m_editor->setProjectDir(dir);
    m_locator->setProjectDir(dir);
    if (m_deploy)
        m_deploy->setProjectDir(dir);
    if (const QString tokens = dir + QStringLiteral("/tokens/tokens.config.json"); QFileInfo::exists(tokens)) {
        if (const auto opened = m_tokens->openConfig(tokens); !opened.ok())
            notify(tr("The project's tokens could not be opened: %1").arg(opened.error().toString()));
    }

    m_devServer.reset(); // the previous project's, if any
    auto host = std::make_unique<DevServerHost>();
    const Result<quint16> port = host->start(m_engine.config(), dir, m_engine.bus());
    if (!port.ok()) {
        notify(tr("The preview could not start: %1").arg(port.error().toString()));
        return false;
    }
    m_devServer = std::move(host);
    m_preview->setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(*port)));
    return true;
}

bool MainWindow::openLastProject()
{
    const QString last = m_recent->last();
    return !last.isEmpty() && openProject(last);
}

void MainWindow::newProject()
{
    auto *wizard = new NewProjectWizard(m_engine, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewProjectWizard::projectCreated, this, [this](const QString &dir) { openProject(dir); });
    wizard->open();
}

void MainWindow::openProjectWithDialog()
{
    if (const QString dir = chooseProjectDirectory(this); !dir.isEmpty())
        openProject(dir);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_engine.config(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // Once the dialog is gone: the question is a dialog of its own.
        if (dialog->restartNeeded())
            QTimer::singleShot(0, this, &MainWindow::offerRestart);
    });
    dialog->open();
}

void MainWindow::offerRestart()
{
    QMessageBox box(QMessageBox::Question, tr("Restart"),
                    tr("The new settings apply when Helios Workbench starts. Restart it now?"), QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("restartQuestion"));
    QPushButton *now = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(now);
    box.exec();
    if (box.clickedButton() == now && close())
        Q_EMIT restartRequested();
}

void MainWindow::openLocation(const QString &absoluteFile, int line, int column)
{
    if (m_editor->openFile(absoluteFile, line, column))
        m_modeBar->activate(QStringLiteral("editor"));
}

void MainWindow::addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(id + QStringLiteral("Dock"));
    dock->setWidget(content);
    addDockWidget(area, dock);
}

void MainWindow::notify(const QString &message) { statusBar()->showMessage(message, 10000); }

// The layout of a first start; a saved one replaces it in restoreLayout().
void MainWindow::arrangeDefaultLayout()
{
    const auto dock = [this](const char *name) { return findChild<QDockWidget *>(QLatin1StringView(name)); };
    const auto place = [this](QDockWidget *d, Qt::DockWidgetArea area) {
        if (d)
            addDockWidget(area, d);
    };
    // Left: where to go (Home, the project's files). Right: the work, one tab per subsystem,
    // with the Preview beside it. Bottom: what happened (the build log, the events).
    place(dock("homeDock"), Qt::LeftDockWidgetArea);
    place(dock("filesDock"), Qt::LeftDockWidgetArea);
    if (dock("homeDock") && dock("filesDock"))
        tabifyDockWidget(dock("homeDock"), dock("filesDock"));
    QDockWidget *work = dock("tokensDock");
    place(work, Qt::RightDockWidgetArea);
    // Split before tabifying: a dock split off a tabbed one would become another tab.
    if (QDockWidget *preview = dock("previewDock"))
        splitDockWidget(work, preview, Qt::Horizontal);
    for (const char *name : {"editorDock", "sparkDock", "deployDock"})
        if (QDockWidget *d = dock(name))
            tabifyDockWidget(work, d);
    place(dock("buildDock"), Qt::BottomDockWidgetArea);
    if (dock("eventsDock")) {
        place(dock("eventsDock"), Qt::BottomDockWidgetArea);
        tabifyDockWidget(dock("buildDock"), dock("eventsDock"));
    }
    dock("homeDock")->raise();
    work->raise();
    dock("buildDock")->raise();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_editor->hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("Some files have unsaved changes. Save them before quitting?"),
                                                  QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel,
                                                  QMessageBox::SaveAll);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::SaveAll && !m_editor->saveAll())) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace helios::workbench
