// SPDX-License-Identifier: Apache-2.0
// The window's menus, toolbar, mode bar and locator: everything a shortcut reaches.
#include "main_window.h"

#include "build/build_panel.h"
#include "editor/editor_panel.h"
#include "spark/spark_panel.h"

#include "locator.h"
#include "mode_bar.h"
#include "recent_projects.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QToolBar>

namespace helios::workbench {

namespace {

QAction *addMenuAction(QMenu *menu, const QString &objectName, const QString &text, const QKeySequence &shortcut = {})
{
    QAction *action = menu->addAction(text);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

} // namespace

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newProject = addMenuAction(file, QStringLiteral("newProjectAction"), tr("&New Project…"),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(newProject, &QAction::triggered, this, &MainWindow::newProject);
    QAction *openProject = addMenuAction(file, QStringLiteral("openProjectAction"), tr("&Open Project…"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openProject, &QAction::triggered, this, &MainWindow::openProjectWithDialog);
    m_recentMenu = file->addMenu(tr("&Recent Projects"));
    m_recentMenu->setObjectName(QStringLiteral("recentProjectsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(m_editor->saveAction());
    QAction *saveAll = addMenuAction(file, QStringLiteral("saveAllAction"), tr("Save A&ll"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAll, &QAction::triggered, m_editor, [this] { m_editor->saveAll(); });
    file->addSeparator();
    QAction *settings = addMenuAction(file, QStringLiteral("settingsAction"), tr("&Settings…"), QKeySequence::Preferences);
    if (settings->shortcut().isEmpty())
        settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    file->addSeparator();
    QAction *quit = addMenuAction(file, QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_editor->findAction());
    edit->addAction(m_editor->replaceAction());

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *locate = addMenuAction(go, QStringLiteral("locatorAction"), tr("&Locate…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_locator = new Locator(this);
    connect(locate, &QAction::triggered, m_locator, &Locator::popup);
    connect(m_locator, &Locator::openLocation, this, &MainWindow::openLocation);

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    QAction *build = addMenuAction(project, QStringLiteral("buildAction"), tr("&Build"), QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(build, &QAction::triggered, m_build, &panels::BuildPanel::build);
    QAction *generate = addMenuAction(project, QStringLiteral("generateAction"), tr("&Generate Component…"),
                                      QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(generate, &QAction::triggered, this, [this] {
        m_modeBar->activate(QStringLiteral("spark"));
        m_spark->promptEdit()->setFocus();
    });
    project->addAction(m_editor->commitAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_modeBar = new ModeBar(*this);
    addToolBar(Qt::LeftToolBarArea, m_modeBar);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = addMenuAction(help, QStringLiteral("aboutAction"), tr("&About Helios Workbench"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Helios Workbench"),
                           tr("<h3>Helios Workbench %1</h3><p>Design tokens, components, builds and "
                              "deployments in one place.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    for (QAction *action : {newProject, openProject, m_editor->saveAction(), build, locate, settings})
        tools->addAction(action);
}

void MainWindow::createModes()
{
    m_modeBar->addMode(QStringLiteral("home"), tr("Home"), {QStringLiteral("homeDock")});
    m_modeBar->addMode(QStringLiteral("tokens"), tr("Tokens"), {QStringLiteral("tokensDock"), QStringLiteral("previewDock")});
    m_modeBar->addMode(QStringLiteral("editor"), tr("Editor"),
                       {QStringLiteral("editorDock"), QStringLiteral("filesDock"), QStringLiteral("previewDock")});
    m_modeBar->addMode(QStringLiteral("spark"), tr("Spark"), {QStringLiteral("sparkDock"), QStringLiteral("previewDock")});
    m_modeBar->addMode(QStringLiteral("build"), tr("Build"), {QStringLiteral("buildDock"), QStringLiteral("previewDock")});
    m_modeBar->addMode(QStringLiteral("deploy"), tr("Deploy"), {QStringLiteral("deployDock"), QStringLiteral("eventsDock")});

    // View: the modes, then a toggle per dock so a closed panel can come back.
    auto *view = findChild<QMenu *>(QStringLiteral("viewMenu"));
    view->addActions(m_modeBar->modeActions());
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QList<QAction *> all;
    for (QAction *menu : menuBar()->actions())
        if (menu->menu())
            for (QAction *action : menu->menu()->actions())
                if (!action->isSeparator() && !action->menu())
                    all.append(action);
    m_locator->setActions(all);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_recent->list();
    for (const QString &dir : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(dir));
        action->setEnabled(RecentProjects::looksLikeProject(dir));
        connect(action, &QAction::triggered, this, [this, dir] { openProject(dir); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
}

} // namespace helios::workbench
