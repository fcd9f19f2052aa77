// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bus/event.h"

#include <QObject>

#include <deque>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QWidget;

namespace helios {
class Engine;
}

namespace helios::panels {

class EventFeed;
class EventFilterModel;
class EventLogModel;
class PanelHost;

// A live table of every Bus event (the newest EventLogModel::DefaultCapacity), narrowed by
// a text filter and an event type, with the selected event's JSON beside it. Pausing keeps
// receiving: the events that arrive meanwhile are appended on resume.
class EventsPanel : public QObject {
    Q_OBJECT
public:
    // Docks itself as "events" and subscribes to the engine's bus.
    EventsPanel(Engine &engine, PanelHost &host, QObject *parent = nullptr);
    // Unsubscribes first: no bus handler runs once the members start going away.
    ~EventsPanel() override;

    QWidget *widget() const { return m_content; }
    EventLogModel *model() const { return m_model; }
    EventFilterModel *filterModel() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QTableView *view() const { return m_view; }
    QPushButton *clearButton() const { return m_clearButton; }
    QPushButton *pauseButton() const { return m_pauseButton; }
    QPlainTextEdit *detailsView() const { return m_details; }

    bool isPaused() const { return m_paused; }
    // Events received while paused, waiting to be shown.
    int pendingCount() const { return int(m_pending.size()); }

public Q_SLOTS:
    void setPaused(bool paused);
    // Empties the table and the details; events received while paused are dropped too.
    void clear();

Q_SIGNALS:
    void pausedChanged(bool paused);
    void pendingCountChanged(int count);

private:
    void buildUi();
    void receive(const data::Event &event);
    void addTypes(int firstRow, int lastRow);
    void showDetails(const QModelIndex &proxyIndex);
    void updateStatus();

    EventLogModel *m_model;
    EventFilterModel *m_filter;
    EventFeed *m_feed = nullptr;
    std::deque<data::Event> m_pending;
    bool m_paused = false;
    bool m_followTail = true;

    // Owned by the host once docked.
    QWidget *m_content = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace helios::panels
