// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QSocketNotifier;
class QTimer;

namespace helios::ignis {

// Watches a project's files and directories (not node_modules, .git, .helios or the
// excluded directories) and reports changes once they settle: an editor's save, a git
// checkout or a formatter touching many files arrives as one changed() signal after
// `debounceMs` of quiet. New directories are watched as they appear.
//
// Linux's inotify, one watch per directory (its files' writes, creations, deletions and
// renames come with it): a project of 1,000 components is 1,000 watches set up in a few
// ms, where a watch per file (QFileSystemWatcher) took 100-150 ms of the dev server's
// start, and several times that while the first page compiled beside it.
class ProjectWatcher : public QObject {
    Q_OBJECT
public:
    ProjectWatcher(const QString &projectDir, const QStringList &excludedDirs, int debounceMs = 80,
                   QObject *parent = nullptr);
    ~ProjectWatcher() override;

    // Directories watched and files in them.
    int watchedCount() const;
    // Also report the first change of a burst at once (changedEarly), before the quiet
    // time: for a dev server every ms of it is edit-to-screen latency. changed() still
    // follows the burst, listing that path too.
    void setLeadingEdge(bool on) { m_leadingEdge = on; }

Q_SIGNALS:
    // The first changed path of a burst, right away (with setLeadingEdge(true)), and
    // again on each further event of that file within the burst.
    void changedEarly(const QStringList &paths);
    // Paths relative to the project, sorted; a deleted file is listed too.
    void changed(const QStringList &paths);

private:
    void noteChange(const QString &path);
    // Watches `directory` and the directories beneath; `created`: they are new, and so
    // is every file in them.
    void watchTree(const QString &directory, bool created);
    // A directory that is gone, or moved away: its files (and those beneath) are changes.
    void forgetTree(const QString &directory);
    void readEvents();
    void flush();

    QString m_projectDir;
    QStringList m_excluded;
    int m_inotify = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, QString> m_directories;          // watch descriptor -> directory
    QHash<QString, QSet<QString>> m_files;      // directory -> the names of its files
    QTimer *m_debounce;
    QSet<QString> m_pending;
    QString m_earlyPath;  // the burst's first file, reported early
    bool m_leadingEdge = false;
};

} // namespace helios::ignis
