// SPDX-License-Identifier: Apache-2.0
#include "events_panel.h"

#include "event_display.h"
#include "event_feed.h"
#include "event_filter_model.h"
#include "event_log_model.h"
#include "panel_host.h"

#include "engine.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace helios::panels {

EventsPanel::EventsPanel(Engine &engine, PanelHost &host, QObject *parent)
    : QObject(parent), m_model(new EventLogModel(EventLogModel::DefaultCapacity, this)),
      m_filter(new EventFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    buildUi();
    m_feed = new EventFeed(engine.bus(), this);
    connect(m_feed, &EventFeed::received, this, &EventsPanel::receive);
    host.addDock(QStringLiteral("events"), tr("Events"), m_content, Qt::BottomDockWidgetArea);
    if (!m_feed->isSubscribed())
        host.notify(tr("The Events panel receives no events: %1").arg(m_feed->error()));
}

EventsPanel::~EventsPanel()
{
    delete m_feed;
    m_feed = nullptr;
}

void EventsPanel::buildUi()
{
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("eventsPanel"));
    auto *layout = new QVBoxLayout(m_content);

    auto *controls = new QHBoxLayout;
    m_filterEdit = new QLineEdit(m_content);
    m_filterEdit->setObjectName(QStringLiteral("eventFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by type, source, subject or summary"));
    m_filterEdit->setClearButtonEnabled(true);
    m_typeCombo = new QComboBox(m_content);
    m_typeCombo->setObjectName(QStringLiteral("eventTypeCombo"));
    m_typeCombo->addItem(tr("All types"), QString());
    m_typeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pauseButton = new QPushButton(tr("Pause"), m_content);
    m_pauseButton->setObjectName(QStringLiteral("pauseEventsButton"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Stop adding rows; events keep arriving and are shown on resume"));
    m_clearButton = new QPushButton(tr("Clear"), m_content);
    m_clearButton->setObjectName(QStringLiteral("clearEventsButton"));
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("eventsStatus"));
    controls->addWidget(m_filterEdit, 1);
    controls->addWidget(m_typeCombo);
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_clearButton);
    controls->addWidget(m_status);
    layout->addLayout(controls);

    auto *splitter = new QSplitter(Qt::Horizontal, m_content);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: sizing to contents would measure every row on
    // every event.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QFontMetrics metrics(m_view->font());
    header->resizeSection(EventLogModel::Time, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    header->resizeSection(EventLogModel::Type, metrics.horizontalAdvance(QStringLiteral("deployment.rolled_back")) + 16);
    header->resizeSection(EventLogModel::Source, metrics.horizontalAdvance(QStringLiteral("/helios/waypoint")) + 16);
    m_details = new QPlainTextEdit(splitter);
    m_details->setObjectName(QStringLiteral("eventDetailsView"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an event to see it as JSON"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Widgets are the context of their connections: the host owns them and may destroy
    // them before or after this panel.
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &EventFilterModel::setText);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, m_filter,
            [this] { m_filter->setType(m_typeCombo->currentData().toString()); });
    connect(m_pauseButton, &QPushButton::toggled, this, &EventsPanel::setPaused);
    connect(this, &EventsPanel::pausedChanged, m_pauseButton, [this](bool paused) {
        m_pauseButton->setChecked(paused);
        m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(m_clearButton, &QPushButton::clicked, this, &EventsPanel::clear);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_typeCombo,
            [this](const QModelIndex &, int first, int last) { addTypes(first, last); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, m_details,
            [this](const QModelIndex &current) { showDetails(current); });
    connect(m_model, &QAbstractItemModel::modelReset, m_details, &QPlainTextEdit::clear);
    // Follow the newest event while the view shows the end of the table; stay put once the
    // user scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, m_view, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_followTail = bar->value() >= bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_filter, signal, m_status, [this] { updateStatus(); });
    }
    connect(m_filter, &QAbstractItemModel::modelReset, m_status, [this] { updateStatus(); });
    connect(m_filter, &QAbstractItemModel::layoutChanged, m_status, [this] { updateStatus(); });
    connect(this, &EventsPanel::pendingCountChanged, m_status, [this] { updateStatus(); });
    updateStatus();
}

void EventsPanel::receive(const data::Event &event)
{
    if (!m_paused) {
        m_model->append(event);
        return;
    }
    // Bounded like the table: more than it can show would only be dropped on resume.
    if (int(m_pending.size()) >= m_model->capacity())
        m_pending.pop_front();
    m_pending.push_back(event);
    Q_EMIT pendingCountChanged(pendingCount());
}

void EventsPanel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused) {
        while (!m_pending.empty()) {
            m_model->append(m_pending.front());
            m_pending.pop_front();
        }
    }
    Q_EMIT pausedChanged(paused);
    Q_EMIT pendingCountChanged(pendingCount());
}

void EventsPanel::clear()
{
    m_pending.clear();
    m_model->clear();
    Q_EMIT pendingCountChanged(0);
}

void EventsPanel::addTypes(int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const QString type = m_model->event(row).type;
        if (m_typeCombo->findData(type) >= 0)
            continue;
        // Sorted after "All types", which stays first.
        int at = 1;
        while (at < m_typeCombo->count() && m_typeCombo->itemData(at).toString() < type)
            ++at;
        m_typeCombo->insertItem(at, type, type);
    }
}

void EventsPanel::showDetails(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    m_details->setPlainText(source.isValid() ? eventDetailsJson(m_model->event(source.row())) : QString());
}

void EventsPanel::updateStatus()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text = shown == total ? tr("%n event(s)", nullptr, total)
                                  : tr("%1 of %n event(s)", nullptr, total).arg(shown);
    if (m_paused)
        text += QLatin1Char(' ') + tr("(paused, %n waiting)", nullptr, pendingCount());
    m_status->setText(text);
}

} // namespace helios::panels
