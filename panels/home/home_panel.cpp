// SPDX-License-Identifier: Apache-2.0
#include "home_panel.h"

#include "backend_status_model.h"
#include "panel_host.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace helios::panels {

HomePanel::HomePanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent), m_engine(engine), m_model(new BackendStatusModel(this))
{
    m_workers.setMaxThreadCount(1);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *heading = new QLabel(tr("<b>Back ends</b>"), content);
    auto *table = new QTableView(content);
    table->setObjectName(QStringLiteral("backendStatusTable"));
    table->setModel(m_model);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *refreshButton = new QPushButton(tr("Refresh"), content);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    content->setMinimumWidth(460);
    layout->addWidget(heading);
    layout->addWidget(table);
    layout->addWidget(refreshButton, 0, Qt::AlignRight);
    connect(refreshButton, &QPushButton::clicked, this, &HomePanel::refresh);

    host.addDock(QStringLiteral("home"), tr("Home"), content, Qt::LeftDockWidgetArea);
    refresh();
}

HomePanel::~HomePanel() { m_workers.waitForDone(); }

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

} // namespace helios::panels
