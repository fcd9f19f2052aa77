// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "locator_entry.h"

namespace helios::workbench {

// What the locator finds in a project, read from disk: no GUI and no shared state, so it
// runs on a worker thread.
//   files       every file by project-relative path, skipping node_modules, dist and .git,
//               at most `maxFiles` (a folder with more is not a project one browses so);
//   tokens      each token of tokens/*.tokens.json, read with SLATE, at its key's file:line
//               (a token that a theme file defines again is listed once per file);
//   components  each folder src/components/<Name> holding <Name>.tsx, at its line 1.
class ProjectIndexer {
public:
    static constexpr int DefaultMaxFiles = 20000;

    static QList<LocatorEntry> index(const QString &projectDir, int maxFiles = DefaultMaxFiles);

    static QList<LocatorEntry> files(const QString &projectDir, int maxFiles);
    static QList<LocatorEntry> tokens(const QString &projectDir);
    static QList<LocatorEntry> components(const QString &projectDir);
};

} // namespace helios::workbench
