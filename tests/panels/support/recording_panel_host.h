// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panel_host.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace helios::test {

// The window a panel test hosts its panel in: keeps the dock's content alive and records
// the dock's id and every notification, for the test to check.
class RecordingPanelHost : public panels::PanelHost {
public:
    void addDock(const QString &id, const QString &, QWidget *content, Qt::DockWidgetArea) override
    {
        dockId = id;
        widget.reset(content);
    }
    void notify(const QString &message) override { messages.append(message); }

    QString dockId;
    std::unique_ptr<QWidget> widget;
    QStringList messages;
};

} // namespace helios::test
