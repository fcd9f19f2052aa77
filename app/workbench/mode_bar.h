// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QToolBar>

class QActionGroup;
class QMainWindow;

namespace helios::workbench {

// The bar down the window's left edge that switches between the subsystems, as in an IDE:
// each mode shows and raises its docks (by object name). Mode n has the shortcut Ctrl+n.
class ModeBar : public QToolBar {
    Q_OBJECT
public:
    explicit ModeBar(QMainWindow &window);

    // Adds the next mode; `docks` are dock object names, the first gets the focus.
    QAction *addMode(const QString &id, const QString &title, const QStringList &docks);
    QList<QAction *> modeActions() const;
    QString currentMode() const;

public Q_SLOTS:
    // Shows and raises the mode's docks; unknown ids do nothing.
    void activate(const QString &id);

Q_SIGNALS:
    void modeActivated(const QString &id);

private:
    QMainWindow &m_window;
    QActionGroup *m_group;
};

} // namespace helios::workbench
