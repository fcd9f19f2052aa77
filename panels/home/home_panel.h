// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QThreadPool>

class QListView;
class QPushButton;
class QTableView;
class QModelIndex;
class QWidget;

namespace helios {
class Engine;
}

namespace helios::panels {

class BackendStatusModel;
class EventFeed;
class EventLogModel;
class PanelHost;
class RecentProjectsModel;

// The navigation hub: recent projects to open or create, the state of each back end
// (probed off the UI thread) and the last events on the bus.
class HomePanel : public QObject {
    Q_OBJECT
public:
    static constexpr int RecentEventCount = 20;

    HomePanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Unsubscribes from the bus and waits for a probe still running: both use this panel.
    ~HomePanel() override;

    QWidget *widget() const { return m_content; }
    BackendStatusModel *statusModel() const { return m_model; }
    RecentProjectsModel *recentProjectsModel() const { return m_projects; }
    QListView *recentProjectsView() const { return m_projectsView; }
    EventLogModel *recentEventsModel() const { return m_events; }
    QTableView *recentEventsView() const { return m_eventsView; }
    QPushButton *newProjectButton() const { return m_newProjectButton; }
    QPushButton *openProjectButton() const { return m_openProjectButton; }

public Q_SLOTS:
    // Pings every back end on a worker thread; statusRefreshed() follows.
    void refresh();
    // The project folders to offer, most recent first; missing ones are shown disabled.
    void setRecentProjects(const QStringList &dirs);

Q_SIGNALS:
    void statusRefreshed();
    // The user asked for the new-project wizard.
    void newProjectRequested();
    // The user asked to pick a project folder in a dialog.
    void openProjectRequested();
    // The user opened a recent project that exists; `dir` is its path, cleaned.
    void projectActivated(const QString &dir);

private:
    QWidget *buildProjectsSection();
    QWidget *buildStatusSection();
    QWidget *buildEventsSection();
    void activateProject(const QModelIndex &index);

    Engine &m_engine;
    PanelHost &m_host;
    BackendStatusModel *m_model;
    RecentProjectsModel *m_projects;
    EventLogModel *m_events;
    EventFeed *m_feed = nullptr;
    QThreadPool m_workers;

    // Owned by the host once docked.
    QWidget *m_content = nullptr;
    QListView *m_projectsView = nullptr;
    QPushButton *m_newProjectButton = nullptr;
    QPushButton *m_openProjectButton = nullptr;
    QTableView *m_eventsView = nullptr;
};

} // namespace helios::panels
