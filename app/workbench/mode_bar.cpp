// SPDX-License-Identifier: Apache-2.0
#include "mode_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>

namespace helios::workbench {

ModeBar::ModeBar(QMainWindow &window)
    : QToolBar(tr("Modes"), &window), m_window(window), m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("modeBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_group->setExclusive(true);
}

QAction *ModeBar::addMode(const QString &id, const QString &title, const QStringList &docks)
{
    auto *action = addAction(title);
    action->setObjectName(id + QStringLiteral("Mode"));
    action->setData(docks);
    action->setCheckable(true);
    const int number = m_group->actions().size() + 1;
    action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number)));
    action->setToolTip(tr("%1 (%2)").arg(title, action->shortcut().toString(QKeySequence::NativeText)));
    m_group->addAction(action);
    connect(action, &QAction::triggered, this, [this, id] { activate(id); });
    return action;
}

QList<QAction *> ModeBar::modeActions() const { return m_group->actions(); }

QString ModeBar::currentMode() const
{
    const QAction *checked = m_group->checkedAction();
    return checked ? checked->objectName().chopped(4) : QString();
}

void ModeBar::activate(const QString &id)
{
    QAction *action = findChild<QAction *>(id + QStringLiteral("Mode"));
    if (!action)
        return;
    action->setChecked(true);
    const QStringList docks = action->data().toStringList();
    for (const QString &name : docks) {
        if (auto *dock = m_window.findChild<QDockWidget *>(name)) {
            dock->show();
            dock->raise();
        }
    }
    if (!docks.isEmpty())
        if (auto *first = m_window.findChild<QDockWidget *>(docks.first()); first && first->widget())
            first->widget()->setFocus(Qt::ShortcutFocusReason);
    Q_EMIT modeActivated(id);
}

} // namespace helios::workbench
