// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panel_host.h"

#include <QMainWindow>

#include <memory>

namespace helios {
class Engine;
}

namespace helios::panels {
class HomePanel;
}

namespace helios::workbench {

// The workbench window: hosts the panels in docks and restores the layout.
class MainWindow : public QMainWindow, public panels::PanelHost {
    Q_OBJECT
public:
    explicit MainWindow(Engine &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area) override;
    void notify(const QString &message) override;

    panels::HomePanel *homePanel() const { return m_home; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();

    Engine &m_engine;
    panels::HomePanel *m_home = nullptr;
};

} // namespace helios::workbench
