// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "locator_entry.h"

#include <QFrame>
#include <QList>

class QAction;
class QLineEdit;
class QListView;

namespace helios::workbench {

class LocatorModel;

// Ctrl+K: a search box over the window's actions and the open project's files, tokens and
// components. It floats over the top centre of its parent window and hides on Esc, on
// activation or when focus leaves it. Typing filters as described in LocatorMatcher
// ("> " actions only, "t " tokens, "c " components, "f " files); Up/Down choose, Enter
// activates: an action is triggered, anything else reported through openLocation.
class Locator : public QFrame {
    Q_OBJECT
public:
    explicit Locator(QWidget *parent = nullptr);
    ~Locator() override;

    // The actions offered (not owned): titles without '&', the shortcut as detail. A
    // disabled or hidden action is left out of the results while it is so.
    void setActions(const QList<QAction *> &actions);
    // Indexes the project on a worker thread and emits indexed() when its entries are in;
    // an empty dir drops the project's entries. A newer call supersedes a running one.
    void setProjectDir(const QString &dir);
    QString projectDir() const { return m_projectDir; }
    bool isIndexing() const { return m_indexing; }

    QLineEdit *queryEdit() const { return m_query; }
    QListView *resultView() const { return m_view; }
    LocatorModel *resultModel() const { return m_model; }
    // Actions first, then the project's components, tokens and files.
    const QList<LocatorEntry> &entries() const { return m_entries; }

public Q_SLOTS:
    // Shows the locator with an empty query and the focus in it.
    void popup();
    // Activates a row of the results (as Enter does for the current one).
    void activate(int row);

Q_SIGNALS:
    void indexed();
    void openLocation(const QString &absoluteFile, int line, int column);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void rebuildEntries();
    void placeOverParent();
    void moveCurrent(int delta);

    QLineEdit *m_query = nullptr;
    QListView *m_view = nullptr;
    LocatorModel *m_model = nullptr;
    QList<LocatorEntry> m_actionEntries;
    QList<LocatorEntry> m_projectEntries;
    QList<LocatorEntry> m_entries;
    QString m_projectDir;
    int m_generation = 0; // which setProjectDir() call a finished index belongs to
    bool m_indexing = false;
};

} // namespace helios::workbench
