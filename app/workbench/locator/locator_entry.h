// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

class QAction;

namespace helios::workbench {

// One thing the locator can find. An action is triggered; anything else opens `file`
// (absolute) at `line` and `column` (1-based).
struct LocatorEntry {
    enum class Kind { Action, File, Token, Component };

    Kind kind = Kind::File;
    QString title;    // what is matched first: the action's text, a file's name, a token's path
    QString detail;   // shown beside it: a shortcut, a file's project-relative path, file:line
    QString file;
    int line = 0;
    int column = 0;
    QAction *action = nullptr; // not owned; Action entries only
};

} // namespace helios::workbench
