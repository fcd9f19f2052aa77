// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panel_host.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <memory>

namespace helios::test {

// The editor panel docks two widgets (files and editor); this host keeps every dock's
// content alive by id, and the notifications, for the test to check.
class TwoDockPanelHost : public panels::PanelHost {
public:
    void addDock(const QString &id, const QString &, QWidget *content, Qt::DockWidgetArea) override
    {
        docks[id].reset(content);
        content->resize(900, 600);
        content->show();
    }
    void notify(const QString &message) override { messages.append(message); }

    std::map<QString, std::unique_ptr<QWidget>> docks;
    QStringList messages;
};

} // namespace helios::test
