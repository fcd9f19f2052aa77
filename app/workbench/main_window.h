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
class HomePanel;
class PreviewPanel;
class SparkPanel;
} // namespace helios::panels

namespace helios::workbench {

class DeployHost;
class DevServerHost;

// The workbench window: hosts the panels in docks and restores the layout.
class MainWindow : public QMainWindow, public panels::PanelHost {
    Q_OBJECT
public:
    explicit MainWindow(Engine &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area) override;
    void notify(const QString &message) override;

    panels::HomePanel *homePanel() const { return m_home; }
    panels::PreviewPanel *previewPanel() const { return m_preview; }
    // Null when deployments cannot be served (no loopback port could be bound).
    panels::DeployPanel *deployPanel() const { return m_deploy; }

    // Makes `projectDir` the project the panels work on: the Build panel builds it, the
    // Deploy panel shows its deployments, and a dev server (IGNIS, on free loopback
    // ports) serves it to the Preview panel.
    // False, with a notification, if the dev server cannot start.
    bool openProject(const QString &projectDir);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();
    void startDeployments();

    Engine &m_engine;
    panels::HomePanel *m_home = nullptr;
    panels::BuildPanel *m_build = nullptr;
    panels::PreviewPanel *m_preview = nullptr;
    panels::SparkPanel *m_spark = nullptr;
    panels::DeployPanel *m_deploy = nullptr;
    std::unique_ptr<DevServerHost> m_devServer;
    std::unique_ptr<DeployHost> m_deployHost;
};

} // namespace helios::workbench
