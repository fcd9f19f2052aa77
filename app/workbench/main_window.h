// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panel_host.h"

#include <QMainWindow>

#include <memory>

namespace helios {
class Engine;
}

namespace helios::panels {
class BuildPanel;
class DeployPanel;
class EditorPanel;
class EventsPanel;
class HomePanel;
class PreviewPanel;
class SparkPanel;
class TokensPanel;
} // namespace helios::panels

namespace helios::workbench {

class DeployHost;
class DevServerHost;
class Locator;
class ModeBar;
class RecentProjects;

// The workbench window: every panel in a dock that moves and floats, a mode bar (Ctrl+1…6)
// that raises each subsystem's docks, menus and a toolbar, the locator (Ctrl+K), and the
// project all panels work on. Layout and last project are restored on the next start.
class MainWindow : public QMainWindow, public panels::PanelHost {
    Q_OBJECT
public:
    explicit MainWindow(Engine &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area) override;
    void notify(const QString &message) override;

    panels::HomePanel *homePanel() const { return m_home; }
    panels::TokensPanel *tokensPanel() const { return m_tokens; }
    panels::EditorPanel *editorPanel() const { return m_editor; }
    panels::SparkPanel *sparkPanel() const { return m_spark; }
    panels::BuildPanel *buildPanel() const { return m_build; }
    panels::PreviewPanel *previewPanel() const { return m_preview; }
    // Null when deployments cannot be served (no loopback port could be bound).
    panels::DeployPanel *deployPanel() const { return m_deploy; }
    panels::EventsPanel *eventsPanel() const { return m_events; }
    ModeBar *modeBar() const { return m_modeBar; }
    Locator *locator() const { return m_locator; }
    QString projectDir() const { return m_projectDir; }

    // Makes `projectDir` the project the panels work on: Tokens opens its token files,
    // the Editor its tree, Spark and Build their target, Deploy its deployments, the
    // locator its index, and a dev server (IGNIS, on free loopback ports) serves it to the
    // Preview. Remembered as the most recent project.
    // False, with a notification, if it is not a project or the dev server cannot start.
    bool openProject(const QString &projectDir);
    // Opens the most recent project that still exists; false when there is none.
    bool openLastProject();

public Q_SLOTS:
    // The new-project wizard, window-modal; a created project is opened.
    void newProject();
    void openProjectWithDialog();
    void showSettings();
    // Opens a file in the Editor at a 1-based line and column and raises it.
    void openLocation(const QString &absoluteFile, int line, int column);

Q_SIGNALS:
    // The window closed to restart the workbench (settings that apply at start changed
    // and the user chose Restart Now): main() starts it again once the event loop ends.
    void restartRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanels();
    void createActions();
    void createModes();
    void arrangeDefaultLayout();
    void restoreLayout();
    void startDeployments();
    void fillRecentMenu();
    // Asks whether to restart now; closes (which may ask about unsaved files) and says so.
    void offerRestart();

    Engine &m_engine;
    std::unique_ptr<RecentProjects> m_recent;
    panels::HomePanel *m_home = nullptr;
    panels::TokensPanel *m_tokens = nullptr;
    panels::EditorPanel *m_editor = nullptr;
    panels::SparkPanel *m_spark = nullptr;
    panels::BuildPanel *m_build = nullptr;
    panels::PreviewPanel *m_preview = nullptr;
    panels::DeployPanel *m_deploy = nullptr;
    panels::EventsPanel *m_events = nullptr;
    ModeBar *m_modeBar = nullptr;
    Locator *m_locator = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_projectDir;
    std::unique_ptr<DevServerHost> m_devServer;
    std::unique_ptr<DeployHost> m_deployHost;
};

} // namespace helios::workbench
