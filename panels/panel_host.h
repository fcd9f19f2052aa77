// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Qt>

class QString;
class QWidget;

namespace helios::panels {

// What a panel may ask of the window that hosts it. Panels never create docks or
// dialogs for errors themselves: the host owns the layout and the one notification area.
class PanelHost {
public:
    virtual ~PanelHost() = default;

    // Shows `content` in a dock. `id` is stable (it keys the saved layout); `title` is
    // already translated. The host takes ownership of `content`.
    virtual void addDock(const QString &id, const QString &title, QWidget *content, Qt::DockWidgetArea area) = 0;

    // Shows a translated message in the host's notification area.
    virtual void notify(const QString &message) = 0;
};

} // namespace helios::panels
