// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignition/git_worktree.h"

#include <QColor>
#include <QString>

namespace helios::panels {

// How the file tree and the commit dialog show a file's git state, in one place so both
// agree: a one-letter code as git's short status uses, a colour and a translated word.
struct GitStatusStyle {
    // "U" untracked, "A" added, "M", "D", "R", "T", "C" (conflicted).
    static QString letter(const ignition::GitFileStatus &status);
    static QColor colour(ignition::GitFileStatus::State state);
    // For example "Modified (staged)".
    static QString description(const ignition::GitFileStatus &status);
};

} // namespace helios::panels
