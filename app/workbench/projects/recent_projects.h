// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace helios::workbench {

// The projects opened or created lately, most recent first, kept in QSettings under
// "projects/recent" (at most MaxCount). Paths are stored canonical and absolute, so one
// folder reached two ways is one entry. A folder that went away stays listed until
// removed: the lists that show it decide how (see last()).
class RecentProjects {
public:
    static constexpr int MaxCount = 10;

    QStringList list() const;
    // Moves `dir` to the front (adding it if new) and drops the oldest beyond MaxCount.
    // A path that does not exist is ignored: nothing can be opened from it.
    void add(const QString &dir);
    void remove(const QString &dir);
    // The most recent entry that still looks like a project, or empty.
    QString last() const;

    // True if `dir` holds a helios.json: what makes a folder a Helios project.
    static bool looksLikeProject(const QString &dir);

private:
    void store(const QStringList &dirs);
};

// Asks for a project folder with a folder picker; a folder without helios.json is refused
// with a message and the picker shown again. Returns the chosen folder (canonical), or empty
// when the user cancels.
QString chooseProjectDirectory(QWidget *parent);

} // namespace helios::workbench
