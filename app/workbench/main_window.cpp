// SPDX-License-Identifier: Apache-2.0
#include "main_window.h"

#include "build/build_panel.h"
#include "deploy/deploy_panel.h"
#include "home/home_panel.h"
#include "preview/preview_panel.h"
#include "spark/spark_panel.h"
#include "tokens/tokens_panel.h"

#include "deploy_host.h"
#include "dev_server_host.h"
#include "engine.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

namespace helios::workbench {

MainWindow::MainWindow(Engine &engine, QWidget *parent) : QMainWindow(parent), m_engine(engine)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Helios Workbench"));
    setDockNestingEnabled(true);

    auto *welcome = new QLabel(tr("<h2>Helios Workbench</h2>"
                                  "<p>Design tokens, components, builds and deployments in one place.</p>"),
                               this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_home = new panels::HomePanel(m_engine, *this, this);
    new panels::TokensPanel(m_engine, *this, this);
    m_build = new panels::BuildPanel(m_engine, *this, this);
    m_preview = new panels::PreviewPanel(m_engine, *this, this);
    m_spark = new panels::SparkPanel(m_engine, *this, this);
    startDeployments();
    statusBar()->showMessage(tr("Data in %1").arg(m_engine.config().dataDir()));
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The Deploy panel's threads call into the service m_deployHost owns: they end first.
    delete m_deploy;
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
                                       .arg(url, QString::number(DeployHost::DefaultSitesPort),
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
    m_build->setProjectDir(projectDir);
    m_spark->setProjectDir(projectDir);
    if (m_deploy)
        m_deploy->setProjectDir(projectDir);
    m_devServer.reset(); // the previous project's, if any
    auto host = std::make_unique<DevServerHost>();
    const Result<quint16> port = host->start(m_engine.config(), projectDir, m_engine.bus());
    if (!port.ok()) {
        notify(tr("The preview could not start: %1").arg(port.error().toString()));
        return false;
    }
    m_devServer = std::move(host);
    m_preview->setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(*port)));
    return true;
}

void MainWindow::addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(id + QStringLiteral("Dock"));
    dock->setWidget(content);
    addDockWidget(area, dock);
}

void MainWindow::notify(const QString &message) { statusBar()->showMessage(message, 10000); }

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace helios::workbench
