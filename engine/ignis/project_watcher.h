// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace helios::ignis {

// Watches a project's files and directories (not node_modules, .git, .helios or the
// excluded directories) and reports changes once they settle: an editor's save, a git
// checkout or a formatter touching many files arrives as one changed() signal after
// `debounceMs` of quiet. New directories are watched as they appear.
class ProjectWatcher : public QObject {
    Q_OBJECT
public:
    ProjectWatcher(const QString &projectDir, const QStringList &excludedDirs, int debounceMs = 80,
                   QObject *parent = nullptr);
    ~ProjectWatcher() override;

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
    void rescan(const QString &directory);
    void flush();

    QString m_projectDir;
    QStringList m_excluded;
    QFileSystemWatcher *m_watcher;
    QTimer *m_debounce;
    QSet<QString> m_pending;
    QString m_earlyPath;  // the burst's first file, reported early
    bool m_leadingEdge = false;
};

} // namespace helios::ignis
