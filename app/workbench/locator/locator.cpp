// SPDX-License-Identifier: Apache-2.0
#include "locator.h"

#include "locator_delegate.h"
#include "locator_matcher.h"
#include "locator_model.h"
#include "project_indexer.h"

#include <QAction>
#include <QApplication>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace helios::workbench {

namespace {

// "&Save A&ll" -> "Save All"; "&&" stays one literal '&'.
QString withoutMnemonics(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'&') {
            out.append(text.at(i));
        } else if (i + 1 < text.size() && text.at(i + 1) == u'&') {
            out.append(u'&');
            ++i;
        }
    }
    return out;
}

} // namespace

Locator::Locator(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("locator"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("locatorQuery"));
    m_query->setPlaceholderText(tr("Find actions, files, tokens, components (> actions, t tokens, c components, f files)"));
    m_query->setClearButtonEnabled(true);
    m_model = new LocatorModel(this);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("locatorResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new LocatorDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setFocusPolicy(Qt::NoFocus); // keys stay in the query; it steers the list
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_query);
    layout->addWidget(m_view, 1);
    resize(600, 360);
    hide();

    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &Locator::refilter);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) { activate(index.row()); });
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) { activate(index.row()); });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (isVisible() && now && now != this && !isAncestorOf(now))
            hide();
    });
}

Locator::~Locator() = default;

void Locator::setActions(const QList<QAction *> &actions)
{
    m_actionEntries.clear();
    for (QAction *action : actions) {
        if (!action || action->isSeparator() || action->text().isEmpty())
            continue;
        LocatorEntry entry;
        entry.kind = LocatorEntry::Kind::Action;
        entry.title = withoutMnemonics(action->text());
        entry.detail = action->shortcut().toString(QKeySequence::NativeText);
        entry.action = action;
        m_actionEntries.append(entry);
        // An action deleted later must not be triggered from a stale entry.
        connect(action, &QObject::destroyed, this, [this, action] {
            m_actionEntries.removeIf([action](const LocatorEntry &e) { return e.action == action; });
            rebuildEntries();
        });
    }
    rebuildEntries();
}

void Locator::setProjectDir(const QString &dir)
{
    m_projectDir = dir;
    const int generation = ++m_generation;
    if (dir.isEmpty()) {
        m_indexing = false;
        m_projectEntries.clear();
        rebuildEntries();
        Q_EMIT indexed();
        return;
    }
    m_indexing = true;
    auto *watcher = new QFutureWatcher<QList<LocatorEntry>>(this);
    connect(watcher, &QFutureWatcher<QList<LocatorEntry>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another project was chosen meanwhile
        m_indexing = false;
        m_projectEntries = watcher->result();
        rebuildEntries();
        Q_EMIT indexed();
    });
    watcher->setFuture(QtConcurrent::run([dir] { return ProjectIndexer::index(dir); }));
}

void Locator::rebuildEntries()
{
    m_entries = m_actionEntries + m_projectEntries;
    refilter();
}

void Locator::refilter()
{
    const QList<int> ranked = LocatorMatcher::rank(m_entries, LocatorQuery::parse(m_query->text()));
    QList<LocatorEntry> results;
    results.reserve(ranked.size());
    for (int index : ranked)
        results.append(m_entries.at(index));
    m_model->setResults(std::move(results));
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0));
}

void Locator::popup()
{
    m_query->clear();
    refilter();
    placeOverParent();
    show();
    raise();
    activateWindow();
    m_query->setFocus(Qt::ShortcutFocusReason);
}

void Locator::placeOverParent()
{
    QWidget *host = parentWidget();
    if (!host)
        return;
    const int width = qBound(320, host->width() * 2 / 3, 720);
    const int height = qBound(200, host->height() / 2, 420);
    setGeometry((host->width() - width) / 2, 8, width, height);
}

void Locator::activate(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const LocatorEntry entry = m_model->entryAt(row);
    hide();
    if (entry.action) {
        entry.action->trigger();
        return;
    }
    Q_EMIT openLocation(entry.file, entry.line, entry.column);
}

void Locator::moveCurrent(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = qBound(0, m_view->currentIndex().row() + delta, rows - 1);
    m_view->setCurrentIndex(m_model->index(row));
}

bool Locator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_query || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        hide();
        return true;
    case Qt::Key_Down:
        moveCurrent(1);
        return true;
    case Qt::Key_Up:
        moveCurrent(-1);
        return true;
    case Qt::Key_PageDown:
        moveCurrent(10);
        return true;
    case Qt::Key_PageUp:
        moveCurrent(-10);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0);
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

} // namespace helios::workbench
