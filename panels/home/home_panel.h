// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QThreadPool>

namespace helios {
class Engine;
}

namespace helios::panels {

class BackendStatusModel;
class PanelHost;

// The navigation hub. For now: the state of each back end, probed off the UI thread.
class HomePanel : public QObject {
    Q_OBJECT
public:
    HomePanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Waits for a probe still running: it uses the engine and this panel.
    ~HomePanel() override;

    BackendStatusModel *statusModel() const { return m_model; }

public Q_SLOTS:
    // Pings every back end on a worker thread; statusRefreshed() follows.
    void refresh();

Q_SIGNALS:
    void statusRefreshed();

private:
    Engine &m_engine;
    BackendStatusModel *m_model;
    QThreadPool m_workers;
};

} // namespace helios::panels
