// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deploy_runner.h"

#include <QObject>
#include <QString>

#include <memory>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTableView;
class QWidget;

namespace helios {
class Engine;
namespace data {
class Subscription;
}
namespace waypoint {
class WaypointService;
}
} // namespace helios

namespace helios::panels {

class DeploymentTimelineModel;
class EnvironmentTableModel;
class PanelHost;
class ReleaseTableModel;
struct EnvironmentRow;

// WAYPOINT in the workbench: the project's environments (live version, health, address,
// the deployment waiting at the gate), its releases (changelog on hover) and a timeline
// of deployments (step timings on hover). Deploy puts the selected release into the
// selected environment, Approve passes that environment's gate, Promote takes what the
// previous environment runs, Roll back goes to the environment's previous healthy
// release. The buttons follow the local identity's role against the environment's
// approver and the state; the service still decides, and a refusal is shown. Every
// service call runs on the runner's threads; deployment.* and build.completed on the
// bus refresh the view.
class DeployPanel : public QObject {
    Q_OBJECT
public:
    DeployPanel(Engine &engine, waypoint::WaypointService &service, PanelHost &host,
                QObject *parent = nullptr);
    // Stops listening to the bus and waits for the runner's threads.
    ~DeployPanel() override;

    QString projectDir() const { return m_projectDir; }
    const DeploySnapshot &snapshot() const { return m_snapshot; }
    bool isBusy() const;

    QWidget *widget() const { return m_content; }
    EnvironmentTableModel *environmentModel() const { return m_environments; }
    ReleaseTableModel *releaseModel() const { return m_releases; }
    DeploymentTimelineModel *timelineModel() const { return m_timeline; }
    QTableView *environmentView() const { return m_environmentView; }
    QTableView *releaseView() const { return m_releaseView; }
    QListView *timelineView() const { return m_timelineView; }
    QPushButton *deployButton() const { return m_deployButton; }
    QPushButton *approveButton() const { return m_approveButton; }
    QPushButton *promoteButton() const { return m_promoteButton; }
    QPushButton *rollbackButton() const { return m_rollbackButton; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *identityLabel() const { return m_identityLabel; }

    // The selected environment's name and release's version; empty when none.
    QString selectedEnvironment() const;
    QString selectedVersion() const;

public Q_SLOTS:
    // The project whose deployments the panel shows; empty for none. Refreshes.
    void setProjectDir(const QString &dir);
    void selectEnvironment(const QString &name);
    void selectRelease(const QString &version);
    // Reads the snapshot again off the UI thread; refreshed() follows.
    void refresh();
    void deploy();
    void approve();
    void promote();
    void rollback();

Q_SIGNALS:
    void refreshed();
    void actionFinished(bool succeeded);

private:
    void buildUi();
    void subscribe();
    void showSnapshot(const DeploySnapshot &snapshot);
    void showProgress(const waypoint::DeployProgress &progress);
    void actionDone(const DeployActionOutcome &outcome);
    void beginAction(const QString &text);
    void updateButtons();
    void showStatus(const QString &text, bool error);
    void showReadHint(const QString &text, bool error);
    const EnvironmentRow *selectedRow() const;
    bool hasEarlierHealthyRelease(const EnvironmentRow &row) const;

    Engine &m_engine;
    PanelHost &m_host;
    QString m_projectDir;
    DeploySnapshot m_snapshot;
    QWidget *m_content = nullptr;
    QLabel *m_projectLabel = nullptr;
    QLabel *m_identityLabel = nullptr;
    EnvironmentTableModel *m_environments = nullptr;
    ReleaseTableModel *m_releases = nullptr;
    DeploymentTimelineModel *m_timeline = nullptr;
    QTableView *m_environmentView = nullptr;
    QTableView *m_releaseView = nullptr;
    QListView *m_timelineView = nullptr;
    QPushButton *m_deployButton = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_promoteButton = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_status = nullptr;
    bool m_showingReadHint = false; // the status line holds a read's message, not an action's
    DeployRunner *m_runner = nullptr;
    std::unique_ptr<data::Subscription> m_deploymentEvents;
    std::unique_ptr<data::Subscription> m_buildEvents;
};

} // namespace helios::panels
