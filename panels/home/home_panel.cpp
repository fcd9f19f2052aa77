// SPDX-License-Identifier: Apache-2.0
#include "home_panel.h"

#include "backend_status_model.h"
#include "events/event_feed.h"
#include "events/event_log_model.h"
#include "panel_host.h"
#include "recent_projects_model.h"

#include "engine.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace helios::panels {

HomePanel::HomePanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
    , m_model(new BackendStatusModel(this))
    , m_projects(new RecentProjectsModel(this))
    , m_events(new EventLogModel(RecentEventCount, this))
{
    m_workers.setMaxThreadCount(1);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("homePanel"));
    m_content->setMinimumWidth(460);
    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(buildProjectsSection(), 2);
    layout->addWidget(buildStatusSection(), 2);
    layout->addWidget(buildEventsSection(), 3);

    m_feed = new EventFeed(engine.bus(), this);
    connect(m_feed, &EventFeed::received, m_events, &EventLogModel::append);

    host.addDock(QStringLiteral("home"), tr("Home"), m_content, Qt::LeftDockWidgetArea);
    refresh();
}

HomePanel::~HomePanel()
{
    delete m_feed;
    m_feed = nullptr;
    m_workers.waitForDone();
}

QWidget *HomePanel::buildProjectsSection()
{
    auto *section = new QWidget(m_content);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("<b>Projects</b>"), section);
    m_projectsView = new QListView(section);
    m_projectsView->setObjectName(QStringLiteral("recentProjectsView"));
    m_projectsView->setModel(m_projects);
    m_projectsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    heading->setBuddy(m_projectsView);
    auto *empty = new QLabel(tr("No recent projects yet: create one or open a folder."), section);
    empty->setObjectName(QStringLiteral("noRecentProjectsLabel"));
    m_newProjectButton = new QPushButton(tr("New project…"), section);
    m_newProjectButton->setObjectName(QStringLiteral("newProjectButton"));
    m_openProjectButton = new QPushButton(tr("Open project…"), section);
    m_openProjectButton->setObjectName(QStringLiteral("openProjectButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_newProjectButton);
    buttons->addWidget(m_openProjectButton);
    layout->addWidget(heading);
    layout->addWidget(empty);
    layout->addWidget(m_projectsView, 1);
    layout->addLayout(buttons);

    connect(m_newProjectButton, &QPushButton::clicked, this, &HomePanel::newProjectRequested);
    connect(m_openProjectButton, &QPushButton::clicked, this, &HomePanel::openProjectRequested);
    // Activation is a double-click or Enter (a single click where the style says so).
    connect(m_projectsView, &QAbstractItemView::activated, this, &HomePanel::activateProject);
    const auto showEmptyHint = [this, empty] {
        empty->setVisible(m_projects->rowCount() == 0);
        m_projectsView->setVisible(m_projects->rowCount() > 0);
    };
    connect(m_projects, &QAbstractItemModel::modelReset, empty, showEmptyHint);
    showEmptyHint();
    return section;
}

QWidget *HomePanel::buildStatusSection()
{
    auto *section = new QWidget(m_content);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("<b>Back ends</b>"), section);
    auto *table = new QTableView(section);
    table->setObjectName(QStringLiteral("backendStatusTable"));
    table->setModel(m_model);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *refreshButton = new QPushButton(tr("Refresh"), section);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    layout->addWidget(heading);
    layout->addWidget(table, 1);
    layout->addWidget(refreshButton, 0, Qt::AlignRight);
    connect(refreshButton, &QPushButton::clicked, this, &HomePanel::refresh);
    return section;
}

QWidget *HomePanel::buildEventsSection()
{
    auto *section = new QWidget(m_content);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("<b>Recent events</b>"), section);
    m_eventsView = new QTableView(section);
    m_eventsView->setObjectName(QStringLiteral("recentEventsView"));
    m_eventsView->setModel(m_events);
    m_eventsView->setSelectionMode(QAbstractItemView::NoSelection);
    m_eventsView->setWordWrap(false);
    m_eventsView->verticalHeader()->hide();
    // The Events panel has the source and the details; the hub stays narrow.
    m_eventsView->hideColumn(EventLogModel::Source);
    m_eventsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    // Newest at the bottom, like the Events panel; keep it in sight.
    connect(m_events, &QAbstractItemModel::rowsInserted, m_eventsView,
            [this] { m_eventsView->scrollToBottom(); });
    layout->addWidget(heading);
    layout->addWidget(m_eventsView, 1);
    return section;
}

void HomePanel::refresh()
{
    // Pinging a remote back end can take up to its connect timeout: never on the UI thread.
    // The result is queued to this object; Qt drops it if the panel is gone by then.
    m_workers.start([this] {
        const QList<Engine::BackendStatus> statuses = m_engine.backendStatus();
        QMetaObject::invokeMethod(this, [this, statuses] {
            m_model->setStatuses(statuses);
            Q_EMIT statusRefreshed();
        }, Qt::QueuedConnection);
    });
}

void HomePanel::setRecentProjects(const QStringList &dirs)
{
    m_projects->setProjects(dirs);
}

void HomePanel::activateProject(const QModelIndex &index)
{
    if (!index.isValid() || !(index.flags() & Qt::ItemIsEnabled))
        return;
    const QString dir = index.data(RecentProjectsModel::PathRole).toString();
    // The folder may have gone since the list was set.
    if (!QFileInfo(dir).isDir()) {
        m_host.notify(tr("The project folder %1 no longer exists.").arg(QDir::toNativeSeparators(dir)));
        return;
    }
    Q_EMIT projectActivated(dir);
}

} // namespace helios::panels
